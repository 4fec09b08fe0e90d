package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.calendar.CalendarId;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.Fixtures;
import org.baton.identity.User;
import org.baton.outbox.Outbox;
import org.baton.outbox.PendingMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The ticket page of the agent console and the customer's view of it, through forms as a browser sends them. */
@IntegrationTest
class TicketPageTests {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Outbox outbox;
    @Autowired Tickets tickets;
    @Autowired TicketPresence presence;
    @Autowired Directory directory;

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc, fixtures);
    }

    private static String html(MvcTestResult result) {
        return Desk.body(result);
    }

    private Ticket ticket(String number) {
        return tickets.byNumber(new TicketNumber(number)).orElseThrow();
    }

    private static String inUtc(Duration fromNow) {
        return LOCAL.format(Instant.now().plus(fromNow).atZone(ZoneOffset.UTC));
    }

    private String version(String number) {
        return Long.toString(ticket(number).version());
    }

    @Test
    void staffSeeTheHeaderWithOwnerWorkingGroupNextUpdateAndSlaCountdowns() {
        String admin = fixtures.tokenFor(fixtures.admin());
        policy(admin, """
                {"kind": "SLA", "name": "%s", "organizationId": "%s", "calendarId": "%s",
                 "targets": [{"ticketType": "INCIDENT", "priority": "P2", "target": "FIRST_RESPONSE", "duration": "PT30M"},
                             {"ticketType": "INCIDENT", "priority": "P2", "target": "RESOLUTION", "duration": "PT8H"}]}
                """.formatted(Fixtures.unique("SLA"), desk.org.id(), CalendarId.TWENTY_FOUR_SEVEN));
        policy(admin, """
                {"kind": "OLA", "name": "%s", "supportGroupId": "%s", "calendarId": "%s",
                 "targets": [{"priority": "P2", "target": "ACCEPT", "duration": "PT15M"}]}
                """.formatted(Fixtures.unique("OLA"), desk.field.id(), CalendarId.TWENTY_FOUR_SEVEN));
        String number = desk.phoneIncident();
        desk.post(desk.aliceToken, number, "handoffs", """
                {"groupId": "%s", "reason": "Needs a technician", "need": "ON_SITE_VISIT", "eta": "%s"}"""
                .formatted(desk.field.id(), Instant.now().plus(Duration.ofHours(3))));

        MvcTestResult page = desk.as(desk.alice).get("/tickets/" + number);

        assertThat(page).hasStatusOk();
        String html = html(page);
        assertThat(html).contains("id=\"ticket-header\"", "id=\"ticket-number\"", "id=\"ticket-priority\"", "id=\"ticket-status\"",
                "id=\"ticket-owner\"", "id=\"ticket-working-group\"", "id=\"next-update-due\"", "id=\"sla-countdowns\"",
                "id=\"timeline\"", "class=\"timeline-entry", "data-live-ticket=\"" + number + "\"",
                "data-live-refresh=\"/tickets/" + number + "?fragment=live\"", "/js/live.js");
        assertThat(html).contains("priority-badge priority-p2", "Staff " + desk.alice.username(), desk.field.name())
                .contains("First response", "met", "Resolution", "due in 7 h").contains("Accept hand-off", ">OLA<")
                .contains("id=\"reply-form\"", "id=\"status-update-form\"", "id=\"handoff-form\"", "id=\"handback-form\"",
                        "id=\"transfer-form\"", "id=\"resolve-form\"", "id=\"link-form\"", "data-shortcut=\"r\"")
                .doesNotContain(">IN_PROGRESS<", ">ON_SITE_VISIT<", ">P2<");
        assertThat(desk.as(desk.tech).get("/tickets/" + number)).bodyText().contains("id=\"accept-handoff-form\"");
        assertThat(html).doesNotContain("id=\"accept-handoff-form\"");
    }

    @Test
    void theCustomerSeesThePublicPageWithoutInternalNotesServiceLevelTargetsOrStaffActions() {
        String number = desk.portalIncident();
        desk.post(desk.aliceToken, number, "comments", "{\"body\": \"Secret: the printer vendor is slow\", \"visibility\": \"INTERNAL\"}");
        desk.post(desk.aliceToken, number, "comments", "{\"body\": \"We are looking at it.\"}");

        MvcTestResult staffPage = desk.as(desk.alice).get("/tickets/" + number);
        assertThat(staffPage).bodyText().contains("Secret: the printer vendor is slow", "timeline-internal", ">Internal<");

        MvcTestResult page = desk.as(desk.carol).get("/tickets/" + number);
        assertThat(page).hasStatusOk();
        assertThat(html(page)).contains("id=\"ticket-header\"", "id=\"ticket-status\"", "id=\"ticket-owner\"",
                        "id=\"next-update-due\"", "We are looking at it.", "Message to you", "id=\"reply-form\"", "id=\"reply-body\"")
                .doesNotContain("Secret: the printer vendor is slow", "timeline-internal", "id=\"status-update-form\"",
                        "id=\"handoff-form\"", "id=\"transfer-form\"", "id=\"resolve-form\"", "id=\"link-form\"",
                        "id=\"presence\"", "visibility-internal", "id=\"sla-countdowns\"");
        assertThat(desk.as(desk.carol).post("/tickets/" + number + "/reply", "version", version(number), "body", "sneaky",
                "visibility", "INTERNAL")).hasStatus(403);
        assertThat(desk.as(desk.carol).post("/tickets/" + number + "/handoff", "version", version(number))).hasStatus(403);
    }

    @Test
    void aCustomerOrAgentOfAnotherOrganizationGetsNotFound() {
        String number = desk.portalIncident();
        assertThat(desk.as(desk.stranger).get("/tickets/" + number)).hasStatus(404);
        assertThat(desk.as(desk.outsideAgent).get("/tickets/" + number)).hasStatus(404);
        assertThat(desk.as(desk.outsideAgent).post("/tickets/" + number + "/reply", "body", "hello")).hasStatus(404);
        assertThat(desk.as(desk.dan).get("/tickets/" + number)).hasStatus(404);
    }

    @Test
    void aReplyAndAnInternalNoteThroughTheFormRedirectWithANoticeAndAppearOnTheTimeline() {
        String number = desk.phoneIncident();
        Browser alice = desk.as(desk.alice);
        assertThat(alice.post("/tickets/" + number + "/reply", "version", version(number), "body", "Please restart the laptop",
                "visibility", "PUBLIC")).hasStatus3xxRedirection().hasRedirectedUrl("/tickets/" + number);
        assertThat(alice.get("/tickets/" + number)).bodyText().contains("id=\"ticket-notice\"", "Reply sent to the customer.");
        assertThat(alice.post("/tickets/" + number + "/reply", "version", version(number), "body", "Probably the driver",
                "visibility", "INTERNAL")).hasStatus3xxRedirection();
        String html = html(alice.get("/tickets/" + number));
        assertThat(html).contains("id=\"ticket-notice\"", "Internal note added.", "Please restart the laptop", "Probably the driver");
        assertThat(html(desk.as(desk.carol).get("/tickets/" + number))).contains("Please restart the laptop").doesNotContain("Probably the driver");
    }

    @Test
    void aStatusUpdateResolveAndReopenWorkThroughTheirForms() {
        String number = desk.phoneIncident();
        Browser alice = desk.as(desk.alice);
        assertThat(alice.post("/tickets/" + number + "/status-update", "version", version(number), "actionTaken", "Rebooted the router",
                "restorationUnknownReason", "waiting for the ISP", "nextUpdateAt", inUtc(Duration.ofMinutes(41))))
                .hasStatus3xxRedirection();
        assertThat(ticket(number).nextUpdateDueAt()).isNotNull();
        assertThat(html(alice.get("/tickets/" + number))).contains("Rebooted the router", "next update due in 40 min",
                "Restoration unknown: waiting for the ISP");

        assertThat(alice.post("/tickets/" + number + "/transition", "version", version(number), "to", "RESOLVED",
                "resolutionCode", "FIXED", "resolutionNotes", "Replaced the cable")).hasStatus3xxRedirection();
        assertThat(ticket(number).status()).isEqualTo(TicketStatus.RESOLVED);
        String resolved = html(alice.get("/tickets/" + number));
        assertThat(resolved).contains("Status: Assigned → Resolved").contains("id=\"reopen-form\"", "id=\"close-form\"")
                .doesNotContain("id=\"resolve-form\"");

        assertThat(desk.as(desk.carol).post("/tickets/" + number + "/transition", "version", version(number), "to", "IN_PROGRESS",
                "reason", "Still broken")).hasStatus3xxRedirection();
        assertThat(ticket(number).status()).isEqualTo(TicketStatus.IN_PROGRESS);
    }

    @Test
    void aTransferAndALinkWorkThroughTheirForms() {
        String number = desk.phoneIncident();
        String other = desk.portalIncident();
        Browser alice = desk.as(desk.alice);
        assertThat(alice.post("/tickets/" + number + "/transfer", "version", version(number), "ownerId", desk.bob.id().value().toString(),
                "reason", "Going on leave")).hasStatus3xxRedirection();
        assertThat(ticket(number).ownerId()).isEqualTo(desk.bob.id());
        assertThat(alice.post("/tickets/" + number + "/links", "version", version(number), "kind", "RELATED_TO", "target", other))
                .hasStatus3xxRedirection();
        String html = html(alice.get("/tickets/" + number));
        assertThat(html).contains("Ownership transferred", "Going on leave", "Owner: Staff " + desk.alice.username() + " → Staff "
                + desk.bob.username()).contains("id=\"link-list\"", "Related to", other);
    }

    @Test
    void acceptHandBackPendingResumeAndCancelWorkThroughTheirForms() {
        String number = desk.phoneIncident();
        desk.post(desk.aliceToken, number, "handoffs", """
                {"groupId": "%s", "reason": "Needs a technician", "need": "ON_SITE_VISIT", "eta": "%s"}"""
                .formatted(desk.field.id(), Instant.now().plus(Duration.ofHours(3))));
        assertThat(desk.as(desk.tech).post("/tickets/" + number + "/accept-handoff", "version", version(number))).hasStatus3xxRedirection();
        assertThat(ticket(number).assigneeId()).isEqualTo(desk.tech.id());

        Browser alice = desk.as(desk.alice);
        assertThat(alice.post("/tickets/" + number + "/handback", "version", version(number), "note", "Cable replaced"))
                .hasStatus3xxRedirection();
        assertThat(ticket(number).workingGroupId()).isNull();
        assertThat(ticket(number).ownerId()).isEqualTo(desk.alice.id());

        assertThat(alice.post("/tickets/" + number + "/transition", "version", version(number), "to", "PENDING",
                "pendingReason", "CUSTOMER")).hasStatus3xxRedirection();
        String pending = html(alice.get("/tickets/" + number));
        assertThat(pending).contains("Hand-off accepted", "Handed back", "Cable replaced", "Waiting for the customer", "id=\"progress-form\"");
        assertThat(alice.post("/tickets/" + number + "/transition", "version", version(number), "to", "IN_PROGRESS"))
                .hasStatus3xxRedirection();
        assertThat(ticket(number).status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(alice.post("/tickets/" + number + "/transition", "version", version(number), "to", "CANCELLED",
                "reason", "Reported twice")).hasStatus3xxRedirection();
        assertThat(ticket(number).status()).isEqualTo(TicketStatus.CANCELLED);
        assertThat(html(alice.get("/tickets/" + number))).contains("Reported twice").doesNotContain("id=\"reply-form\"",
                "id=\"handoff-form\"", "id=\"cancel-form\"");
    }

    @Test
    void badInputIsShownNextToTheFieldsWith422AndTheInputKept() {
        String number = desk.phoneIncident();
        Browser alice = desk.as(desk.alice);
        MvcTestResult cancel = alice.post("/tickets/" + number + "/transition", "version", version(number), "to", "CANCELLED", "reason", "");
        assertThat(cancel).hasStatus(422);
        assertThat(html(cancel)).contains("id=\"cancel-reason-error\"", "is required to cancel", "id=\"form-errors\"");

        String past = inUtc(Duration.ofHours(-2));
        MvcTestResult handoff = alice.post("/tickets/" + number + "/handoff", "version", version(number),
                "groupId", desk.field.id().value().toString(), "need", "ACCESS", "reason", "Badge reader at door 4", "eta", past);
        assertThat(handoff).hasStatus(422);
        assertThat(html(handoff)).contains("id=\"handoff-eta-error\"", "must be in the future", "Badge reader at door 4",
                "value=\"" + past + "\"");

        MvcTestResult update = alice.post("/tickets/" + number + "/status-update", "version", version(number),
                "actionTaken", "Checked the logs", "restorationUnknownReason", "unclear", "nextUpdateAt", past);
        assertThat(update).hasStatus(422);
        assertThat(html(update)).contains("id=\"next-update-at-error\"", "must be in the future", "Checked the logs");
        assertThat(ticket(number).status()).isEqualTo(TicketStatus.ASSIGNED);
        assertThat(ticket(number).workingGroupId()).isNull();
    }

    @Test
    void aStaleVersionIs409WithTheNoticeAndTheTextKeptAndNothingChanged() {
        String number = desk.phoneIncident();
        String seen = version(number);
        desk.post(desk.bobToken, number, "comments", "{\"body\": \"Bob was here\", \"visibility\": \"INTERNAL\"}");
        long before = ticket(number).version();

        MvcTestResult stale = desk.as(desk.alice).post("/tickets/" + number + "/reply", "version", seen, "body", "My long careful reply",
                "visibility", "PUBLIC");

        assertThat(stale).hasStatus(409);
        assertThat(html(stale)).contains("id=\"conflict\"", "Staff " + desk.bob.username() + " changed this ticket while you were writing",
                "your text is kept below", "My long careful reply", "name=\"version\" value=\"" + before + "\"");
        assertThat(ticket(number).version()).isEqualTo(before);
        assertThat(html(desk.timeline(desk.aliceToken, number))).doesNotContain("My long careful reply");
    }

    @Test
    void theHandOffPreviewIsExactlyTheNoticeTheCustomerGets() {
        String number = desk.phoneIncident();
        Browser alice = desk.as(desk.alice);
        String eta = inUtc(Duration.ofHours(5));
        MvcTestResult preview = alice.htmx("/tickets/" + number + "/handoff-preview?groupId=" + desk.field.id().value()
                + "&need=ON_SITE_VISIT&eta=" + eta);
        assertThat(preview).hasStatusOk();
        String fragment = html(preview);
        assertThat(fragment).contains("id=\"handoff-preview\"").doesNotContain("id=\"signed-in-as\"", "id=\"ticket-header\"");
        String previewText = fragment.replaceAll("(?s).*<p class=\"mb-0\">(.*?)</p>.*", "$1");
        assertThat(previewText).startsWith("Your ticket " + number + " is now with " + desk.field.name() + " (on-site visit)");

        assertThat(alice.post("/tickets/" + number + "/handoff", "version", version(number), "groupId", desk.field.id().value().toString(),
                "need", "ON_SITE_VISIT", "reason", "Cable fault", "eta", eta)).hasStatus3xxRedirection();
        Ticket handedOff = ticket(number);
        List<PendingMessage> messages = outbox.about(handedOff.id().value());
        String sent = JsonPath.read(messages.getLast().payload(), "$.text");
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(previewText)).isEqualTo(sent);
        assertThat(handedOff.ownerId()).isEqualTo(desk.alice.id());
        assertThat(handedOff.workingGroupId()).isEqualTo(desk.field.id());
    }

    @Test
    void presenceShowsAnotherPersonsFreshHeartbeatAndForgetsAnOldOne() {
        String number = desk.phoneIncident();
        Ticket t = ticket(number);
        CurrentUser bob = directory.currentUser(desk.bob.id()).orElseThrow();
        Browser bobBrowser = desk.as(desk.bob);
        assertThat(bobBrowser.htmx("/tickets/" + number)).hasStatusOk();
        bobBrowser.post("/tickets/" + number + "/presence", "body", "Dear Carol", "visibility", "PUBLIC");

        Browser alice = desk.as(desk.alice);
        MvcTestResult beat = alice.post("/tickets/" + number + "/presence", "activity", "VIEWING");
        assertThat(beat).hasStatus3xxRedirection();
        assertThat(html(alice.htmx("/tickets/" + number + "/presence"))).contains("id=\"presence\"",
                "Staff " + desk.bob.username() + " is writing a reply").doesNotContain("id=\"signed-in-as\"");

        presence.beat(t.id(), bob, TicketPresence.Activity.REPLY, Instant.now().minus(Duration.ofSeconds(45)));
        assertThat(html(alice.htmx("/tickets/" + number + "/presence"))).doesNotContain("Staff " + desk.bob.username())
                .contains("Nobody else is on this ticket.");
    }

    @Test
    void htmxGetsTheFragmentAndABrowserTheFullPage() {
        String number = desk.phoneIncident();
        Browser alice = desk.as(desk.alice);
        String full = html(alice.get("/tickets/" + number));
        assertThat(full).contains("id=\"signed-in-as\"", "id=\"ticket-page\"", "id=\"ticket-header\"");
        String fragment = html(alice.htmx("/tickets/" + number));
        assertThat(fragment).contains("id=\"ticket-page\"", "id=\"ticket-header\"", "id=\"reply-form\"").doesNotContain("id=\"signed-in-as\"", "<html");
        String live = html(alice.get("/tickets/" + number + "?fragment=live"));
        assertThat(live).contains("id=\"ticket-header\"", "id=\"timeline\"", "data-live-ticket").doesNotContain("id=\"signed-in-as\"", "id=\"reply-form\"");
    }

    @Test
    void countdownChipsReadAsPeopleSayThem() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        var running = TicketPage.chip(new Countdown("Resolution", "RUNNING", now.minusSeconds(3600), now.plus(Duration.ofMinutes(130)),
                Duration.ofMinutes(130), Duration.ofHours(8), false), now);
        assertThat(running.text()).isEqualTo("due in 2 h 10 min");
        assertThat(running.css()).isEqualTo("sla-running");
        var near = TicketPage.chip(new Countdown("First response", "RUNNING", now.minusSeconds(1500), now.plus(Duration.ofMinutes(5)),
                Duration.ofMinutes(5), Duration.ofMinutes(30), false), now);
        assertThat(near.css()).isEqualTo("sla-warning");
        var breached = TicketPage.chip(new Countdown("Next update", "BREACHED", now.minusSeconds(7200), now.minus(Duration.ofMinutes(12)),
                Duration.ofMinutes(-12), Duration.ofHours(1), false), now);
        assertThat(breached.text()).isEqualTo("breached 12 min ago");
        assertThat(breached.css()).isEqualTo("sla-breached");
        var paused = TicketPage.chip(new Countdown("Accept hand-off", "PAUSED", now, null, Duration.ofMinutes(10), Duration.ofMinutes(15),
                true), now);
        assertThat(paused.text()).isEqualTo("paused");
        assertThat(paused.operational()).isTrue();
        assertThat(TicketPage.chips(List.of(new Countdown("Accept", "RUNNING", now, now.plusSeconds(60), Duration.ofMinutes(1),
                Duration.ofMinutes(15), true)), now, true)).isEmpty();
        assertThat(TicketPage.nextUpdate(now.plus(Duration.ofMinutes(40)), now)).isEqualTo("next update due in 40 min");
        assertThat(TicketPage.nextUpdate(now.minus(Duration.ofMinutes(12)), now)).isEqualTo("next update overdue by 12 min");
    }

    private void policy(String token, String json) {
        MvcTestResult created = mvc.post().uri("/api/v1/service-level-policies").header(AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        assertThat(created).hasStatus(201);
    }
}
