package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.baton.Browser;
import org.baton.identity.DirectoryAdministration;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.OrganizationDetails;
import org.baton.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The failed-intake list: a message that cannot be taken in is kept with its raw source; an administrator downloads it,
 * retries it after fixing the cause, or discards it; nobody else may.
 */
class FailedIntakeTests extends MailIntakeTestSupport {

    @Autowired DirectoryAdministration administration;

    @Test
    void mailFromADomainNoOrganizationOwnsFailsAndIsTakenInWhenRetriedAfterTheDomainIsAdded() throws Exception {
        String domain = Fixtures.unique("unknown").toLowerCase() + ".example";
        String subject = Fixtures.unique("Who am I ");
        MailTestServer.deliver(mail("gina@" + domain, "Gina", subject, "Hello desk."));
        poll();
        assertThat(intake(subject).get("state")).isEqualTo("FAILED");
        assertThat(intake(subject).get("outcome").toString()).contains("no organization for gina@" + domain);
        UUID id = idOf(subject);

        Browser admin = Browser.signedIn(mvc, fixtures.admin().username(), Fixtures.PASSWORD);
        assertThat(admin.get("/admin/mail/failed")).hasStatusOk().bodyText()
                .contains("Failed mail intake").contains("gina@" + domain).contains(subject).contains("no organization for");
        byte[] raw = admin.get("/admin/mail/failed/" + id + "/raw").getResponse().getContentAsByteArray();
        assertThat(new String(raw, StandardCharsets.UTF_8)).contains("Subject: " + subject).contains("Hello desk.");
        assertThat(raw).isEqualTo(messages.raw(id).orElseThrow());

        // still failing: the retry says so and keeps it in the list
        assertThat(admin.post("/admin/mail/failed/" + id + "/retry")).hasStatus3xxRedirection();
        assertThat(intake(subject).get("state")).isEqualTo("FAILED");

        Organization org = fixtures.organization();
        administration.updateOrganization(org.id(), org.version(), new OrganizationDetails(org.name(), org.code(),
                List.of(org.mailDomains().getFirst(), domain), false, true));
        assertThat(admin.post("/admin/mail/failed/" + id + "/retry")).hasStatus3xxRedirection();

        assertThat(intake(subject).get("state")).isEqualTo("TICKET");
        String number = ticketOf(subject);
        assertThat(ticket(number).get("organization_id")).isEqualTo(org.id().value());
        assertThat(ticket(number).get("requester_display")).isEqualTo("Gina");
        assertThat(admin.get("/admin/mail/failed")).bodyText().doesNotContain(subject);
    }

    @Test
    void aMessageWithoutASenderFailsAndCanBeDiscardedButIsKept() throws Exception {
        String subject = Fixtures.unique("Nobody ");
        MailTestServer.deliver(("Subject: " + subject + "\r\nMessage-ID: <" + Fixtures.unique("n") + "@x.example>\r\n\r\nno from\r\n")
                .getBytes(StandardCharsets.UTF_8));
        poll();
        assertThat(intake(subject).get("state")).isEqualTo("FAILED");
        assertThat(intake(subject).get("outcome").toString()).startsWith("no sender");
        UUID id = idOf(subject);

        Browser admin = Browser.signedIn(mvc, fixtures.admin().username(), Fixtures.PASSWORD);
        assertThat(admin.post("/admin/mail/failed/" + id + "/discard")).hasStatus3xxRedirection();

        assertThat(intake(subject).get("state")).isEqualTo("DISCARDED");
        assertThat(messages.raw(id)).isPresent();
        assertThat(admin.get("/admin/mail/failed")).bodyText().doesNotContain(subject);
        assertThat(admin.post("/admin/mail/failed/" + id + "/retry")).hasStatus3xxRedirection();
        assertThat(intake(subject).get("state")).isEqualTo("DISCARDED");
    }

    @Test
    void onlyAdministratorsSeeRetryOrDiscardFailedIntake() throws Exception {
        String subject = Fixtures.unique("Private ");
        UUID id = failedWithoutSender(subject);
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        User customer = fixtures.customerOf(fixtures.organization());
        for (User user : List.of(agent, customer)) {
            Browser browser = Browser.signedIn(mvc, user.username(), Fixtures.PASSWORD);
            assertThat(browser.get("/admin/mail/failed")).hasStatus(403);
            assertThat(browser.get("/admin/mail/failed/" + id + "/raw")).hasStatus(403);
            assertThat(browser.post("/admin/mail/failed/" + id + "/discard")).hasStatus(403);
            String token = fixtures.tokenFor(user);
            assertThat(mvc.get().uri("/api/v1/mail/failed-intake").header(AUTHORIZATION, "Bearer " + token)).hasStatus(403);
            assertThat(mvc.post().uri("/api/v1/mail/failed-intake/" + id + "/retry").header(AUTHORIZATION, "Bearer " + token))
                    .hasStatus(403);
        }
        assertThat(intake(subject).get("state")).isEqualTo("FAILED");
    }

    @Test
    void theApiListsRetriesAndDiscardsFailedIntake() throws Exception {
        String subject = Fixtures.unique("Api ");
        UUID id = failedWithoutSender(subject);
        String token = fixtures.tokenFor(fixtures.admin());

        assertThat(mvc.get().uri("/api/v1/mail/failed-intake?limit=200").header(AUTHORIZATION, "Bearer " + token)).hasStatusOk()
                .bodyJson().extractingPath("$.items[?(@.id == '" + id + "')].subject").asArray().containsExactly(subject);
        assertThat(mvc.get().uri("/api/v1/mail/failed-intake/" + id).header(AUTHORIZATION, "Bearer " + token)).hasStatusOk()
                .bodyJson().extractingPath("$.error").asString().startsWith("no sender");
        assertThat(mvc.get().uri("/api/v1/mail/failed-intake/" + id + "/raw").header(AUTHORIZATION, "Bearer " + token)).hasStatusOk()
                .bodyText().contains("no from");
        assertThat(mvc.post().uri("/api/v1/mail/failed-intake/" + id + "/retry").header(AUTHORIZATION, "Bearer " + token)).hasStatusOk()
                .bodyJson().extractingPath("$.state").isEqualTo("FAILED");
        assertThat(mvc.post().uri("/api/v1/mail/failed-intake/" + id + "/discard").header(AUTHORIZATION, "Bearer " + token))
                .hasStatus(204);
        assertThat(mvc.post().uri("/api/v1/mail/failed-intake/" + id + "/discard").header(AUTHORIZATION, "Bearer " + token))
                .hasStatus(409);
        assertThat(mvc.get().uri("/api/v1/mail/failed-intake/" + UUID.randomUUID()).header(AUTHORIZATION, "Bearer " + token))
                .hasStatus(404);
    }

    private UUID idOf(String subject) {
        return jdbc.sql("select id from mail_intake where subject = :s").param("s", subject).query(UUID.class).single();
    }
}
