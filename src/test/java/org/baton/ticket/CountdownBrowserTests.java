package org.baton.ticket;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.baton.BrowserTest;
import org.baton.Chromium;
import org.baton.calendar.CalendarId;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.SupportGroup;
import org.baton.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page left open keeps its clocks true: when a target falls due while an agent looks at the ticket or the queue,
 * the countdown turns "breached" by itself, with no reload and no change to the ticket. The browser's clock is
 * Playwright's, moved forward; the server is not involved after the page loaded.
 */
@BrowserTest
class CountdownBrowserTests {

    @Autowired Fixtures fixtures;
    @LocalServerPort int port;

    @Test
    void aFirstResponseTargetThatFallsDueWhileThePageIsOpenTurnsBreached(Chromium chromium) throws Exception {
        Organization org = fixtures.organization();
        SupportGroup serviceDesk = fixtures.groupServing(org);
        User alice = fixtures.agentIn(serviceDesk);
        User carol = fixtures.customerOf(org);
        post(fixtures.tokenFor(fixtures.admin()), "/api/v1/service-level-policies", """
                {"kind": "SLA", "name": "%s", "organizationId": "%s", "calendarId": "%s",
                 "targets": [{"ticketType": "INCIDENT", "priority": "P2", "target": "FIRST_RESPONSE", "duration": "PT15M"},
                             {"ticketType": "INCIDENT", "priority": "P2", "target": "RESOLUTION", "duration": "PT8H"}]}
                """.formatted(Fixtures.unique("Countdown SLA"), org.id(), CalendarId.TWENTY_FOUR_SEVEN));
        String created = post(fixtures.tokenFor(carol), "/api/v1/tickets", """
                {"type": "INCIDENT", "subject": "Cannot open the shared calendar", "impact": "MEDIUM", "urgency": "HIGH"}""");
        String number = created.replaceAll("(?s).*\"number\"\\s*:\\s*\"([A-Z]+-\\d+)\".*", "$1");

        Page agent = chromium.signedIn(alice.username(), Fixtures.PASSWORD);
        agent.clock().install();
        agent.navigate("/tickets/" + number);
        var firstResponse = agent.locator("#sla-countdowns .sla-chip").filter(new Locator.FilterOptions()
                .setHasText("First response"));
        assertThat(firstResponse).hasClass(Pattern.compile("sla-(running|warning)"));
        assertThat(firstResponse.locator("time")).hasText(Pattern.compile("due in 1[45] min"));
        agent.evaluate("document.body.dataset.sameDocument = 'yes'");

        agent.clock().runFor(16 * 60 * 1000);

        assertThat(firstResponse).hasClass(Pattern.compile("sla-breached"));
        assertThat(firstResponse.locator("time")).hasText(Pattern.compile("breached (just now|1 min ago)"));
        assertThat(firstResponse.locator(".visually-hidden")).hasText("Breached:");
        assertThat(agent.locator("#sla-countdowns .sla-chip").filter(new Locator.FilterOptions()
                .setHasText("Resolution")).locator("time")).hasText(Pattern.compile("due in 7 h 4[34] min"));
        assertThat(agent.locator("body")).hasAttribute("data-same-document", "yes");
        chromium.screenshot(agent, "ticket-page-first-response-breached");

        // the unassigned queue, in another window with its own clock: the row's due instant is soon, then breached
        Page queue = chromium.signedIn(alice.username(), Fixtures.PASSWORD);
        queue.clock().install();
        queue.navigate("/queues?view=unassigned&organization=" + org.id());
        var due = queue.locator("tr[data-ticket='" + number + "'] time[data-countdown=due]");
        assertThat(due).hasClass(Pattern.compile("sla-soon"));
        queue.evaluate("document.body.dataset.sameDocument = 'yes'");
        queue.clock().runFor(16 * 60 * 1000);
        assertThat(due).hasClass(Pattern.compile("sla-breached"));
        assertThat(due).hasText(Pattern.compile("breached (just now|1 min ago)"));
        assertThat(queue.locator("tr[data-ticket='" + number + "'] time[data-countdown=relative]")).hasText(Pattern.compile("1[56] min ago"));
        assertThat(queue.locator("body")).hasAttribute("data-same-document", "yes");
    }

    private String post(String token, String path, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new AssertionError(path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
