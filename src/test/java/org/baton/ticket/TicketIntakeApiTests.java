package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baton.ticket.Desk.read;

import java.util.List;
import java.util.UUID;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.baton.outbox.Outbox;
import org.baton.outbox.PendingMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class TicketIntakeApiTests {

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

    @Test
    void anAgentWhoLogsAPhoneCallOwnsTheTicketAndTheCustomerIsToldItsNumber() {
        MvcTestResult created = desk.open(desk.aliceToken, """
                {"type": "INCIDENT", "subject": "VPN drops every few minutes", "requesterId": "%s", "channel": "PHONE",
                 "category": "Network", "impact": "MEDIUM", "urgency": "HIGH"}""".formatted(desk.carol.id()));

        assertThat(created).hasStatus(201).hasHeader(HttpHeaders.ETAG, "\"0\"");
        String number = read(created, "$.number");
        assertThat(number).matches("INC-[1-9][0-9]*");
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("http://localhost/api/v1/tickets/" + number);
        assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("ASSIGNED");
        assertThat(created).bodyJson().extractingPath("$.priority").isEqualTo("P2");
        assertThat(created).bodyJson().extractingPath("$.owner.name").isEqualTo(desk.alice.displayName());
        assertThat(created).bodyJson().extractingPath("$.organization.name").isEqualTo(desk.org.name());
        assertThat(created).bodyJson().extractingPath("$.requester.contact").isEqualTo(desk.carol.email());

        assertThat(desk.get(desk.carolToken, number)).hasStatusOk().bodyJson().extractingPath("$.subject")
                .isEqualTo("VPN drops every few minutes");
        List<String> kinds = read(desk.timeline(desk.aliceToken, number), "$.items[*].kind");
        assertThat(kinds).containsExactly("CREATED", "OWNER_ASSIGNED", "CUSTOMER_NOTIFIED");
        List<PendingMessage> sent = outbox.about(tickets.byNumber(new TicketNumber(number)).orElseThrow().id().value());
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo(desk.carol.email());
            assertThat(m.subject()).startsWith("[" + number + "]");
            assertThat(m.payload()).contains("\"template\":\"RECEIVED\"").contains(desk.alice.displayName());
        });
    }

    @Test
    void numbersAreUniquePerTypeAndNeverReused() {
        String first = desk.phoneIncident();
        String second = desk.phoneIncident();
        String request = Desk.number(desk.open(desk.aliceToken, """
                {"type": "SERVICE_REQUEST", "subject": "New laptop for a starter", "requesterId": "%s"}""".formatted(desk.carol.id())));
        String problem = Desk.number(desk.open(desk.aliceToken, """
                {"type": "PROBLEM", "subject": "VPN concentrator drops sessions", "organizationId": "%s"}""".formatted(desk.org.id())));
        String task = Desk.number(desk.open(desk.aliceToken, """
                {"type": "OPERATIONAL_TASK", "subject": "Patch the file servers", "organizationId": "%s", "dueAt": "2099-01-01T00:00:00Z"}"""
                .formatted(desk.org.id())));

        assertThat(request).startsWith("REQ-");
        assertThat(problem).startsWith("PRB-");
        assertThat(task).startsWith("OPS-");
        assertThat(Long.parseLong(second.substring(4))).isGreaterThan(Long.parseLong(first.substring(4)));
        assertThat(desk.get(desk.aliceToken, task)).bodyJson().extractingPath("$.priority").isEqualTo("PLANNED");
    }

    @Test
    void aCustomersTicketStartsNewWithoutAnOwner() {
        MvcTestResult created = desk.open(desk.carolToken, """
                {"type": "INCIDENT", "subject": "Printer on 3rd floor offline"}""");

        assertThat(created).hasStatus(201);
        assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("NEW");
        assertThat(created).bodyJson().extractingPath("$.owner").isNull();
        assertThat(created).bodyJson().extractingPath("$.channel").isEqualTo("PORTAL");
        assertThat(created).bodyJson().extractingPath("$.priority").isEqualTo("P3");
        assertThat(created).bodyJson().extractingPath("$.requester.name").isEqualTo(desk.carol.displayName());
    }

    @Test
    void aTicketFixedOnTheCallIsResolvedAtFirstContact() {
        MvcTestResult created = desk.open(desk.aliceToken, """
                {"type": "SERVICE_REQUEST", "subject": "Password reset", "requesterId": "%s",
                 "resolutionCode": "FULFILLED", "resolutionNotes": "Reset the password and checked sign-in."}"""
                .formatted(desk.carol.id()));

        assertThat(created).hasStatus(201);
        assertThat(created).bodyJson().extractingPath("$.status").isEqualTo("RESOLVED");
        assertThat(created).bodyJson().extractingPath("$.firstContactResolved").isEqualTo(true);
        assertThat(created).bodyJson().extractingPath("$.resolution.code").isEqualTo("FULFILLED");
    }

    @Test
    void aTicketResolvedAfterAHandOffIsNotAFirstContactResolution() {
        String number = desk.phoneIncident();
        desk.post(desk.aliceToken, number, "handoffs", """
                {"groupId": "%s", "reason": "Needs a site visit", "need": "ON_SITE_VISIT", "eta": "2099-01-01T10:00:00Z"}"""
                .formatted(desk.field.id()));

        MvcTestResult resolved = desk.move(desk.aliceToken, number, """
                {"to": "RESOLVED", "resolutionCode": "FIXED", "resolutionNotes": "Replaced the cable."}""");

        assertThat(resolved).hasStatusOk().bodyJson().extractingPath("$.firstContactResolved").isEqualTo(false);
    }

    @Test
    void aResolutionCodeOfAnotherTypeOrMissingNotesAreNamed() {
        MvcTestResult refused = desk.open(desk.aliceToken, """
                {"type": "INCIDENT", "subject": "Mouse broken", "requesterId": "%s", "resolutionCode": "FULFILLED"}"""
                .formatted(desk.carol.id()));

        assertThat(refused).hasStatus(422);
        assertThat(read(refused, "$.errors[*].field").toString()).contains("resolutionCode").contains("resolutionNotes");
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsCreated() {
        MvcTestResult refused = desk.open(desk.aliceToken, """
                {"type": "ACCIDENT", "subject": " ", "requesterId": "not-an-id", "impact": "HUGE"}""");

        assertThat(refused).hasStatus(422).hasContentType("application/problem+json");
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).contains("type", "requesterId", "impact");
    }

    @Test
    void aRequesterFromAnOrganizationTheAgentDoesNotServeIsRefused() {
        MvcTestResult refused = desk.open(desk.outsideToken, """
                {"type": "INCIDENT", "subject": "Help", "requesterId": "%s"}""".formatted(desk.carol.id()));

        assertThat(refused).hasStatus(422);
        assertThat(refused).bodyJson().extractingPath("$.errors[0].field").isEqualTo("requesterId");
    }

    @Test
    void customersDoNotOpenProblemsOrResolveTheirOwnTickets() {
        assertThat(desk.open(desk.carolToken, "{\"type\": \"PROBLEM\", \"subject\": \"x\"}")).hasStatus(403);
        assertThat(desk.open(desk.carolToken, """
                {"type": "INCIDENT", "subject": "x", "resolutionCode": "FIXED", "resolutionNotes": "did it"}""")).hasStatus(403);
    }

    @Test
    void retryingACreateWithTheSameIdempotencyKeyReturnsTheFirstTicketAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String body = """
                {"type": "INCIDENT", "subject": "Outlook keeps asking for the password", "requesterId": "%s"}"""
                .formatted(desk.dan.id());

        MvcTestResult first = mvc.post().uri("/api/v1/tickets").header("Authorization", "Bearer " + desk.aliceToken)
                .header("Idempotency-Key", key).contentType("application/json").content(body).exchange();
        MvcTestResult retry = mvc.post().uri("/api/v1/tickets").header("Authorization", "Bearer " + desk.aliceToken)
                .header("Idempotency-Key", key).contentType("application/json").content(body).exchange();

        assertThat(first).hasStatus(201);
        assertThat(retry).hasStatus(201).hasHeader("Idempotent-Replayed", "true");
        assertThat((String) read(retry, "$.number")).isEqualTo(read(first, "$.number"));
        assertThat(retry.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(first.getResponse().getHeader(HttpHeaders.LOCATION));
        List<String> dansTickets = read(desk.fetch(desk.aliceToken, "/api/v1/tickets?requesterId={id}", desk.dan.id()), "$.items[*].number");
        assertThat(dansTickets).containsExactly((String) read(first, "$.number"));
        // the retry's create was rolled back with everything it wrote: Dan was told about one ticket only
        assertThat(jdbc.sql("select count(*) from outbox where recipient = :to").param("to", desk.dan.email())
                .query(Long.class).single()).isEqualTo(1);

        MvcTestResult otherBody = mvc.post().uri("/api/v1/tickets").header("Authorization", "Bearer " + desk.aliceToken)
                .header("Idempotency-Key", key).contentType("application/json")
                .content(body.replace("Outlook", "Teams")).exchange();
        assertThat(otherBody).hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void aKeyOlderThanItsLifetimeOpensANewTicket() {
        String key = UUID.randomUUID().toString();
        String body = """
                {"type": "INCIDENT", "subject": "Scanner offline", "requesterId": "%s"}""".formatted(desk.dan.id());
        MvcTestResult first = mvc.post().uri("/api/v1/tickets").header("Authorization", "Bearer " + desk.aliceToken)
                .header("Idempotency-Key", key).contentType("application/json").content(body).exchange();
        jdbc.sql("update idempotency_keys set created_at = created_at - interval '25' hour where idem_key = :key")
                .param("key", key).update();

        MvcTestResult later = mvc.post().uri("/api/v1/tickets").header("Authorization", "Bearer " + desk.aliceToken)
                .header("Idempotency-Key", key).contentType("application/json").content(body).exchange();

        assertThat(later).hasStatus(201).doesNotContainHeader("Idempotent-Replayed");
        assertThat((String) read(later, "$.number")).isNotEqualTo(read(first, "$.number"));
        MvcTestResult again = mvc.post().uri("/api/v1/tickets").header("Authorization", "Bearer " + desk.aliceToken)
                .header("Idempotency-Key", key).contentType("application/json").content(body).exchange();
        assertThat(again).hasStatus(201).hasHeader("Idempotent-Replayed", "true");
        assertThat((String) read(again, "$.number")).isEqualTo(read(later, "$.number"));
    }

    @Test
    void theSameKeyFromAnotherUserIsAnotherRequest() {
        String key = UUID.randomUUID().toString();
        MvcTestResult alices = mvc.post().uri("/api/v1/tickets").header("Authorization", "Bearer " + desk.aliceToken)
                .header("Idempotency-Key", key).contentType("application/json")
                .content("{\"type\": \"INCIDENT\", \"subject\": \"A\", \"requesterId\": \"" + desk.carol.id() + "\"}").exchange();
        MvcTestResult bobs = mvc.post().uri("/api/v1/tickets").header("Authorization", "Bearer " + desk.bobToken)
                .header("Idempotency-Key", key).contentType("application/json")
                .content("{\"type\": \"INCIDENT\", \"subject\": \"A\", \"requesterId\": \"" + desk.carol.id() + "\"}").exchange();

        assertThat((String) read(bobs, "$.number")).isNotEqualTo(read(alices, "$.number"));
    }
}
