package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.baton.Browser;
import org.baton.identity.Fixtures;
import org.baton.outbox.OutboxMessage;
import org.baton.outbox.PendingMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A message the mail server can never take dies after a few attempts and stays visible on /admin/outbox with its
 * error; "Retry now" makes it due again. Only administrators see the page.
 */
class OutboxAdminPageTests extends MailIntegration {

    @Autowired Fixtures fixtures;
    @Autowired TransactionTemplate transactions;
    @Autowired MeterRegistry meters;

    private UUID queued(String recipient, String subject) {
        return transactions.execute(tx -> outbox.enqueue(new OutboxMessage(MailTemplates.CUSTOMER, null, recipient, subject,
                Map.of("template", "VERIFY_EMAIL", "text", "Please confirm your address.", "link", "/portal/verify?token=abc"))));
    }

    @Test
    void anUnsendableMessageDiesAfterThreeAttemptsIsListedWithItsErrorAndRetryNowMakesItDue() {
        String subject = Fixtures.unique("Confirm your address ");
        UUID id = queued("carol@@broken.example", subject);
        double deadBefore = meters.counter("baton.mail.dead").count();

        Instant at = Instant.now();
        for (int attempt = 1; attempt <= 3; attempt++) {
            deliverAllDue(at);
            at = at.plusSeconds(7200);
        }
        PendingMessage dead = outbox.find(id).orElseThrow();
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.dead()).isTrue();
        assertThat(dead.lastError()).startsWith("invalid address");
        assertThat(meters.counter("baton.mail.dead").count() - deadBefore).isGreaterThanOrEqualTo(1);
        deliverAllDue(at.plusSeconds(86_400));
        assertThat(outbox.find(id).orElseThrow().attempts()).as("a dead message is not retried by itself").isEqualTo(3);

        Browser admin = Browser.signedIn(mvc, fixtures.admin().username(), Fixtures.PASSWORD);
        assertThat(admin.get("/admin/outbox")).hasStatusOk().bodyText()
                .contains("id=\"outbox-" + id + "\"", subject, "carol@@broken.example", "Dead", "invalid address", "id=\"retry-" + id + "\"")
                .doesNotContain("id=\"smtp-not-configured\"");

        assertThat(admin.post("/admin/outbox/" + id + "/retry")).hasStatus3xxRedirection().hasRedirectedUrl("/admin/outbox");
        PendingMessage retried = outbox.find(id).orElseThrow();
        assertThat(retried.dead()).isFalse();
        assertThat(retried.nextAttemptAt()).isBeforeOrEqualTo(Instant.now());
        assertThat(admin.get("/admin/outbox")).bodyText().contains("goes out with the next delivery run");

        deliverAllDue(Instant.now());
        assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(4);
    }

    @Test
    void aDeliveredMessageIsNotListedAndRetryingAnUnknownOneIsNotFound() {
        String subject = Fixtures.unique("Welcome ");
        UUID id = queued(Fixtures.unique("dora") + "@acme.example", subject);
        deliverAllDue(Instant.now());
        assertThat(outbox.find(id).orElseThrow().deliveredAt()).isNotNull();

        Browser admin = Browser.signedIn(mvc, fixtures.admin().username(), Fixtures.PASSWORD);
        assertThat(admin.get("/admin/outbox")).hasStatusOk().bodyText().doesNotContain(subject);
        assertThat(admin.post("/admin/outbox/" + UUID.randomUUID() + "/retry")).hasStatus(404);
        assertThat(admin.post("/admin/outbox/not-a-uuid/retry")).hasStatus(404);
        assertThat(admin.post("/admin/outbox/" + id + "/retry")).hasStatus3xxRedirection();
        assertThat(admin.get("/admin/outbox")).bodyText().contains("was already delivered");
    }

    @Test
    void onlyAdministratorsSeeTheOutboxOrRetryMail() {
        UUID id = queued("carol@@broken.example", Fixtures.unique("Nope "));
        Browser agent = Browser.signedIn(mvc, fixtures.agentIn(fixtures.groupServingAll()).username(), Fixtures.PASSWORD);
        Browser customer = Browser.signedIn(mvc, fixtures.customerOf(fixtures.organization()).username(), Fixtures.PASSWORD);
        for (Browser browser : java.util.List.of(agent, customer)) {
            assertThat(browser.get("/admin/outbox")).hasStatus(403);
            assertThat(browser.post("/admin/outbox/" + id + "/retry")).hasStatus(403);
        }
        Browser admin = Browser.signedIn(mvc, fixtures.admin().username(), Fixtures.PASSWORD);
        assertThat(admin.postWithoutCsrf("/admin/outbox/" + id + "/retry")).hasStatus(403);
    }
}
