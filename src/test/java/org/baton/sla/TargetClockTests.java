package org.baton.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.baton.calendar.BusinessTime;
import org.baton.calendar.CalendarId;
import org.baton.ticket.TicketId;
import org.junit.jupiter.api.Test;

/**
 * The clock arithmetic on a plain calendar open 09:00–17:00 UTC every day (so the numbers can be checked by
 * hand): due instants, pauses, warnings, breaches, retargeting from the original start, reopening.
 */
class TargetClockTests {

    /** Open 09:00–17:00 UTC every day: enough to show that business time, not wall time, is counted. */
    static final BusinessTime NINE_TO_FIVE = new BusinessTime() {
        @Override
        public CalendarId calendarId() {
            return new CalendarId(new UUID(0, 1));
        }

        @Override
        public ZoneId zone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Instant addTo(Instant start, Duration amount) {
            Instant at = start;
            Duration left = amount;
            while (true) {
                Instant open = day(at).plusSeconds(9 * 3600);
                Instant close = day(at).plusSeconds(17 * 3600);
                if (at.isBefore(open)) {
                    at = open;
                }
                if (!at.isBefore(close)) {
                    at = day(at).plusSeconds(86_400 + 9 * 3600);
                    continue;
                }
                Duration today = Duration.between(at, close);
                if (left.compareTo(today) <= 0) {
                    return at.plus(left);
                }
                left = left.minus(today);
                at = day(at).plusSeconds(86_400 + 9 * 3600);
            }
        }

        @Override
        public Duration between(Instant from, Instant to) {
            Duration total = Duration.ZERO;
            for (Instant day = day(from); day.isBefore(to); day = day.plusSeconds(86_400)) {
                Instant open = max(day.plusSeconds(9 * 3600), from);
                Instant close = min(day.plusSeconds(17 * 3600), to);
                if (close.isAfter(open)) {
                    total = total.plus(Duration.between(open, close));
                }
            }
            return total;
        }

        @Override
        public boolean isOpen(Instant instant) {
            long second = instant.getEpochSecond() % 86_400;
            return second >= 9 * 3600 && second < 17 * 3600;
        }

        private static Instant day(Instant at) {
            return Instant.ofEpochSecond(at.getEpochSecond() - Math.floorMod(at.getEpochSecond(), 86_400));
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }

        private static Instant min(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }
    };

    static final List<Integer> WARNINGS = List.of(75, 90);

    static Instant at(String text) {
        return Instant.parse(text);
    }

    static TargetClock started(String at, Duration amount) {
        return TargetClock.start(new TicketId(UUID.randomUUID()), ServiceTarget.RESOLUTION, 1, null, null,
                NINE_TO_FIVE.calendarId(), amount, null, at(at)).scheduled(NINE_TO_FIVE, WARNINGS);
    }

    @Test
    void isDueWhenTheBusinessTimeRunsOutAndWarnsAtThreeQuartersFirst() {
        TargetClock clock = started("2026-12-01T09:00:00Z", Duration.ofHours(8));
        assertThat(clock.dueAt()).isEqualTo(at("2026-12-01T17:00:00Z"));
        assertThat(clock.nextFireAt()).isEqualTo(at("2026-12-01T15:00:00Z"));
        assertThat(clock.nextFirePercent()).isEqualTo(75);
    }

    @Test
    void countsOnlyOpeningHours() {
        TargetClock clock = started("2026-12-01T16:00:00Z", Duration.ofHours(4));
        // 1 h on the first day (16–17), 3 h the next (09–12)
        assertThat(clock.dueAt()).isEqualTo(at("2026-12-02T12:00:00Z"));
        // 75 % = 3 h: 1 h on day one, 2 h on day two
        assertThat(clock.nextFireAt()).isEqualTo(at("2026-12-02T11:00:00Z"));
    }

