package org.baton.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.baton.IntegrationTest;
import org.baton.calendar.CalendarId;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.Role;
import org.baton.identity.SupportGroup;
import org.baton.identity.User;
import org.baton.outbox.Outbox;
import org.baton.outbox.PendingMessage;
import org.baton.shared.SqlValues;
import org.baton.ticket.Countdown;
import org.baton.ticket.TicketNumber;
import org.baton.ticket.TicketServiceLevels;
import org.baton.ticket.TicketQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Service levels end to end through the API: clocks start, pause, retarget and stop with the ticket; the sweep
 * sends each warning and breach once, to the right people, and writes them on the timeline. The sweep is driven
 * here with explicit instants (the background sweep is off in tests), on the 24×7 calendar.
 */
@IntegrationTest
class ServiceLevelTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired SlaSweep sweep;
    @Autowired Outbox outbox;
    @Autowired TicketQueries tickets;
    @Autowired JdbcClient jdbc;
    @Autowired TicketServiceLevels countdowns;
    @Autowired MeterRegistry meters;

    Organization org;
    SupportGroup desk;
    SupportGroup field;
    User carol;
    User alice;
    User lead;
    User tech;
    User coordinator;
    String adminToken;
    String carolToken;
    String aliceToken;
    String techToken;

    @BeforeEach
    void desk() {
        org = fixtures.organization();
        desk = fixtures.groupServing(org);
        field = fixtures.groupServing(org);
        carol = fixtures.customerOf(org);
        alice = fixtures.agentIn(desk);
        lead = fixtures.staff(Role.TEAM_LEAD, desk);
        tech = fixtures.agentIn(field);
        coordinator = fixtures.staff(Role.COORDINATOR);
        adminToken = fixtures.tokenFor(fixtures.admin());
        carolToken = fixtures.tokenFor(carol);
        aliceToken = fixtures.tokenFor(alice);
        techToken = fixtures.tokenFor(tech);
        created(post(adminToken, "/api/v1/service-level-policies", """
                {"kind": "SLA", "name": "%s", "organizationId": "%s", "calendarId": "%s", "warningPercents": [75, 90],
                 "targets": [
                   {"ticketType": "INCIDENT", "priority": "P2", "target": "FIRST_RESPONSE", "duration": "PT30M"},
                   {"ticketType": "INCIDENT", "priority": "P2", "target": "NEXT_UPDATE", "duration": "PT1H"},
                   {"ticketType": "INCIDENT", "priority": "P2", "target": "RESOLUTION", "duration": "PT8H"},
                   {"ticketType": "INCIDENT", "priority": "P1", "target": "FIRST_RESPONSE", "duration": "PT10M"},
                   {"ticketType": "INCIDENT", "priority": "P1", "target": "NEXT_UPDATE", "duration": "PT30M"},
                   {"ticketType": "INCIDENT", "priority": "P1", "target": "RESOLUTION", "duration": "PT4H"}]}
                """.formatted(Fixtures.unique("SLA"), org.id(), CalendarId.TWENTY_FOUR_SEVEN)));
        created(post(adminToken, "/api/v1/service-level-policies", """
                {"kind": "OLA", "name": "%s", "supportGroupId": "%s", "calendarId": "%s",
                 "targets": [{"priority": "P2", "target": "ACCEPT", "duration": "PT15M"},
                             {"priority": "P2", "target": "COMPLETE", "duration": "PT4H"}]}
                """.formatted(Fixtures.unique("OLA"), field.id(), CalendarId.TWENTY_FOUR_SEVEN)));
    }

    @Test
    void aPortalIncidentStartsFirstResponseAndResolutionAtCreation() {
        String number = portalIncident();
        Instant created = createdAt(number);
        var levels = levels(aliceToken, number);
        assertThat(levels).extracting(l -> l.get("target")).containsExactly("FIRST_RESPONSE", "RESOLUTION");
        assertThat(levels.get(0)).containsEntry("state", "RUNNING").containsEntry("outcome", "PENDING")
                .containsEntry("dueAt", created.plus(Duration.ofMinutes(30)).toString());
        assertThat(levels.get(1)).containsEntry("dueAt", created.plus(Duration.ofHours(8)).toString());
        assertThat(nearestDue(number)).isEqualTo(created.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aPhoneContactIsAnsweredAtOnceAndOwesTheNextUpdate() {
        String number = phoneIncident();
        Instant created = createdAt(number);
        var levels = levels(aliceToken, number);
        assertThat(levels).extracting(l -> l.get("target")).contains("FIRST_RESPONSE", "NEXT_UPDATE", "RESOLUTION");
        assertThat(target(levels, "FIRST_RESPONSE")).containsEntry("outcome", "MET").containsEntry("metAt", created.toString())
                .containsEntry("dueAt", created.plus(Duration.ofMinutes(30)).toString()).containsEntry("remaining", "PT30M");
        assertThat(target(levels, "NEXT_UPDATE")).containsEntry("state", "RUNNING")
                .containsEntry("dueAt", created.plus(Duration.ofHours(1)).toString());
    }

    @Test
    void theAnswerToACreateAlreadyTellsWhenTheNearestTargetIsDue() {
        // a phone contact is answered at once: the next update (1 h) is nearer than the resolution (8 h)
        MvcTestResult phone = post(aliceToken, "/api/v1/tickets", """
                {"type": "INCIDENT", "subject": "VPN drops", "requesterId": "%s", "channel": "PHONE",
                 "impact": "MEDIUM", "urgency": "HIGH"}""".formatted(carol.id()));
        String number = created(phone, "$.number");
        Instant created = createdAt(number);
        assertThat(Instant.parse(JsonPath.read(body(phone), "$.slaDueAt"))).isEqualTo(created.plus(Duration.ofHours(1)));
        assertThat(nearestDue(number)).isEqualTo(created.plus(Duration.ofHours(1)));

        MvcTestResult portal = post(carolToken, "/api/v1/tickets", """
                {"type": "INCIDENT", "subject": "Printer offline", "impact": "MEDIUM", "urgency": "HIGH"}""");
        String fromPortal = created(portal, "$.number");
        assertThat(Instant.parse(JsonPath.read(body(portal), "$.slaDueAt")))
                .isEqualTo(createdAt(fromPortal).plus(Duration.ofMinutes(30)))
                .isEqualTo(nearestDue(fromPortal));

        // resolved on first contact: nothing runs, nothing is due
        MvcTestResult fixed = post(aliceToken, "/api/v1/tickets", """
                {"type": "INCIDENT", "subject": "Password reset", "requesterId": "%s", "channel": "PHONE",
                 "resolutionCode": "FIXED", "resolutionNotes": "Reset the password with the caller on the line."}
                """.formatted(carol.id()));
        String resolved = created(fixed, "$.number");
        assertThat((Object) JsonPath.read(body(fixed), "$.slaDueAt")).isNull();
        assertThat(nearestDue(resolved)).isNull();
    }

    @Test
    void aStatusUpdateMeetsTheNextUpdateAndStartsTheNextCycleDueAtThePromiseIfSooner() {
        String number = phoneIncident();
        Instant promise = Instant.now().plus(Duration.ofMinutes(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ok(postTicket(aliceToken, number, "status-updates", """
                {"actionTaken": "Restarted the VPN concentrator", "restorationUnknownReason": "vendor investigating",
                 "nextUpdateAt": "%s"}""".formatted(promise)));
        var updates = levels(aliceToken, number).stream().filter(l -> l.get("target").equals("NEXT_UPDATE")).toList();
        assertThat(updates).hasSize(2);
        assertThat(updates.get(0)).containsEntry("outcome", "MET");
        assertThat(updates.get(1)).containsEntry("cycle", 2).containsEntry("state", "RUNNING").containsEntry("dueAt", promise.toString());
    }

    @Test
    void waitingForTheCustomerPausesTheClocksAndTheirReplyResumesThem() throws Exception {
        String number = phoneIncident();
        Instant created = createdAt(number);
        ok(postTicket(aliceToken, number, "transitions", "{\"to\": \"PENDING\", \"pendingReason\": \"CUSTOMER\"}"));
        var paused = target(levels(aliceToken, number), "RESOLUTION");
        assertThat(paused).containsEntry("state", "PAUSED");
        assertThat(paused.get("dueAt")).isNull();
        Thread.sleep(50);
        ok(postTicket(carolToken, number, "comments", "{\"body\": \"Here is the log you asked for.\"}"));
        var resumed = target(levels(aliceToken, number), "RESOLUTION");
        assertThat(resumed).containsEntry("state", "RUNNING");
        List<Map<String, String>> pauses = cast(resumed.get("paused"));
        assertThat(pauses).hasSize(1);
        Instant pausedAt = Instant.parse(pauses.get(0).get("pausedAt"));
        Instant resumedAt = Instant.parse(pauses.get(0).get("resumedAt"));
        assertThat(resumedAt).isAfter(pausedAt);
        assertThat(Instant.parse((String) resumed.get("dueAt")))
                .isEqualTo(created.plus(Duration.ofHours(8)).plus(Duration.between(pausedAt, resumedAt)));
    }

    @Test
    void everyPauseIsKeptAndCountsWhenTheTicketWaitsAgain() throws Exception {
        String number = phoneIncident();
        Instant created = createdAt(number);
        String waiting = "{\"to\": \"PENDING\", \"pendingReason\": \"CUSTOMER\"}";
        String working = "{\"to\": \"IN_PROGRESS\"}";
        ok(postTicket(aliceToken, number, "transitions", waiting));
        Thread.sleep(20);
        ok(postTicket(aliceToken, number, "transitions", working));
        ok(postTicket(aliceToken, number, "comments", "{\"body\": \"Still looking.\", \"visibility\": \"INTERNAL\"}"));
        ok(postTicket(aliceToken, number, "transitions", waiting));
        List<Map<String, String>> twice = cast(target(levels(aliceToken, number), "RESOLUTION").get("paused"));
        assertThat(twice).hasSize(2);
        assertThat(twice.get(0).get("resumedAt")).isNotNull();
        assertThat(twice.get(1).get("resumedAt")).isNull();
        Thread.sleep(20);
        ok(postTicket(aliceToken, number, "transitions", working));

        var resolution = target(levels(aliceToken, number), "RESOLUTION");
        assertThat(resolution).containsEntry("state", "RUNNING");
        List<Map<String, String>> pauses = cast(resolution.get("paused"));
        assertThat(pauses).hasSize(2).allSatisfy(p -> assertThat(p.get("resumedAt")).isNotNull());
        Duration paused = pauses.stream()
                .map(p -> Duration.between(Instant.parse(p.get("pausedAt")), Instant.parse(p.get("resumedAt"))))
                .reduce(Duration.ZERO, Duration::plus);
        assertThat(Instant.parse((String) resolution.get("dueAt"))).isEqualTo(created.plus(Duration.ofHours(8)).plus(paused));
        assertThat(jdbc.sql("select count(*) from sla_clock_pauses p join sla_clocks c on c.id = p.clock_id "
                + "join tickets t on t.id = c.ticket_id where t.number = :n and c.metric = 'RESOLUTION'")
                .param("n", number).query(Long.class).single()).isEqualTo(2L);
    }

    @Test
    void aPriorityChangeMeasuresTheNewTargetFromTheOriginalStart() {
        String number = portalIncident();
        Instant created = createdAt(number);
        var patched = mvc.patch().uri("/api/v1/tickets/" + number).header(AUTHORIZATION, "Bearer " + aliceToken)
                .contentType(MediaType.valueOf("application/merge-patch+json")).content("{\"impact\": \"HIGH\", \"urgency\": \"HIGH\"}")
                .header("If-Match", "*").exchange();
        assertThat(patched.getResponse().getStatus()).as(body(patched)).isEqualTo(200);
        assertThat(JsonPath.<String>read(body(patched), "$.priority")).isEqualTo("P1");
        var levels = levels(aliceToken, number);
        assertThat(target(levels, "FIRST_RESPONSE")).containsEntry("businessTime", "PT10M")
                .containsEntry("dueAt", created.plus(Duration.ofMinutes(10)).toString());
        assertThat(target(levels, "RESOLUTION")).containsEntry("dueAt", created.plus(Duration.ofHours(4)).toString());
    }

    @Test
    void theSweepWarnsThePeopleWorkingAndThenReportsTheBreachToThoseAccountableOnce() {
        String number = portalIncident();
        var ticket = tickets.find(TicketNumber.parse(number).orElseThrow()).orElseThrow();
        Instant created = ticket.createdAt();
        // the meter counts every committed firing of the sweep (other tickets' clocks fire in these sweeps too)
        double warningsBefore = firings("warning") - recorded("percent < 100"), breachesBefore = firings("breach") - recorded("percent >= 100");

        sweep.fireDue(created.plus(Duration.ofMinutes(22)), 10_000);
        assertThat(staffNotices(ticket.id().value())).isEmpty();

        sweep.fireDue(created.plus(Duration.ofMinutes(23)), 10_000);
        assertThat(firings("warning") - warningsBefore).as("baton.sla.firings{kind=warning}").isEqualTo(recorded("percent < 100"));
        var warnings = staffNotices(ticket.id().value());
        assertThat(warnings).extracting(PendingMessage::subject).allMatch(s -> s.contains("First response target 75% used"));
        assertThat(warnings).extracting(PendingMessage::recipient).contains(coordinator.email());

        // 90 % and the breach have both passed by now: one notice (the breach) says it all
        sweep.fireDue(created.plus(Duration.ofMinutes(31)), 10_000);
        sweep.fireDue(created.plus(Duration.ofMinutes(32)), 10_000);
        assertThat(firings("breach") - breachesBefore).as("baton.sla.firings{kind=breach}").isEqualTo(recorded("percent >= 100"))
                .isGreaterThan(0);
        assertThat(firings("warning") - warningsBefore).as("baton.sla.firings{kind=warning}").isEqualTo(recorded("percent < 100"));
        var all = staffNotices(ticket.id().value());
        var breaches = all.stream().filter(m -> m.payload().contains("SLA_BREACH")).toList();
        assertThat(breaches).extracting(PendingMessage::recipient).contains(coordinator.email()).doesNotHaveDuplicates();
        assertThat(all.stream().filter(m -> m.payload().contains("\"percent\":90"))).isEmpty();
        var first = target(levels(aliceToken, number), "FIRST_RESPONSE");
        assertThat(first).containsEntry("outcome", "BREACHED").containsEntry("breachedAt", created.plus(Duration.ofMinutes(30)).toString());
        String timeline = body(get(aliceToken, "/api/v1/tickets/" + number + "/timeline?limit=200"));
        assertThat(JsonPath.<List<String>>read(timeline, "$.items[?(@.kind == 'SERVICE_LEVEL')].body"))
                .anyMatch(b -> b.startsWith("First response target 75% used"))
                .anyMatch(b -> b.startsWith("First response target breached"));
        assertThat(JsonPath.<List<Object>>read(body(get(carolToken, "/api/v1/tickets/" + number + "/timeline?limit=200")),
                "$.items[?(@.kind == 'SERVICE_LEVEL')]")).as("the customer does not see internal measurements").isEmpty();
    }

    @Test
    void aBreachedClockMetLateStaysBreachedAndAnAnswerInTimeIsMet() {
        String late = portalIncident();
        var lateTicket = tickets.find(TicketNumber.parse(late).orElseThrow()).orElseThrow();
        sweep.fireDue(lateTicket.createdAt().plus(Duration.ofMinutes(31)), 10_000);
        ok(postTicket(aliceToken, late, "comments", "{\"body\": \"Looking into it now.\"}"));
        assertThat(target(levels(aliceToken, late), "FIRST_RESPONSE")).containsEntry("outcome", "BREACHED").containsEntry("state", "STOPPED");

        String inTime = portalIncident();
        ok(postTicket(aliceToken, inTime, "comments", "{\"body\": \"On it.\"}"));
        var levels = levels(aliceToken, inTime);
        assertThat(target(levels, "FIRST_RESPONSE")).containsEntry("outcome", "MET");
        assertThat(target(levels, "NEXT_UPDATE")).containsEntry("state", "RUNNING");
    }

    @Test
    void aHandOffStartsTheGroupsOlaAndAcceptingMeetsIt() {
        String number = phoneIncident();
        ok(postTicket(aliceToken, number, "handoffs", """
                {"groupId": "%s", "reason": "Cable fault", "need": "ON_SITE_VISIT", "eta": "%s"}
                """.formatted(field.id(), Instant.now().plus(Duration.ofHours(3)))));
        var accept = target(levels(aliceToken, number), "ACCEPT");
        assertThat(accept).containsEntry("state", "RUNNING").containsEntry("supportGroupId", field.id().toString())
                .containsEntry("operational", true);
        ok(postTicket(techToken, number, "handoff-acceptances", "{}"));
        var levels = levels(aliceToken, number);
        assertThat(target(levels, "ACCEPT")).containsEntry("outcome", "MET");
        assertThat(target(levels, "COMPLETE")).containsEntry("state", "RUNNING");
        assertThat(JsonPath.<String>read(body(get(aliceToken, "/api/v1/tickets/" + number)), "$.assignee.name"))
                .isEqualTo(tech.displayName());
        ok(postTicket(techToken, number, "handbacks", "{\"note\": \"Patched the cable\"}"));
        assertThat(target(levels(aliceToken, number), "COMPLETE")).containsEntry("outcome", "MET");
    }

    @Test
    void onlyTheWorkingGroupAcceptsAHandOff() {
        String number = phoneIncident();
        var refused = postTicket(aliceToken, number, "handoff-acceptances", "{}");
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        ok(postTicket(aliceToken, number, "handoffs", """
                {"groupId": "%s", "reason": "Cable fault", "need": "ON_SITE_VISIT", "eta": "%s"}
                """.formatted(field.id(), Instant.now().plus(Duration.ofHours(3)))));
        assertThat(postTicket(aliceToken, number, "handoff-acceptances", "{}").getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void resolvingMeetsResolutionAndReopeningRunsItAgain() {
        String number = phoneIncident();
        ok(postTicket(aliceToken, number, "transitions", """
                {"to": "RESOLVED", "resolutionCode": "FIXED", "resolutionNotes": "Replaced the token"}"""));
        var resolved = levels(aliceToken, number);
        assertThat(target(resolved, "RESOLUTION")).containsEntry("outcome", "MET").containsEntry("state", "STOPPED");
        assertThat(resolved).allMatch(l -> l.get("state").equals("STOPPED"));
        assertThat(nearestDue(number)).isNull();
        ok(postTicket(carolToken, number, "transitions", "{\"to\": \"IN_PROGRESS\", \"reason\": \"Still broken\"}"));
        var reopened = levels(aliceToken, number);
        assertThat(target(reopened, "RESOLUTION")).containsEntry("state", "RUNNING").containsEntry("outcome", "PENDING");
        assertThat(reopened.stream().filter(l -> l.get("target").equals("NEXT_UPDATE") && l.get("state").equals("RUNNING"))).hasSize(1);
    }

    @Test
    void theQueueSortsByTheNearestDueTargetAndPagesOnIt() {
        String p2 = portalIncident();
        String p1 = created(post(carolToken, "/api/v1/tickets", """
                {"type": "INCIDENT", "subject": "Whole floor offline", "impact": "HIGH", "urgency": "HIGH"}"""), "$.number");
        String resolved = phoneIncident();
        ok(postTicket(aliceToken, resolved, "transitions", """
                {"to": "RESOLVED", "resolutionCode": "FIXED", "resolutionNotes": "Done"}"""));
        String uri = "/api/v1/tickets?organizationId=" + org.id() + "&sort=slaDue";
        assertThat(JsonPath.<List<String>>read(body(get(aliceToken, uri)), "$.items[*].number"))
                .as("nearest due first; a ticket with nothing running is not in this queue").containsExactly(p1, p2);
        MvcTestResult first = get(aliceToken, uri + "&limit=1");
        assertThat(JsonPath.<List<String>>read(body(first), "$.items[*].number")).containsExactly(p1);
        String cursor = JsonPath.read(body(first), "$.nextCursor");
        assertThat(JsonPath.<List<String>>read(body(get(aliceToken, uri + "&limit=1&cursor=" + cursor)), "$.items[*].number"))
                .containsExactly(p2);
        assertThat(JsonPath.<String>read(body(get(aliceToken, "/api/v1/tickets/" + p1)), "$.slaDueAt"))
                .isEqualTo(createdAt(p1).plus(Duration.ofMinutes(10)).toString());
        assertThat(get(aliceToken, "/api/v1/tickets?sort=priority").getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aDuplicateMergedIntoAnotherTicketIsNotCountedAsResolved() {
        String survivor = portalIncident();
        String duplicate = portalIncident();
        ok(postTicket(aliceToken, duplicate, "links", "{\"kind\": \"DUPLICATE_OF\", \"target\": \"%s\"}".formatted(survivor)));
        assertThat(target(levels(aliceToken, duplicate), "RESOLUTION")).containsEntry("outcome", "CANCELLED").containsEntry("state", "STOPPED");
        assertThat(target(levels(aliceToken, survivor), "RESOLUTION")).containsEntry("state", "RUNNING");
    }

    @Test
    void theTicketPagesCountdownsPutWhatRunsFirstNearestDueFirst() {
        String number = phoneIncident();
        var ticket = tickets.find(TicketNumber.parse(number).orElseThrow()).orElseThrow();
        var shown = countdowns.countdowns(ticket.id(), ticket.createdAt().plus(Duration.ofMinutes(5)));
        assertThat(shown).extracting(Countdown::label).containsExactly("Next update", "Resolution", "First response");
        assertThat(shown).extracting(Countdown::state).containsExactly("RUNNING", "RUNNING", "MET");
        assertThat(shown.get(0).remaining()).isEqualTo(Duration.ofMinutes(55));
    }

    @Test
    void customersDoNotSeeServiceLevelsAndStrangersSeeNoTicket() {
        String number = portalIncident();
        assertThat(get(carolToken, "/api/v1/tickets/" + number + "/service-levels").getResponse().getStatus()).isEqualTo(403);
        String stranger = fixtures.tokenFor(fixtures.agentIn(fixtures.groupServing(fixtures.organization())));
        assertThat(get(stranger, "/api/v1/tickets/" + number + "/service-levels").getResponse().getStatus()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ helpers

    String portalIncident() {
        return created(post(carolToken, "/api/v1/tickets", """
                {"type": "INCIDENT", "subject": "Printer offline", "impact": "MEDIUM", "urgency": "HIGH"}"""), "$.number");
    }

    String phoneIncident() {
        return created(post(aliceToken, "/api/v1/tickets", """
                {"type": "INCIDENT", "subject": "VPN drops", "requesterId": "%s", "channel": "PHONE",
                 "impact": "MEDIUM", "urgency": "HIGH"}""".formatted(carol.id())), "$.number");
    }

    Instant createdAt(String number) {
        return tickets.find(TicketNumber.parse(number).orElseThrow()).orElseThrow().createdAt();
    }

    Instant nearestDue(String number) {
        return jdbc.sql("select sla_due_at from tickets where number = :n").param("n", number)
                .query((rs, i) -> java.util.Optional.ofNullable(SqlValues.instant(rs, "sla_due_at"))).single().orElse(null);
    }

    List<PendingMessage> staffNotices(java.util.UUID ticket) {
        return outbox.about(ticket).stream().filter(m -> m.kind().equals(SlaNotices.KIND)).toList();
    }

    List<Map<String, Object>> levels(String token, String number) {
        MvcTestResult result = get(token, "/api/v1/tickets/" + number + "/service-levels");
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(200);
        return JsonPath.read(body(result), "$.items");
    }

    static Map<String, Object> target(List<Map<String, Object>> levels, String target) {
        return levels.stream().filter(l -> l.get("target").equals(target)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + target + " in " + levels));
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object o) {
        return (T) o;
    }

    MvcTestResult get(String token, String uri) {
        return mvc.get().uri(uri).header(AUTHORIZATION, "Bearer " + token).exchange();
    }

    MvcTestResult post(String token, String uri, String json) {
        return mvc.post().uri(uri).header(AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult postTicket(String token, String number, String what, String json) {
        return post(token, "/api/v1/tickets/" + number + "/" + what, json);
    }

    private double firings(String kind) {
        return meters.get("baton.sla.firings").tag("kind", kind).counter().count();
    }

    private double recorded(String condition) {
        return jdbc.sql("select count(*) from sla_firings where " + condition).query(Long.class).single();
    }

    static void ok(MvcTestResult result) {
        assertThat(result.getResponse().getStatus()).as(body(result)).isBetween(200, 201);
    }

    static String created(MvcTestResult result) {
        return created(result, "$.id");
    }

    static String created(MvcTestResult result, String path) {
        assertThat(result.getResponse().getStatus()).as(body(result)).isEqualTo(201);
        return JsonPath.read(body(result), path);
    }

    static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
