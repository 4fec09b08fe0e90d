package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.baton.identity.Fixtures;
import org.baton.outbox.OutboxMessage;
import org.baton.outbox.PendingMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a real SMTP conversation reports: a recipient refused with 5xx on RCPT TO is a permanent failure (dead after
 * three attempts), one deferred with 4xx is retried for ever, and the rest of the batch goes out regardless.
 */
class RejectedRecipientTests extends MailIntegration {

    @Autowired TransactionTemplate transactions;

    private UUID queued(String recipient) {
        return transactions.execute(tx -> outbox.enqueue(new OutboxMessage(MailTemplates.CUSTOMER, null, recipient, "Hello",
                Map.of("template", "VERIFY_EMAIL", "text", "Hello"))));
    }

    @Test
    void aRecipientRefusedWith5xxDiesAfterThreeAttemptsOneDeferredWith4xxKeepsBeingRetried() throws Exception {
        String unknown = Fixtures.unique("nobody") + "@acme.example";
        String full = Fixtures.unique("full") + "@acme.example";
        String fine = Fixtures.unique("fine") + "@acme.example";
        UUID refused = queued(unknown);
        UUID deferred = queued(full);
        UUID accepted = queued(fine);

        Smtp.stop();
        try (ScriptedSmtp server = new ScriptedSmtp(Smtp.SMTP_PORT, address -> address.equals(unknown) ? "550 5.1.1 no such user"
                : address.equals(full) ? "452 4.2.2 mailbox full" : "250 2.1.5 OK")) {
            Instant at = Instant.now();
            deliverAllDue(at);

            assertThat(outbox.find(accepted).orElseThrow().deliveredAt()).isNotNull();
            PendingMessage first = outbox.find(refused).orElseThrow();
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.dead()).isFalse();
            assertThat(first.lastError()).startsWith("recipient rejected").contains("550 5.1.1 no such user");
            assertThat(outbox.find(deferred).orElseThrow().lastError()).contains("452 4.2.2 mailbox full");

            for (int run = 2; run <= 5; run++) {
                at = at.plusSeconds(7200);
                deliverAllDue(at);
            }

            PendingMessage dead = outbox.find(refused).orElseThrow();
            assertThat(dead.dead()).isTrue();
            assertThat(dead.attempts()).isEqualTo(3);
            PendingMessage retried = outbox.find(deferred).orElseThrow();
            assertThat(retried.dead()).isFalse();
            assertThat(retried.attempts()).isEqualTo(5);
            assertThat(retried.deliveredAt()).isNull();
        } finally {
            Smtp.start();
        }
    }
}
