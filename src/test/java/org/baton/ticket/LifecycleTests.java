package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baton.ticket.PendingReason.APPROVAL;
import static org.baton.ticket.PendingReason.CUSTOMER;
import static org.baton.ticket.PendingReason.THIRD_PARTY;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ticket type's state machine against the table in {@code ticket/lifecycles.csv}, which was
 * written by hand from the specification: all 4 × 8 × 8 (type, from, to) combinations.
 */
class LifecycleTests {

    private static final ExpectedLifecycles EXPECTED = ExpectedLifecycles.load();

    static Stream<Arguments> everyCombination() {
        return Stream.of(TicketType.values()).flatMap(type -> Stream.of(TicketStatus.values())
                .flatMap(from -> Stream.of(TicketStatus.values())
                        .map(to -> Arguments.of(type, from, to, EXPECTED.allows(type, from, to) ? "allowed" : "refused"))));
    }

    @ParameterizedTest(name = "{0}: {1} → {2} is {3}")
    @MethodSource("everyCombination")
    void eachTypeAllowsExactlyTheMovesOfItsSpecification(TicketType type, TicketStatus from, TicketStatus to, String expected) {
        assertThat(Lifecycle.of(type).allows(from, to) ? "allowed" : "refused")
                .as("%s: %s → %s", type, from, to)
                .isEqualTo(expected);
    }

    static Stream<ExpectedLifecycles.Row> everyRow() {
        return EXPECTED.rows().stream();
    }

    /** What the ticket-types API offers a client, and what a refusal tells the user they can do instead. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRow")
    void theStatusesOfferedFromEachStatusAreTheAllowedOnes(ExpectedLifecycles.Row row) {
        assertThat(Lifecycle.of(row.type()).next(row.from()))
                .as("%s: the statuses offered from %s", row.type(), row.from())
                .containsExactlyInAnyOrderElementsOf(row.allowed());
    }

    static Stream<Arguments> pendingReasons() {
        return Stream.of(
                Arguments.of(TicketType.INCIDENT, EnumSet.of(CUSTOMER, THIRD_PARTY)),
                Arguments.of(TicketType.SERVICE_REQUEST, EnumSet.of(CUSTOMER, THIRD_PARTY, APPROVAL)),
                Arguments.of(TicketType.PROBLEM, EnumSet.of(THIRD_PARTY)),
                Arguments.of(TicketType.OPERATIONAL_TASK, EnumSet.of(THIRD_PARTY)));
    }

    @ParameterizedTest(name = "{0} waits for {1}")
    @MethodSource("pendingReasons")
    void eachTypeWaitsOnlyForItsOwnPendingReasons(TicketType type, Set<PendingReason> expected) {
        assertThat(Lifecycle.of(type).pendingReasons()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(TicketType.class)
    void closedAndCancelledAreFinal(TicketType type) {
        Lifecycle lifecycle = Lifecycle.of(type);
        for (TicketStatus end : EnumSet.of(TicketStatus.CLOSED, TicketStatus.CANCELLED)) {
            assertThat(lifecycle.next(end)).as("%s: offered after %s", type, end).isEmpty();
            for (TicketStatus to : TicketStatus.values()) {
                assertThat(lifecycle.allows(end, to)).as("%s: %s → %s", type, end, to).isFalse();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TicketType.class)
    void eachTypeHasItsOwnLifecycle(TicketType type) {
        assertThat(Lifecycle.of(type).type()).isEqualTo(type);
    }
}
