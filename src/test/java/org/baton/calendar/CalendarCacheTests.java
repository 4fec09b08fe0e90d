package org.baton.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.baton.MovableClock;
import org.junit.jupiter.api.Test;

/** The per-node memory of built calendars: five seconds by the injected clock, forgotten at once on a local change. */
class CalendarCacheTests {

    private final CalendarId id = CalendarId.random();
    private final Calendars calendars = mock(Calendars.class);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final JdbcBusinessCalendars businessCalendars = new JdbcBusinessCalendars(calendars, clock);

    private void stored(String name) {
        when(calendars.byId(id)).thenReturn(Optional.of(new BusinessCalendar(id,
                SampleCalendars.named("office-berlin").named(name), Instant.EPOCH, 0)));
    }

    @Test
    void aCalendarIsReadOnceWithinFiveSecondsAndAgainAfterThem() {
        stored("Before");
        assertThat(businessCalendars.name(id)).contains("Before");
        stored("Changed on another node");

        clock.advance(Duration.ofMillis(4_999));
        assertThat(businessCalendars.name(id)).contains("Before");
        clock.advance(Duration.ofMillis(1));
        assertThat(businessCalendars.name(id)).contains("Changed on another node");
        verify(calendars, times(2)).byId(id);
    }

    @Test
    void aChangeOnThisNodeIsSeenAtOnce() {
        stored("Before");
        assertThat(businessCalendars.businessTime(id)).isPresent();
        stored("After");

        businessCalendars.forget(id);

        assertThat(businessCalendars.name(id)).contains("After");
    }

    @Test
    void anUnknownCalendarIsEmptyAndIsLookedUpAgainAfterFiveSeconds() {
        when(calendars.byId(id)).thenReturn(Optional.empty());
        assertThat(businessCalendars.businessTime(id)).isEmpty();
        stored("Created elsewhere");
        clock.advance(Duration.ofSeconds(5));

        assertThat(businessCalendars.name(id)).contains("Created elsewhere");
    }
}
