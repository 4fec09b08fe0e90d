package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baton.ticket.Desk.read;
import static org.baton.ticket.TicketStatus.ASSIGNED;
import static org.baton.ticket.TicketStatus.CANCELLED;
import static org.baton.ticket.TicketStatus.CLOSED;
import static org.baton.ticket.TicketStatus.IN_PROGRESS;
import static org.baton.ticket.TicketStatus.NEW;
import static org.baton.ticket.TicketStatus.PENDING;
import static org.baton.ticket.TicketStatus.RESOLVED;
import static org.baton.ticket.TicketType.INCIDENT;
import static org.baton.ticket.TicketType.OPERATIONAL_TASK;
import static org.baton.ticket.TicketType.PROBLEM;
import static org.baton.ticket.TicketType.SERVICE_REQUEST;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Status changes through {@code POST /api/v1/tickets/{number}/transitions}, held to the hand-written
 * table in {@code ticket/lifecycles.csv}: every allowed move of every type is made once on a real
 * ticket, and every refused move from every status a ticket can reach is tried and must change
 * nothing. One desk of people serves the whole class (creating accounts is the slow part); every
 * test makes its own tickets.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TicketTransitionApiTests {

    private static final ExpectedLifecycles EXPECTED = ExpectedLifecycles.load();

    /** The moves a customer may make on their own ticket; every other move is for staff. */
    private static final Map<TicketStatus, Set<TicketStatus>> CUSTOMER_MOVES = Map.of(
            NEW, EnumSet.of(CANCELLED),
            RESOLVED, EnumSet.of(CLOSED, IN_PROGRESS));

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    Desk desk;

    @BeforeAll
    void setUpDesk() {
        desk = new Desk(mvc, fixtures);
    }

    // ---------------------------------------------------------------- the lifecycle, move by move

    static Stream<Arguments> allowedMoves() {
        return EXPECTED.rows().stream().flatMap(row -> row.allowed().stream().map(to -> Arguments.of(row.type(), row.from(), to)));
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @MethodSource("allowedMoves")
    void everyAllowedMoveChangesTheStatusAndIsRecordedOnTheTimeline(TicketType type, TicketStatus from, TicketStatus to) {
        Map<String, Object> before = openIn(type, from);
        String number = (String) before.get("number");

        MvcTestResult moved = desk.move(desk.bobToken, number, moveTo(type, to));

        assertThat(moved).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"" + (version(before) + 1) + "\"");
        Map<String, Object> after = read(moved, "$");
        assertThat(after.get("status")).isEqualTo(to.name());
        // the ticket got to `from` on a shortest path, so it never left `from` before: the move is the last status change
        List<Map<String, Object>> statusChanges = entries(number).stream()
                .filter(e -> "STATUS_CHANGED".equals(e.get("kind"))).toList();
        assertThat(statusChanges).as("STATUS_CHANGED entries").isNotEmpty().last().satisfies(e -> {
            assertThat((Object) at(e, "$.details.changes.status.before")).isEqualTo(from.name());
            assertThat((Object) at(e, "$.details.changes.status.after")).isEqualTo(to.name());
        });
        assertThat(statusChanges).as("STATUS_CHANGED entries from %s to %s", from, to)
                .filteredOn(e -> from.name().equals(at(e, "$.details.changes.status.before"))
                        && to.name().equals(at(e, "$.details.changes.status.after")))
                .hasSize(1);
        if (from == NEW && to != CANCELLED) {
            assertThat(ownerName(after)).as("the owner of a new ticket Bob moved on").isEqualTo(desk.bob.displayName());
        } else if (from != NEW) {
            assertThat(ownerName(after)).as("the owner after Bob's move").isEqualTo(ownerName(before));
        }
    }

    static Stream<Arguments> refusedMovesFromEachReachableStatus() {
        return EXPECTED.rows().stream()
                .filter(row -> EXPECTED.reachable(row.type(), row.from()))
                .map(row -> Arguments.of(row.type(), row.from(), row.allowed()));
    }

    @ParameterizedTest(name = "{0} that is {1}: only {2}")
    @MethodSource("refusedMovesFromEachReachableStatus")
    void everyRefusedMoveIsAConflictThatNamesTheAllowedStatusesAndChangesNothing(TicketType type, TicketStatus from,
            Set<TicketStatus> allowed) {
        String number = ticketIn(type, from);
        Map<String, Object> before = ticket(number);
        List<Map<String, Object>> timeline = entries(number);
        Set<TicketStatus> refused = EnumSet.allOf(TicketStatus.class);
        refused.removeAll(allowed);

        SoftAssertions softly = new SoftAssertions();
        for (TicketStatus to : refused) {
            MvcTestResult answer = desk.move(desk.bobToken, number, moveTo(type, to));
            softly.assertThat(answer.getResponse().getStatus()).as("%s → %s: status", from, to).isEqualTo(409);
            softly.assertThat(answer.getResponse().getContentType()).as("%s → %s: content type", from, to)
                    .isEqualTo("application/problem+json");
            softly.assertThat(field(answer, "$.type")).as("%s → %s: type", from, to).isEqualTo("/problems/invalid-transition");
            if (to != from) {
                String detail = (String) field(answer, "$.detail");
                Set<TicketStatus> offered = statusesNamedIn(detail);
                offered.removeAll(EnumSet.of(from, to));
                softly.assertThat(offered).as("%s → %s: the statuses offered in \"%s\"", from, to, detail)
                        .containsExactlyInAnyOrderElementsOf(allowed);
                if (allowed.isEmpty()) {
                    softly.assertThat(detail).as("%s → %s: detail", from, to).contains("final");
                }
            }
        }
        softly.assertAll();

        assertThat(ticket(number)).as("the ticket after %d refused moves", refused.size()).isEqualTo(before);
        assertThat(entries(number)).as("the timeline after %d refused moves", refused.size()).isEqualTo(timeline);
    }

    /**
     * The refusal of a move to the status the ticket already has is an invalid transition like any
     * other, and, as the problem type promises, its detail says where the ticket can go instead.
     */
    @ParameterizedTest
    @EnumSource(TicketType.class)
    void askingForTheStatusATicketAlreadyHasNamesTheStatusesItCanBecome(TicketType type) {
        String number = ticketIn(type, IN_PROGRESS);

        MvcTestResult refused = desk.move(desk.aliceToken, number, moveTo(type, IN_PROGRESS));

        assertThat(refused).hasStatus(409).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-transition");
        String detail = read(refused, "$.detail");
        Set<TicketStatus> offered = statusesNamedIn(detail);
        offered.remove(IN_PROGRESS);
        assertThat(offered).as("the statuses offered in \"%s\"", detail)
                .containsExactlyInAnyOrderElementsOf(EXPECTED.allowed(type, IN_PROGRESS));
    }

    // ---------------------------------------------------------------- what each move needs

    @ParameterizedTest
    @EnumSource(TicketType.class)
    void resolvingWithoutACodeAndNotesNamesBothFieldsAndChangesNothing(TicketType type) {
        String number = ticketIn(type, IN_PROGRESS);
        Map<String, Object> before = ticket(number);

        MvcTestResult refused = desk.move(desk.aliceToken, number, "{\"to\": \"RESOLVED\"}");
        MvcTestResult blank = desk.move(desk.aliceToken, number, """
                {"to": "RESOLVED", "resolutionCode": " ", "resolutionNotes": " "}""");

        for (MvcTestResult answer : List.of(refused, blank)) {
            assertThat(answer).hasStatus(422).hasContentType("application/problem+json");
            assertThat(answer).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-input");
            List<String> fields = read(answer, "$.errors[*].field");
            assertThat(fields).containsExactlyInAnyOrder("resolutionCode", "resolutionNotes");
        }
        assertThat(ticket(number)).isEqualTo(before);
    }

    @Test
    void aResolutionCodeOfAnotherTypeIsNamed() {
        String number = ticketIn(INCIDENT, IN_PROGRESS);

        MvcTestResult refused = desk.move(desk.aliceToken, number, """
                {"to": "RESOLVED", "resolutionCode": "FULFILLED", "resolutionNotes": "Handed over the laptop."}""");

        assertThat(refused).hasStatus(422);
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).containsExactly("resolutionCode");
        assertThat(ticket(number).get("status")).isEqualTo("IN_PROGRESS");
    }

    static Stream<Arguments> pendingReasonsByType() {
        return Stream.of(
                Arguments.of(INCIDENT, EnumSet.of(PendingReason.CUSTOMER, PendingReason.THIRD_PARTY)),
                Arguments.of(SERVICE_REQUEST, EnumSet.of(PendingReason.CUSTOMER, PendingReason.THIRD_PARTY, PendingReason.APPROVAL)),
                Arguments.of(PROBLEM, EnumSet.of(PendingReason.THIRD_PARTY)),
                Arguments.of(OPERATIONAL_TASK, EnumSet.of(PendingReason.THIRD_PARTY)));
    }

    @ParameterizedTest(name = "{0} may wait for {1}")
    @MethodSource("pendingReasonsByType")
    void aPendingTicketWaitsForAReasonItsTypeKnows(TicketType type, Set<PendingReason> reasons) {
        String number = ticketIn(type, IN_PROGRESS);
        Map<String, Object> before = ticket(number);

        MvcTestResult missing = desk.move(desk.aliceToken, number, "{\"to\": \"PENDING\"}");
        assertThat(missing).hasStatus(422).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("pendingReason");
        for (PendingReason reason : EnumSet.complementOf(EnumSet.copyOf(reasons))) {
            MvcTestResult foreign = desk.move(desk.aliceToken, number, "{\"to\": \"PENDING\", \"pendingReason\": \"" + reason + "\"}");
            assertThat(foreign).as("a %s waiting for %s", type, reason).hasStatus(422)
                    .bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("pendingReason");
        }
        assertThat(ticket(number)).as("after the refused moves").isEqualTo(before);

        for (PendingReason reason : reasons) {
            MvcTestResult pending = desk.move(desk.aliceToken, number, "{\"to\": \"PENDING\", \"pendingReason\": \"" + reason + "\"}");
            assertThat(pending).as("a %s waiting for %s", type, reason).hasStatusOk();
            assertThat(pending).bodyJson().extractingPath("$.pendingReason").isEqualTo(reason.name());
            MvcTestResult back = desk.move(desk.aliceToken, number, "{\"to\": \"IN_PROGRESS\"}");
            assertThat(back).hasStatusOk().bodyJson().extractingPath("$.pendingReason").isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TicketType.class)
    void cancellingOrReopeningWithoutAReasonIsRefusedNamingTheReason(TicketType type) {
        String assigned = ticketIn(type, ASSIGNED);
        String resolved = ticketIn(type, RESOLVED);
        Map<String, Object> assignedBefore = ticket(assigned);
        Map<String, Object> resolvedBefore = ticket(resolved);

        List<MvcTestResult> answers = List.of(
                desk.move(desk.aliceToken, assigned, "{\"to\": \"CANCELLED\"}"),
                desk.move(desk.aliceToken, assigned, "{\"to\": \"CANCELLED\", \"reason\": \"   \"}"),
                desk.move(desk.aliceToken, resolved, "{\"to\": \"IN_PROGRESS\"}"),
                desk.move(desk.aliceToken, resolved, "{\"to\": \"IN_PROGRESS\", \"reason\": \"\"}"));

        for (MvcTestResult answer : answers) {
            assertThat(answer).hasStatus(422).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("reason");
        }
        assertThat(ticket(assigned)).isEqualTo(assignedBefore);
        assertThat(ticket(resolved)).isEqualTo(resolvedBefore);
    }

    // ---------------------------------------------------------------- reopening

    @Test
    void reopeningClearsTheResolutionAndTheTicketNoLongerCountsAsResolvedAtFirstContact() {
        String number = ticketIn(INCIDENT, ASSIGNED);
        MvcTestResult resolved = desk.move(desk.aliceToken, number, moveTo(INCIDENT, RESOLVED));
        assertThat(resolved).hasStatusOk().bodyJson().extractingPath("$.firstContactResolved").isEqualTo(true);
        long lastEntry = lastEntryId(number);

        MvcTestResult reopened = desk.move(desk.carolToken, number, """
                {"to": "IN_PROGRESS", "reason": "The VPN still drops."}""");

        assertThat(reopened).hasStatusOk();
        assertThat(reopened).bodyJson().extractingPath("$.status").isEqualTo("IN_PROGRESS");
        assertThat(reopened).bodyJson().extractingPath("$.resolution").isNull();
        assertThat(reopened).bodyJson().extractingPath("$.resolvedAt").isNull();
        assertThat(reopened).bodyJson().extractingPath("$.firstContactResolved").isEqualTo(false);
        List<Map<String, Object>> added = entriesAfter(number, lastEntry);
        assertThat(added).filteredOn(e -> "REOPENED".equals(e.get("kind"))).singleElement()
                .satisfies(e -> assertThat(e.get("body")).isEqualTo("The VPN still drops."));

        MvcTestResult resolvedAgain = desk.move(desk.aliceToken, number, """
                {"to": "RESOLVED", "resolutionCode": "WORKAROUND", "resolutionNotes": "Switched to the backup gateway."}""");

        assertThat(resolvedAgain).hasStatusOk();
        assertThat(resolvedAgain).bodyJson().extractingPath("$.firstContactResolved").isEqualTo(false);
        assertThat(resolvedAgain).bodyJson().extractingPath("$.resolution.code").isEqualTo("WORKAROUND");
    }

    // ---------------------------------------------------------------- ownership

    @ParameterizedTest
    @EnumSource(TicketType.class)
    void aMemberOfStaffWhoMovesANewTicketOnBecomesItsOwnerAndStaysOwner(TicketType type) {
        String number = ticketIn(type, NEW);
        assertThat(ticket(number).get("owner")).as("owner of the new ticket").isNull();
        long lastEntry = lastEntryId(number);

        MvcTestResult taken = desk.move(desk.bobToken, number, moveTo(type, IN_PROGRESS));

        assertThat(taken).hasStatusOk().bodyJson().extractingPath("$.owner.name").isEqualTo(desk.bob.displayName());
        assertThat(entriesAfter(number, lastEntry)).extracting(e -> e.get("kind")).contains("OWNER_ASSIGNED", "STATUS_CHANGED");

        MvcTestResult movedByAlice = desk.move(desk.aliceToken, number, moveTo(type, PENDING));
        assertThat(movedByAlice).hasStatusOk().bodyJson().extractingPath("$.owner.name").isEqualTo(desk.bob.displayName());
    }

    // ---------------------------------------------------------------- customers

    @ParameterizedTest
    @EnumSource(value = TicketType.class, names = {"INCIDENT", "SERVICE_REQUEST"})
    void aCustomerMayWithdrawTheirNewTicket(TicketType type) {
        String number = ticketIn(type, NEW);

        MvcTestResult withdrawn = desk.move(desk.carolToken, number, """
                {"to": "CANCELLED", "reason": "It works again."}""");

        assertThat(withdrawn).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
        assertThat(withdrawn).bodyJson().extractingPath("$.closedAt").isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = TicketType.class, names = {"INCIDENT", "SERVICE_REQUEST"})
    void aCustomerMayConfirmOrReopenTheirResolvedTicket(TicketType type) {
        String confirmed = ticketIn(type, RESOLVED);
        String reopened = ticketIn(type, RESOLVED);

        MvcTestResult closed = desk.move(desk.carolToken, confirmed, "{\"to\": \"CLOSED\"}");
        MvcTestResult back = desk.move(desk.carolToken, reopened, """
                {"to": "IN_PROGRESS", "reason": "Not fixed for me."}""");

        assertThat(closed).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("CLOSED");
        assertThat(back).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("IN_PROGRESS");
        assertThat(back).bodyJson().extractingPath("$.resolution").isNull();
    }

    static Stream<Arguments> staffMovesOnACustomersTicket() {
        return Stream.of(INCIDENT, SERVICE_REQUEST).flatMap(type -> Stream.of(TicketStatus.values())
                .filter(from -> EXPECTED.reachable(type, from))
                .map(from -> {
                    Set<TicketStatus> staffOnly = EnumSet.noneOf(TicketStatus.class);
                    staffOnly.addAll(EXPECTED.allowed(type, from));
                    staffOnly.removeAll(CUSTOMER_MOVES.getOrDefault(from, Set.of()));
                    return Arguments.of(type, from, staffOnly);
                })
                .filter(arguments -> !((Set<?>) arguments.get()[2]).isEmpty()));
    }

    @ParameterizedTest(name = "{0} that is {1}: {2}")
    @MethodSource("staffMovesOnACustomersTicket")
    void everyOtherMoveByACustomerIsForbiddenAndChangesNothing(TicketType type, TicketStatus from, Set<TicketStatus> staffOnly) {
        String number = ticketIn(type, from);
        assertThat(desk.get(desk.carolToken, number)).as("Carol sees her ticket").hasStatusOk();
        Map<String, Object> before = ticket(number);
        List<Map<String, Object>> timeline = entries(number);

        SoftAssertions softly = new SoftAssertions();
        for (TicketStatus to : staffOnly) {
            MvcTestResult answer = desk.move(desk.carolToken, number, moveTo(type, to));
            softly.assertThat(answer.getResponse().getStatus()).as("Carol: %s → %s", from, to).isEqualTo(403);
            softly.assertThat(field(answer, "$.type")).as("Carol: %s → %s", from, to).isEqualTo("/problems/forbidden");
        }
        softly.assertAll();

        assertThat(ticket(number)).isEqualTo(before);
        assertThat(entries(number)).isEqualTo(timeline);
    }

    // ---------------------------------------------------------------- concurrent edits

    @Test
    void aMoveBasedOnAStaleVersionIsRefusedAndChangesNothing() {
        String number = ticketIn(INCIDENT, ASSIGNED);
        String readByAlice = desk.get(desk.aliceToken, number).getResponse().getHeader(HttpHeaders.ETAG);
        MvcTestResult bobsMove = desk.post(desk.bobToken, number, "transitions", moveTo(INCIDENT, IN_PROGRESS), readByAlice);
        assertThat(bobsMove).as("Bob's move on the version he read").hasStatusOk();
        Map<String, Object> before = ticket(number);
        List<Map<String, Object>> timeline = entries(number);

        MvcTestResult stale = desk.post(desk.aliceToken, number, "transitions", moveTo(INCIDENT, RESOLVED), readByAlice);

        assertThat(stale).hasStatus(412).hasContentType("application/problem+json")
                .hasHeader(HttpHeaders.ETAG, "\"" + version(before) + "\"");
        assertThat(stale).bodyJson().extractingPath("$.type").isEqualTo("/problems/stale-version");
        assertThat(ticket(number)).isEqualTo(before);
        assertThat(entries(number)).isEqualTo(timeline);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A ticket of {@code type} in {@code status}, made by allowed moves only: a new one as a
     * customer (or, for problems and tasks, from monitoring), otherwise one Alice logs (for Carol, or
     * for her organization) and moves along a shortest allowed path of the expected table.
     */
    private String ticketIn(TicketType type, TicketStatus status) {
        return (String) openIn(type, status).get("number");
    }

    /** Like {@link #ticketIn}, but the ticket as the last step answered. */
    private Map<String, Object> openIn(TicketType type, TicketStatus status) {
        boolean unowned = status == NEW;
        MvcTestResult created = switch (type) {
            case INCIDENT, SERVICE_REQUEST -> unowned
                    ? desk.open(desk.carolToken, """
                            {"type": "%s", "subject": "Printer on 3rd floor offline"}""".formatted(type))
                    : desk.open(desk.aliceToken, """
                            {"type": "%s", "subject": "VPN drops every few minutes", "requesterId": "%s", "channel": "PHONE"}"""
                            .formatted(type, desk.carol.id()));
            case PROBLEM, OPERATIONAL_TASK -> desk.open(desk.aliceToken, """
                    {"type": "%s", "subject": "Disk usage alarm on fs-01", "organizationId": "%s", "channel": "%s"}"""
                    .formatted(type, desk.org.id(), unowned ? "MONITORING" : "PHONE"));
        };
        String number = Desk.number(created);
        Map<String, Object> ticket = read(created, "$");
        assertThat(ticket.get("status")).as("a %s just opened", type).isEqualTo(unowned ? "NEW" : "ASSIGNED");
        if (unowned) {
            return ticket;
        }
        List<TicketStatus> path = Objects.requireNonNull(EXPECTED.path(type, ASSIGNED, status),
                () -> "no allowed way from ASSIGNED to " + status + " for " + type);
        for (TicketStatus step : path) {
            MvcTestResult moved = desk.move(desk.aliceToken, number, moveTo(type, step));
            assertThat(moved).as("%s on the way to %s, moving to %s: %s", type, status, step, Desk.body(moved)).hasStatusOk();
            ticket = read(moved, "$");
        }
        return ticket;
    }

    /** A transition body with everything a move to {@code to} needs for a ticket of {@code type}. */
    private static String moveTo(TicketType type, TicketStatus to) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", to.name());
        switch (to) {
            case PENDING -> body.put("pendingReason", switch (type) {
                case INCIDENT -> "CUSTOMER";
                case SERVICE_REQUEST -> "APPROVAL";
                case PROBLEM, OPERATIONAL_TASK -> "THIRD_PARTY";
            });
            case RESOLVED -> {
                body.put("resolutionCode", switch (type) {
                    case INCIDENT -> "FIXED";
                    case SERVICE_REQUEST -> "FULFILLED";
                    case PROBLEM -> "ROOT_CAUSE_REMOVED";
                    case OPERATIONAL_TASK -> "COMPLETED";
                });
                body.put("resolutionNotes", "Done and checked with the requester.");
            }
            case CANCELLED -> body.put("reason", "Raised twice by mistake.");
            case IN_PROGRESS -> body.put("reason", "Work goes on.");
            default -> { }
        }
        return body.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static final Map<TicketStatus, Pattern> STATUS_WORDS = Stream.of(TicketStatus.values()).collect(Collectors.toMap(
            s -> s, s -> Pattern.compile("\\b" + s.name().toLowerCase().replace('_', ' ') + "\\b", Pattern.CASE_INSENSITIVE),
            (a, b) -> a, () -> new java.util.EnumMap<>(TicketStatus.class)));

    /** The statuses a refusal's detail mentions, in words ("in progress", "known error"). */
    private static Set<TicketStatus> statusesNamedIn(@Nullable String detail) {
        Set<TicketStatus> named = EnumSet.noneOf(TicketStatus.class);
        STATUS_WORDS.forEach((status, word) -> {
            if (detail != null && word.matcher(detail).find()) {
                named.add(status);
            }
        });
        return named;
    }

    /** The ticket as staff read it. */
    private Map<String, Object> ticket(String number) {
        MvcTestResult result = desk.get(desk.aliceToken, number);
        assertThat(result).hasStatusOk();
        return read(result, "$");
    }

    /** The whole timeline as staff read it (internal entries too), oldest first. */
    private List<Map<String, Object>> entries(String number) {
        MvcTestResult result = desk.timeline(desk.aliceToken, number);
        assertThat(result).hasStatusOk();
        List<Map<String, Object>> items = read(result, "$.items");
        assertThat(items).as("timeline of %s fits one page", number).hasSizeLessThan(200);
        return items;
    }

    private long lastEntryId(String number) {
        return entries(number).stream().mapToLong(e -> ((Number) e.get("id")).longValue()).max().orElse(0);
    }

    private List<Map<String, Object>> entriesAfter(String number, long id) {
        return entries(number).stream().filter(e -> ((Number) e.get("id")).longValue() > id).toList();
    }

    private static long version(Map<String, Object> ticket) {
        return ((Number) ticket.get("version")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object ownerName(Map<String, Object> ticket) {
        Map<String, Object> owner = (Map<String, Object>) ticket.get("owner");
        return owner == null ? null : owner.get("name");
    }

    /** The value at {@code path} of a JSON answer, or null when it has none. */
    private static @Nullable Object field(MvcTestResult result, String path) {
        try {
            return read(result, path);
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            return null;
        }
    }

    private static <T> T at(Map<String, Object> json, String path) {
        return com.jayway.jsonpath.JsonPath.read(json, path);
    }
}
