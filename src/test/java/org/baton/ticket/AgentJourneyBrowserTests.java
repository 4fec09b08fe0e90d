package org.baton.ticket;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.baton.BrowserTest;
import org.baton.Chromium;
import org.baton.calendar.CalendarId;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.Role;
import org.baton.identity.SupportGroup;
import org.baton.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The agent's day in a real browser: sign in, log a phone call, hand the ticket to field services, tell the
 * customer what is happening, resolve it; the customer, in a second browser, sees each change arrive without
 * reloading, and never sees an internal note.
 */
@BrowserTest
class AgentJourneyBrowserTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired Fixtures fixtures;
    @LocalServerPort int port;

    @Test
    void anAgentLogsAPhoneTicketHandsItOffUpdatesTheCustomerAndResolvesItWhileTheCustomerWatches(Chromium chromium) throws Exception {
        Organization org = fixtures.organization();
        SupportGroup serviceDesk = fixtures.groupServing(org);
        SupportGroup field = fixtures.groupServing(org);
        User alice = fixtures.agentIn(serviceDesk);
        User carol = fixtures.customerOf(org);
        fixtures.staff(Role.COORDINATOR);
        contract(org);

        // Alice logs Carol's call: she looks Carol up as she types, and owns the ticket
        Page agent = chromium.signedIn(alice.username(), Fixtures.PASSWORD);
        agent.navigate("/tickets/new");
        assertThat(agent.locator("#new-ticket-form")).isVisible();
        agent.locator("#requester-search").pressSequentially(carol.displayName().substring(0, 8));
        agent.locator("#requester-results input[type=radio]").first().check();
        assertThat(agent.locator("#impact")).hasValue("MEDIUM");
        // one change at a time, as a person makes them (two changes within milliseconds can race the preview's swap)
        agent.locator("#urgency").selectOption("HIGH");
        assertThat(agent.locator("#priority-preview")).containsText("P2");
        agent.locator("#subject").fill("Label printer in the warehouse prints blank labels");
        agent.locator("#description").fill("Since the driver update this morning; restarting did not help.");
        chromium.screenshot(agent, "journey-1-new-ticket");
        agent.locator("#log-ticket").click();
        assertThat(agent).hasURL(Pattern.compile("/tickets/INC-\\d+$"));
        String number = agent.locator("#ticket-number").innerText().strip();
        assertThat(agent.locator("#ticket-owner")).containsText(alice.displayName());
        assertThat(agent.locator("#sla-countdowns")).containsText("Resolution");
        chromium.screenshot(agent, "journey-2-ticket");

        // Carol follows her ticket in her own browser
        Page customer = chromium.signedIn(carol.username(), Fixtures.PASSWORD);
        customer.navigate("/tickets/" + number);
        assertThat(customer.locator("#ticket-number")).hasText(number);
        assertThat(customer.locator("#ticket-owner")).containsText(alice.displayName());

        // Alice hands the work to field services; the preview is what Carol will be told
        String eta = LocalDateTime.ofInstant(Instant.now().plus(4, ChronoUnit.HOURS), alice.timeZone()).format(LOCAL);
        agent.locator("#handoff summary").click();
        agent.locator("#handoff-group").selectOption(field.id().toString());
        agent.locator("#handoff-need").selectOption("ON_SITE_VISIT");
        agent.locator("#handoff-eta").fill(eta);
        agent.locator("#handoff-reason").fill("Print head needs a technician on site.");
        assertThat(agent.locator("#handoff-preview")).containsText(field.name());
        chromium.screenshot(agent, "journey-3-handoff-preview");
        agent.locator("#handoff-form button.btn-primary[type=submit]").click();
        assertThat(agent.locator("#ticket-working-group")).containsText(field.name());
        assertThat(agent.locator("#ticket-owner")).containsText(alice.displayName());

        // ... and Carol's page shows it without her reloading
        assertThat(customer.locator("#ticket-working-group")).containsText(field.name());
        assertThat(customer.locator("#timeline")).containsText(field.name());
        chromium.screenshot(customer, "journey-4-customer-sees-handoff");

        // an internal note for the technician, then the structured status update for Carol
        agent.locator("#visibility-internal").check();
        agent.locator("#reply-body").fill("Spare print head is in cabinet 4.");
        agent.locator("#reply-submit").click();
        assertThat(agent.locator("#timeline")).containsText("Spare print head is in cabinet 4.");
        String nextUpdate = LocalDateTime.ofInstant(Instant.now().plus(2, ChronoUnit.HOURS), alice.timeZone()).format(LOCAL);
        agent.locator("#status-update summary").click();
        agent.locator("#action-taken").fill("Technician booked; a replacement print head is reserved for you.");
        agent.locator("#restoration-unknown").fill("the technician confirms the part on site");
        agent.locator("#next-update-at").fill(nextUpdate);
        agent.locator("#status-update-form button.btn-primary[type=submit]").click();
        assertThat(agent.locator("#timeline")).containsText("Technician booked");
        assertThat(agent.locator("#next-update-due")).isVisible();

        assertThat(customer.locator("#timeline")).containsText("Technician booked");
        assertThat(customer.locator("#next-update-due")).containsText("next update due");
        assertThat(customer.locator("#timeline")).not().containsText("cabinet 4");
        chromium.screenshot(customer, "journey-5-customer-sees-status-update");

        // Alice resolves it
        agent.locator("#resolve summary").click();
        agent.locator("#resolution-code").selectOption("FIXED");
        agent.locator("#resolution-notes").fill("Print head replaced; test labels print correctly.");
        agent.locator("#resolve-form button[type=submit] >> nth=0").click();
        assertThat(agent.locator("#ticket-status")).containsText("Resolved");
        chromium.screenshot(agent, "journey-6-resolved");
        assertThat(customer.locator("#ticket-status")).containsText("Resolved");
        chromium.screenshot(customer, "journey-7-customer-sees-resolved");
    }

    /** An SLA for the organization, so the ticket page has countdowns. */
    private void contract(Organization org) throws Exception {
        String token = fixtures.tokenFor(fixtures.admin());
        String body = """
                {"kind": "SLA", "name": "%s", "organizationId": "%s", "calendarId": "%s",
                 "targets": [{"ticketType": "INCIDENT", "priority": "P2", "target": "FIRST_RESPONSE", "duration": "PT30M"},
                             {"ticketType": "INCIDENT", "priority": "P2", "target": "NEXT_UPDATE", "duration": "PT1H"},
                             {"ticketType": "INCIDENT", "priority": "P2", "target": "RESOLUTION", "duration": "PT8H"}]}
                """.formatted(Fixtures.unique("Journey SLA"), org.id(), CalendarId.TWENTY_FOUR_SEVEN);
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/service-level-policies"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new AssertionError("SLA policy: " + created.statusCode() + " " + created.body());
        }
    }
}
