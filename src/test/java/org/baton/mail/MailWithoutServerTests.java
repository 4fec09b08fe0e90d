package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.baton.outbox.Outbox;
import org.baton.outbox.OutboxMessage;
import org.baton.outbox.PendingMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/** Without {@code spring.mail.host} (the demo, the other tests) nothing is sent, nothing is lost, and the outbox page says why. */
@IntegrationTest
class MailWithoutServerTests {

    @Autowired MailDelivery delivery;
    @Autowired Outbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void withoutAMailServerNoticesStayQueuedUntouchedAndTheOutboxPageSaysSo() {
        String subject = Fixtures.unique("Queued ");
        UUID id = transactions.execute(tx -> outbox.enqueue(new OutboxMessage(MailTemplates.CUSTOMER, null, "fay@acme.example", subject,
                Map.of("template", "VERIFY_EMAIL", "text", "Hello"))));

        assertThat(delivery.configured()).isFalse();
        assertThat(delivery.deliver(Instant.now().plusSeconds(3600))).isZero();

        PendingMessage waiting = outbox.find(id).orElseThrow();
        assertThat(waiting.deliveredAt()).isNull();
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.dead()).isFalse();
        Browser admin = Browser.signedIn(mvc, fixtures.admin().username(), Fixtures.PASSWORD);
        assertThat(admin.get("/admin/outbox")).hasStatusOk().bodyText()
                .contains("id=\"smtp-not-configured\"", "spring.mail.host", "id=\"outbox-" + id + "\"", subject, "Queued");
    }
}
