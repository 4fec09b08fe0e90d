package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.baton.ticket.Desk.body;
import static org.baton.ticket.Desk.read;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.baton.outbox.Outbox;
import org.baton.outbox.PendingMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class TicketWorkApiTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Outbox outbox;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;
    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc, fixtures);
    }

    private static String future(int hours) {
        return Instant.now().plus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private List<PendingMessage> sentAbout(String number) {
        return outbox.about(tickets.byNumber(new TicketNumber(number)).orElseThrow().id().value());
    }

    @Test
    void aHandOffMovesTheWorkButNeverTheOwnerAndTellsTheCustomerWhoHasItAndByWhen() {
        String number = desk.phoneIncident();
        String eta = future(20);

        MvcTestResult handedOff = desk.post(desk.aliceToken, number, "handoffs", """
                {"groupId": "%s", "assigneeId": "%s", "reason": "Cable fault at desk 3.14", "need": "ON_SITE_VISIT", "eta": "%s"}"""
                .formatted(desk.field.id(), desk.tech.id(), eta));

        assertThat(handedOff).hasStatusOk();
        assertThat(handedOff).bodyJson().extractingPath("$.owner.id").isEqualTo(desk.alice.id().toString());
        assertThat(handedOff).bodyJson().extractingPath("$.workingGroup.name").isEqualTo(desk.field.name());
        assertThat(handedOff).bodyJson().extractingPath("$.assignee.id").isEqualTo(desk.tech.id().toString());
        assertThat(handedOff).bodyJson().extractingPath("$.handoffEta").isEqualTo(eta);
        PendingMessage notice = sentAbout(number).getLast();
        assertThat(notice.recipient()).isEqualTo(desk.carol.email());
        assertThat(notice.payload()).contains("\"template\":\"HANDOFF\"").contains(desk.field.name()).contains(eta);

        List<String> customerSees = read(desk.timeline(desk.carolToken, number), "$.items[*].kind");
        assertThat(customerSees).contains("CUSTOMER_NOTIFIED").doesNotContain("HANDED_OFF");
        String told = read(desk.timeline(desk.carolToken, number), "$.items[-1].body");
        assertThat(told).contains(desk.field.name()).contains(desk.alice.displayName() + " remains responsible");
        List<String> staffSees = read(desk.timeline(desk.aliceToken, number), "$.items[*].kind");
        assertThat(staffSees).contains("HANDED_OFF");

        MvcTestResult handedBack = desk.post(desk.aliceToken, number, "handbacks", "{\"note\": \"Cable replaced\"}");
        assertThat(handedBack).hasStatusOk();
        assertThat(handedBack).bodyJson().extractingPath("$.workingGroup").isNull();
        assertThat(handedBack).bodyJson().extractingPath("$.owner.id").isEqualTo(desk.alice.id().toString());
    }

    @Test
    void aHandOffWithAnEtaInThePastAnUnknownGroupAndNoReasonIsRefusedFieldByField() {
        String number = desk.phoneIncident();

        MvcTestResult refused = desk.post(desk.aliceToken, number, "handoffs", """
                {"groupId": "%s", "need": "ON_SITE_VISIT", "eta": "2020-01-01T00:00:00Z"}""".formatted(java.util.UUID.randomUUID()));

        assertThat(refused).hasStatus(422).hasContentType("application/problem+json");
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("groupId", "reason", "eta");
        assertThat(desk.get(desk.aliceToken, number)).hasHeader(HttpHeaders.ETAG, "\"0\"");
    }

    @Test
    void aHandOffToAGroupThatDoesNotServeTheOrganizationIsRefused() {
        String number = desk.phoneIncident();

        MvcTestResult refused = desk.post(desk.aliceToken, number, "handoffs", """
                {"groupId": "%s", "reason": "x", "need": "EXPERTISE", "eta": "%s"}""".formatted(desk.otherGroup.id(), future(2)));

        assertThat(refused).hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("groupId");
    }

    @Test
    void theOwnerChangesOnlyByAnExplicitTransferWithAReason() {
        String number = desk.phoneIncident();

        assertThat(desk.post(desk.aliceToken, number, "ownership-transfers", "{\"ownerId\": \"%s\"}".formatted(desk.bob.id())))
                .hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
        assertThat(desk.post(desk.bobToken, number, "ownership-transfers",
                "{\"ownerId\": \"%s\", \"reason\": \"I'll take it\"}".formatted(desk.bob.id()))).hasStatus(403);

        MvcTestResult transferred = desk.post(desk.aliceToken, number, "ownership-transfers",
                "{\"ownerId\": \"%s\", \"reason\": \"Going on leave\"}".formatted(desk.bob.id()));

        assertThat(transferred).hasStatusOk().bodyJson().extractingPath("$.owner.id").isEqualTo(desk.bob.id().toString());
        List<String> kinds = read(desk.timeline(desk.aliceToken, number), "$.items[*].kind");
        assertThat(kinds).contains("OWNERSHIP_TRANSFERRED");
        String told = read(desk.timeline(desk.carolToken, number), "$.items[-1].body");
        assertThat(told).contains(desk.bob.displayName() + " is now responsible");
    }

    @Test
    void anAgentTakesANewTicketButOnlyTeamLeadsAssignItToOthers() {
        String first = desk.portalIncident();
        String second = desk.portalIncident();

        assertThat(desk.post(desk.aliceToken, first, "ownership-transfers", "{\"ownerId\": \"%s\"}".formatted(desk.bob.id())))
                .hasStatus(403);
        MvcTestResult taken = desk.post(desk.aliceToken, first, "ownership-transfers", "{\"ownerId\": \"%s\"}".formatted(desk.alice.id()));
        assertThat(taken).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("ASSIGNED");

        MvcTestResult assigned = desk.post(desk.leadToken, second, "ownership-transfers", "{\"ownerId\": \"%s\"}".formatted(desk.bob.id()));
        assertThat(assigned).hasStatusOk().bodyJson().extractingPath("$.owner.id").isEqualTo(desk.bob.id().toString());
    }

    @Test
    void aTicketCannotBeOwnedBySomeoneWhoDoesNotServeItsOrganization() {
        String number = desk.portalIncident();

        MvcTestResult refused = desk.post(desk.coordinatorToken, number, "ownership-transfers",
                "{\"ownerId\": \"%s\"}".formatted(desk.outsideAgent.id()));

        assertThat(refused).hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("ownerId");
    }

    @Test
    void theDatabaseRefusesAnOpenTicketPastNewWithoutAnOwner() {
        String number = desk.phoneIncident();

        assertThatThrownBy(() -> jdbc.sql("update tickets set owner_id = null where number = :n").param("n", number).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aStatusUpdateTellsTheCustomerWhatWasDoneWhenItWillBeFixedAndWhenTheyHearNext() {
        String number = desk.phoneIncident();
        String restored = future(4);
        String next = future(1);

        MvcTestResult updated = desk.post(desk.aliceToken, number, "status-updates", """
                {"actionTaken": "Replaced the faulty switch port.", "expectedRestorationAt": "%s", "nextUpdateAt": "%s"}"""
                .formatted(restored, next));

        assertThat(updated).hasStatusOk();
        assertThat(updated).bodyJson().extractingPath("$.nextUpdateDueAt").isEqualTo(next);
        assertThat(updated).bodyJson().extractingPath("$.expectedRestorationAt").isEqualTo(restored);
        assertThat(updated).bodyJson().extractingPath("$.nextUpdateOverdue").isEqualTo(false);
        List<String> customerSees = read(desk.timeline(desk.carolToken, number), "$.items[*].kind");
        assertThat(customerSees).contains("STATUS_UPDATE");
        assertThat(sentAbout(number).getLast().payload()).contains("STATUS_UPDATE").contains("Replaced the faulty switch port.");
    }

    @Test
    void aStatusUpdateNeedsAnActionARestorationOrAReasonItIsUnknownAndAFutureNextUpdate() {
        String number = desk.phoneIncident();

        MvcTestResult refused = desk.post(desk.aliceToken, number, "status-updates", "{\"nextUpdateAt\": \"2020-01-01T00:00:00Z\"}");

        assertThat(refused).hasStatus(422);
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("actionTaken", "expectedRestorationAt", "nextUpdateAt");

        MvcTestResult unknown = desk.post(desk.aliceToken, number, "status-updates", """
                {"actionTaken": "Vendor engaged.", "restorationUnknownReason": "waiting for the vendor's diagnosis", "nextUpdateAt": "%s"}"""
                .formatted(future(2)));
        assertThat(unknown).hasStatusOk().bodyJson().extractingPath("$.restorationUnknownReason")
                .isEqualTo("waiting for the vendor's diagnosis");
    }

    @Test
    void aMissedNextUpdateIsFlaggedAndListed() {
        String late = desk.phoneIncident();
        String onTime = desk.phoneIncident();
        for (String number : List.of(late, onTime)) {
            desk.post(desk.aliceToken, number, "status-updates", """
                    {"actionTaken": "Investigating.", "restorationUnknownReason": "unknown yet", "nextUpdateAt": "%s"}"""
                    .formatted(future(1)));
        }
        // two hours pass for the late one: its promised update time is now behind us
        jdbc.sql("update tickets set next_update_due_at = :at where number = :n")
                .param("at", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(1)).param("n", late).update();

        assertThat(desk.get(desk.aliceToken, late)).bodyJson().extractingPath("$.nextUpdateOverdue").isEqualTo(true);
        List<String> overdue = read(desk.fetch(desk.aliceToken, "/api/v1/tickets?nextUpdateOverdue=true&organizationId={o}", desk.org.id()),
                "$.items[*].number");
        assertThat(overdue).contains(late).doesNotContain(onTime);
    }

    @Test
    void theLongestOverdueUpdateComesFirstAndThePagesFollowThatOrder() {
        String lateByThree = desk.phoneIncident();
        String onTime = desk.phoneIncident();
        String lateByOne = desk.phoneIncident();
        String noPromise = desk.phoneIncident();
        String resolved = desk.phoneIncident();
        for (String number : List.of(lateByThree, onTime, lateByOne, resolved)) {
            desk.post(desk.aliceToken, number, "status-updates", """
                    {"actionTaken": "Investigating.", "restorationUnknownReason": "unknown yet", "nextUpdateAt": "%s"}"""
                    .formatted(future(1)));
        }
        assertThat(desk.move(desk.aliceToken, resolved, """
                {"to": "RESOLVED", "resolutionCode": "FIXED", "resolutionNotes": "Replaced the cable"}""")).hasStatusOk();
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.sql("update tickets set next_update_due_at = :at where number = :n").param("at", now.minusHours(3)).param("n", lateByThree).update();
        jdbc.sql("update tickets set next_update_due_at = :at where number = :n").param("at", now.minusHours(1)).param("n", lateByOne).update();

        List<String> byPromise = read(desk.fetch(desk.aliceToken, "/api/v1/tickets?organizationId={o}&sort=nextUpdateDue",
                desk.org.id()), "$.items[*].number");
        assertThat(byPromise).as("earliest promise first; no promise, or resolved (the promise ends with it): not in this order")
                .containsExactly(lateByThree, lateByOne, onTime);

        String overdue = "/api/v1/tickets?organizationId={o}&nextUpdateOverdue=true&sort=nextUpdateDue&limit=1";
        MvcTestResult first = desk.fetch(desk.aliceToken, overdue, desk.org.id());
        assertThat(Desk.<List<String>>read(first, "$.items[*].number")).containsExactly(lateByThree);
        String cursor = read(first, "$.nextCursor");
        MvcTestResult second = desk.fetch(desk.aliceToken, overdue + "&cursor={c}", desk.org.id(), cursor);
        assertThat(Desk.<List<String>>read(second, "$.items[*].number")).containsExactly(lateByOne);
        assertThat(body(second)).doesNotContain("nextCursor");

        MvcTestResult badSort = desk.fetch(desk.aliceToken, "/api/v1/tickets?sort=nextUpdate");
        assertThat(badSort).hasStatus(400);
        assertThat(body(badSort)).contains("\"sort\"").contains("nextUpdateDue");
    }

    @Test
    void whenTwoAgentsChangeTheSameTicketTheSecondGetsAConflictAndLosesNothing() {
        String number = desk.phoneIncident();
        String read = desk.get(desk.aliceToken, number).getResponse().getHeader(HttpHeaders.ETAG);

        MvcTestResult first = mvc.patch().uri("/api/v1/tickets/" + number).header("Authorization", "Bearer " + desk.aliceToken)
                .header("If-Match", read).contentType("application/merge-patch+json").content("{\"impact\": \"HIGH\"}").exchange();
        MvcTestResult second = mvc.patch().uri("/api/v1/tickets/" + number).header("Authorization", "Bearer " + desk.bobToken)
                .header("If-Match", read).contentType("application/merge-patch+json").content("{\"subject\": \"VPN down\"}").exchange();

        assertThat(first).hasStatusOk().bodyJson().extractingPath("$.priority").isEqualTo("P1");
        assertThat(second).hasStatus(412).hasContentType("application/problem+json").hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(second).bodyJson().extractingPath("$.currentVersion").isEqualTo(1);
        MvcTestResult now = desk.get(desk.aliceToken, number);
        assertThat(now).bodyJson().extractingPath("$.subject").isEqualTo("VPN drops every few minutes");
        assertThat(now).bodyJson().extractingPath("$.impact").isEqualTo("HIGH");

        MvcTestResult staleMove = desk.post(desk.bobToken, number, "transitions", "{\"to\": \"IN_PROGRESS\"}", read);
        assertThat(staleMove).hasStatus(412);
        assertThat(desk.get(desk.aliceToken, number)).bodyJson().extractingPath("$.status").isEqualTo("ASSIGNED");
    }

    @Test
    void aPatchRecordsBeforeAndAfterAndRefusesFieldsThatHaveTheirOwnCommand() {
        String number = desk.phoneIncident();

        MvcTestResult refused = mvc.patch().uri("/api/v1/tickets/" + number).header("Authorization", "Bearer " + desk.aliceToken)
                .header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .content("{\"status\": \"CLOSED\", \"owner\": null, \"subject\": \"\"}").exchange();
        assertThat(refused).hasStatus(422);
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("status", "owner", "subject");

        mvc.patch().uri("/api/v1/tickets/" + number).header("Authorization", "Bearer " + desk.aliceToken).header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json").content("{\"urgency\": \"LOW\"}").exchange();
        MvcTestResult timeline = desk.timeline(desk.aliceToken, number);
        assertThat(timeline).bodyJson().extractingPath("$.items[-1].kind").isEqualTo("FIELD_CHANGED");
        assertThat(timeline).bodyJson().extractingPath("$.items[-1].details.changes.priority.before").isEqualTo("P2");
        assertThat(timeline).bodyJson().extractingPath("$.items[-1].details.changes.priority.after").isEqualTo("P4");
        assertThat(timeline).bodyJson().extractingPath("$.items[-1].actor.name").isEqualTo(desk.alice.displayName());
    }

    @Test
    void aCustomerRepliesPubliclyOnlyAndTheirReplyEndsAWaitForThem() {
        String number = desk.phoneIncident();
        desk.move(desk.aliceToken, number, "{\"to\": \"PENDING\", \"pendingReason\": \"CUSTOMER\"}");

        assertThat(desk.post(desk.carolToken, number, "comments", "{\"body\": \"psst\", \"visibility\": \"INTERNAL\"}")).hasStatus(403);
        MvcTestResult replied = desk.post(desk.carolToken, number, "comments", "{\"body\": \"Restarted, still drops.\"}");

        assertThat(replied).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("IN_PROGRESS");
        desk.post(desk.aliceToken, number, "comments", "{\"body\": \"Looks like the AP firmware.\", \"visibility\": \"INTERNAL\"}");
        List<String> customerBodies = read(desk.timeline(desk.carolToken, number), "$.items[*].body");
        assertThat(customerBodies).contains("Restarted, still drops.").doesNotContain("Looks like the AP firmware.");
    }

    @Test
    void anotherOrganizationsTicketDoesNotExistForACustomerOrAnAgentWhoDoesNotServeIt() {
        String number = desk.phoneIncident();

        assertThat(desk.get(desk.strangerToken, number)).hasStatus(404);
        assertThat(desk.get(desk.outsideToken, number)).hasStatus(404);
        assertThat(desk.post(desk.strangerToken, number, "comments", "{\"body\": \"hi\"}")).hasStatus(404);
        assertThat(desk.timeline(desk.strangerToken, number)).hasStatus(404);
        assertThat(desk.get(desk.aliceToken, "INC-999999999")).hasStatus(404);
        assertThat(desk.get(desk.aliceToken, "not-a-number")).hasStatus(404);
    }

    @Test
    void aColleagueSeesATicketOnlyWhereTheOrganizationSharesTickets() {
        String carols = desk.phoneIncident();

        assertThat(desk.get(desk.danToken, carols)).hasStatus(404);
        List<String> dansList = read(desk.fetch(desk.danToken, "/api/v1/tickets"), "$.items[*].number");
        assertThat(dansList).doesNotContain(carols);
    }

    @Test
    void listsFilterAndPageWithACursor() {
        String a = desk.phoneIncident();
        String b = desk.phoneIncident();
        String c = desk.phoneIncident();
        desk.move(desk.aliceToken, b, "{\"to\": \"IN_PROGRESS\"}");

        MvcTestResult first = desk.fetch(desk.aliceToken, "/api/v1/tickets?organizationId={o}&limit=2", desk.org.id());
        List<String> page1 = read(first, "$.items[*].number");
        assertThat(page1).containsExactly(b, c);
        assertThat(first.getResponse().getHeader(HttpHeaders.LINK)).contains("rel=\"next\"");
        String cursor = read(first, "$.nextCursor");
        List<String> page2 = read(desk.fetch(desk.aliceToken, "/api/v1/tickets?organizationId={o}&limit=2&cursor={c}", desk.org.id(), cursor),
                "$.items[*].number");
        assertThat(page2).containsExactly(a);

        List<String> inProgress = read(desk.fetch(desk.aliceToken, "/api/v1/tickets?organizationId={o}&status=IN_PROGRESS", desk.org.id()),
                "$.items[*].number");
        assertThat(inProgress).containsExactly(b);
        assertThat(desk.fetch(desk.aliceToken, "/api/v1/tickets?status=SLEEPING")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");
        assertThat(desk.fetch(desk.aliceToken, "/api/v1/tickets?cursor=bogus")).hasStatus(400);
    }

    @Test
    void theOpenQueueOfOnePriorityListsOnlyOpenTicketsOfThatPriorityNewestChangeFirst() {
        String older = desk.phoneIncident(); // MEDIUM x HIGH: P2
        String newer = desk.phoneIncident();
        String lower = Desk.number(desk.open(desk.aliceToken, """
                {"type": "INCIDENT", "subject": "Slow printer", "requesterId": "%s", "channel": "PHONE",
                 "impact": "LOW", "urgency": "LOW"}""".formatted(desk.carol.id())));
        String fixed = Desk.number(desk.open(desk.aliceToken, """
                {"type": "INCIDENT", "subject": "Password reset", "requesterId": "%s", "channel": "PHONE",
                 "impact": "MEDIUM", "urgency": "HIGH", "resolutionCode": "FIXED", "resolutionNotes": "Reset on the call."}
                """.formatted(desk.carol.id())));
        desk.move(desk.aliceToken, older, "{\"to\": \"IN_PROGRESS\"}"); // now the latest change

        MvcTestResult first = desk.fetch(desk.aliceToken, "/api/v1/tickets?open=true&priority=P2&limit=1");
        List<String> page1 = read(first, "$.items[*].number");
        assertThat(page1).containsExactly(older);
        String cursor = read(first, "$.nextCursor");
        List<String> page2 = read(desk.fetch(desk.aliceToken, "/api/v1/tickets?open=true&priority=P2&limit=1&cursor={c}", cursor),
                "$.items[*].number");
        assertThat(page2).containsExactly(newer);

        MvcTestResult all = desk.fetch(desk.aliceToken, "/api/v1/tickets?open=true&priority=P2&limit=200");
        List<String> numbers = read(all, "$.items[*].number");
        List<String> priorities = read(all, "$.items[*].priority");
        List<String> statuses = read(all, "$.items[*].status");
        assertThat(numbers).contains(older, newer).doesNotContain(lower, fixed);
        assertThat(priorities).containsOnly("P2");
        assertThat(statuses).doesNotContain("RESOLVED", "CLOSED", "CANCELLED");
        List<String> closedToo = read(desk.fetch(desk.aliceToken, "/api/v1/tickets?open=false&priority=P2&limit=200"), "$.items[*].number");
        assertThat(closedToo).contains(fixed).doesNotContain(older, newer);
    }

    @Test
    void anIncidentIsLinkedToTheProblemThatCausedItAndADuplicateIsMergedKeepingBothTimelines() {
        String incident = desk.phoneIncident();
        String duplicate = desk.phoneIncident();
        String problem = Desk.number(desk.open(desk.aliceToken, """
                {"type": "PROBLEM", "subject": "VPN concentrator drops sessions", "organizationId": "%s"}""".formatted(desk.org.id())));
        desk.post(desk.aliceToken, duplicate, "comments", "{\"body\": \"Also seen on the 2nd floor.\"}");

        assertThat(desk.post(desk.aliceToken, incident, "links", "{\"kind\": \"CAUSED_BY\", \"target\": \"%s\"}".formatted(problem)))
                .hasStatus(201);
        assertThat(desk.post(desk.aliceToken, problem, "links", "{\"kind\": \"CAUSED_BY\", \"target\": \"%s\"}".formatted(incident)))
                .hasStatus(422);
        List<String> problemLinks = read(desk.fetch(desk.aliceToken, "/api/v1/tickets/" + problem + "/links"), "$[*].kind");
        assertThat(problemLinks).containsExactly("CAUSES");

        MvcTestResult merged = desk.post(desk.aliceToken, duplicate, "links", "{\"kind\": \"DUPLICATE_OF\", \"target\": \"%s\"}".formatted(incident));
        assertThat(merged).hasStatus(201);
        assertThat(merged).bodyJson().extractingPath("$.status").isEqualTo("RESOLVED");
        assertThat(merged).bodyJson().extractingPath("$.resolution.code").isEqualTo("DUPLICATE");
        assertThat(merged).bodyJson().extractingPath("$.mergedInto").isEqualTo(incident);
        MvcTestResult survivor = desk.timeline(desk.aliceToken, incident);
        List<String> bodies = read(survivor, "$.items[*].body");
        assertThat(bodies).contains("Also seen on the 2nd floor.");
        List<String> ticketsOnTimeline = read(survivor, "$.items[*].ticket");
        assertThat(ticketsOnTimeline).contains(incident, duplicate);
        assertThat(desk.post(desk.aliceToken, duplicate, "links", "{\"kind\": \"RELATED_TO\", \"target\": \"%s\"}".formatted(incident)))
                .hasStatus(201);
        assertThat(desk.post(desk.aliceToken, duplicate, "links", "{\"kind\": \"RELATED_TO\", \"target\": \"%s\"}".formatted(incident)))
                .hasStatus(409);
    }

    @Test
    void aTicketCannotBecomeItsOwnAncestor() {
        String parent = desk.phoneIncident();
        String child = desk.phoneIncident();
        assertThat(desk.post(desk.aliceToken, child, "links", "{\"kind\": \"CHILD_OF\", \"target\": \"%s\"}".formatted(parent))).hasStatus(201);

        MvcTestResult cycle = desk.post(desk.aliceToken, parent, "links", "{\"kind\": \"CHILD_OF\", \"target\": \"%s\"}".formatted(child));

        assertThat(cycle).hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("target");
    }

    @Test
    void mergingANewUnownedDuplicateMakesTheAgentWhoMergesItItsOwner() {
        String original = desk.portalIncident();
        String duplicate = desk.portalIncident();
        MvcTestResult merged = desk.post(desk.aliceToken, duplicate, "links", "{\"kind\": \"DUPLICATE_OF\", \"target\": \"%s\"}".formatted(original));
        assertThat(merged).hasStatus(201);
        assertThat(merged).bodyJson().extractingPath("$.status").isEqualTo("RESOLVED");
        assertThat(merged).bodyJson().extractingPath("$.owner.id").isEqualTo(desk.alice.id().toString());
    }

    @Test
    void theTimelineExportsAsCsvAndJsonAndCustomersGetThePublicPartOnly() throws Exception {
        String number = desk.phoneIncident();
        desk.post(desk.aliceToken, number, "comments", "{\"body\": \"=cmd|' /C calc'!A0, \\\"quoted\\\"\", \"visibility\": \"INTERNAL\"}");

        MvcTestResult csv = desk.fetch(desk.aliceToken, "/api/v1/tickets/" + number + "/timeline/export?format=csv");
        assertThat(csv).hasStatusOk().hasHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + number + "-timeline.csv\"");
        String text = csv.getResponse().getContentAsString();
        assertThat(text).startsWith("id,ticket,occurredAt,kind,visibility,actorId,actorName,body,details\r\n");
        assertThat(text.split("\r\n")).hasSize(5);
        assertThat(text).contains("\"'=cmd|' /C calc'!A0, \"\"quoted\"\"\"");

        MvcTestResult json = desk.fetch(desk.carolToken, "/api/v1/tickets/" + number + "/timeline/export?format=json");
        List<String> kinds = read(json, "$[*].kind");
        assertThat(kinds).containsExactly("CREATED", "OWNER_ASSIGNED", "CUSTOMER_NOTIFIED");
        assertThat(desk.fetch(desk.aliceToken, "/api/v1/tickets/" + number + "/timeline/export?format=xml")).hasStatus(400);
    }
}