    @Test
    void aPauseMovesTheDueInstantByTheBusinessTimePaused() {
        TargetClock clock = started("2026-12-01T09:00:00Z", Duration.ofHours(8));
        TargetClock paused = clock.pause(at("2026-12-01T10:00:00Z")).scheduled(NINE_TO_FIVE, WARNINGS);
        assertThat(paused.dueAt()).isNull();
        assertThat(paused.nextFireAt()).isNull();
        // paused 10:00 → next day 10:00: 7 business hours paused; 7 hours still to go from 10:00 on day two
        TargetClock resumed = paused.resume(at("2026-12-02T10:00:00Z")).scheduled(NINE_TO_FIVE, WARNINGS);
        assertThat(resumed.dueAt()).isEqualTo(at("2026-12-02T17:00:00Z"));
        assertThat(resumed.used(NINE_TO_FIVE, at("2026-12-02T12:00:00Z"))).isEqualTo(Duration.ofHours(3));
        assertThat(resumed.remaining(NINE_TO_FIVE, at("2026-12-02T12:00:00Z"))).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void firesTheHighestThresholdPassedAndThenTheBreach() {
        TargetClock clock = started("2026-12-01T09:00:00Z", Duration.ofHours(8));
        assertThat(clock.thresholdPassed(NINE_TO_FIVE, WARNINGS, at("2026-12-01T14:59:59Z"))).isZero();
        assertThat(clock.thresholdPassed(NINE_TO_FIVE, WARNINGS, at("2026-12-01T15:00:00Z"))).isEqualTo(75);
        // 90 % is 16:12; at 16:30 both warnings have passed: only 90 is due to fire
        assertThat(clock.thresholdPassed(NINE_TO_FIVE, WARNINGS, at("2026-12-01T16:30:00Z"))).isEqualTo(90);
        TargetClock warned = clock.fired(90, clock.dueAt()).scheduled(NINE_TO_FIVE, WARNINGS);
        assertThat(warned.nextFirePercent()).isEqualTo(100);
        assertThat(warned.nextFireAt()).isEqualTo(at("2026-12-01T17:00:00Z"));
        assertThat(warned.thresholdPassed(NINE_TO_FIVE, WARNINGS, at("2026-12-01T17:00:00Z"))).isEqualTo(100);
        TargetClock breached = warned.fired(100, warned.dueAt()).scheduled(NINE_TO_FIVE, WARNINGS);
        assertThat(breached.breachedAt()).isEqualTo(at("2026-12-01T17:00:00Z"));
        assertThat(breached.nextFireAt()).as("nothing more to fire").isNull();
        assertThat(breached.outcome()).isEqualTo("BREACHED");
    }

    @Test
    void aShorterTargetIsMeasuredFromTheOriginalStartAndMayAlreadyBeBreached() {
        TargetClock clock = started("2026-12-01T09:00:00Z", Duration.ofHours(8));
        TargetClock shorter = clock.retarget(Duration.ofHours(2), NINE_TO_FIVE.calendarId()).scheduled(NINE_TO_FIVE, WARNINGS);
        assertThat(shorter.dueAt()).isEqualTo(at("2026-12-01T11:00:00Z"));
        assertThat(shorter.thresholdPassed(NINE_TO_FIVE, WARNINGS, at("2026-12-01T12:00:00Z"))).isEqualTo(100);
        TargetClock longer = clock.retarget(Duration.ofHours(16), NINE_TO_FIVE.calendarId()).scheduled(NINE_TO_FIVE, WARNINGS);
        assertThat(longer.dueAt()).isEqualTo(at("2026-12-02T17:00:00Z"));
    }

    @Test
    void aRetargetAfterPausesReplaysTheRunningSegments() {
        TargetClock clock = started("2026-12-01T09:00:00Z", Duration.ofHours(8))
                .pause(at("2026-12-01T11:00:00Z")).resume(at("2026-12-01T15:00:00Z"));
        // ran 09–11 (2 h), paused, runs again from 15:00: a 3 h target is reached at 16:00
        TargetClock retargeted = clock.retarget(Duration.ofHours(3), NINE_TO_FIVE.calendarId()).scheduled(NINE_TO_FIVE, WARNINGS);
        assertThat(retargeted.dueAt()).isEqualTo(at("2026-12-01T16:00:00Z"));
        // a 1 h target was reached inside the first segment, at 10:00
        TargetClock tiny = clock.retarget(Duration.ofHours(1), NINE_TO_FIVE.calendarId()).scheduled(NINE_TO_FIVE, WARNINGS);
        assertThat(tiny.dueAt()).isEqualTo(at("2026-12-01T10:00:00Z"));
    }

    @Test
    void metInTimeIsMetAndMetLateIsBreachedAtTheDueInstant() {
        TargetClock clock = started("2026-12-01T09:00:00Z", Duration.ofHours(2));
        TargetClock inTime = clock.stop(at("2026-12-01T10:30:00Z"), true, "RESPONDED", NINE_TO_FIVE);
        assertThat(inTime.outcome()).isEqualTo("MET");
        assertThat(inTime.breachedAt()).isNull();
        TargetClock late = clock.stop(at("2026-12-01T12:00:00Z"), true, "RESPONDED", NINE_TO_FIVE);
        assertThat(late.outcome()).isEqualTo("BREACHED");
        assertThat(late.breachedAt()).isEqualTo(at("2026-12-01T11:00:00Z"));
        assertThat(late.metAt()).isEqualTo(at("2026-12-01T12:00:00Z"));
        TargetClock cancelled = clock.stop(at("2026-12-01T10:00:00Z"), false, "CANCELLED", NINE_TO_FIVE);
        assertThat(cancelled.outcome()).isEqualTo("CANCELLED");
    }

    @Test
    void aReopenedClockDoesNotCountTheTimeItWasResolved() {
        TargetClock clock = started("2026-12-01T09:00:00Z", Duration.ofHours(8));
        TargetClock resolved = clock.stop(at("2026-12-01T12:00:00Z"), true, "RESOLVED", NINE_TO_FIVE);
        TargetClock reopened = resolved.restart(at("2026-12-02T09:00:00Z")).scheduled(NINE_TO_FIVE, WARNINGS);
        assertThat(reopened.running()).isTrue();
        assertThat(reopened.metAt()).isNull();
        // 3 h used before resolving; 5 h left from 09:00 on day two
        assertThat(reopened.dueAt()).isEqualTo(at("2026-12-02T14:00:00Z"));
    }

    @Test
    void aPromiseSoonerThanTheCadenceIsTheDueInstantAndAPromisePassedDuringAPauseLapses() {
        TargetClock clock = TargetClock.start(new TicketId(UUID.randomUUID()), ServiceTarget.NEXT_UPDATE, 2, null, null,
                NINE_TO_FIVE.calendarId(), Duration.ofHours(4), at("2026-12-01T10:00:00Z"), at("2026-12-01T09:00:00Z"))
                .scheduled(NINE_TO_FIVE, WARNINGS);
        assertThat(clock.dueAt()).isEqualTo(at("2026-12-01T10:00:00Z"));
        assertThat(clock.nextFirePercent()).as("the cadence's warnings fall after the promise").isEqualTo(100);
        TargetClock resumed = clock.pause(at("2026-12-01T09:30:00Z")).resume(at("2026-12-01T11:00:00Z")).scheduled(NINE_TO_FIVE, WARNINGS);
        assertThat(resumed.promisedAt()).isNull();
        // 30 min used; 3 h 30 min of cadence left from 11:00
        assertThat(resumed.dueAt()).isEqualTo(at("2026-12-01T14:30:00Z"));
    }

    @Test
    void refusesATargetOfNoTime() {
        assertThatThrownBy(() -> started("2026-12-01T09:00:00Z", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
