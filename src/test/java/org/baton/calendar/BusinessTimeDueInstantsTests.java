package org.baton.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** The hand-worked table of due instants (calendar/due-instants.csv): each row says why its answer is right. */
class BusinessTimeDueInstantsTests {

    private static final Map<String, CalendarTime> CALENDARS = new ConcurrentHashMap<>();

    private static CalendarTime calendar(String name) {
        return CALENDARS.computeIfAbsent(name, SampleCalendars::time);
    }

    @ParameterizedTest(name = "{0}: {1} + {2} = {3} ({4})")
    @CsvFileSource(resources = "/calendar/due-instants.csv", delimiter = '|')
    void dueInstantIsAsWorkedOutByHand(String calendar, OffsetDateTime start, Duration amount, OffsetDateTime due, String why) {
        Instant actual = calendar(calendar).addTo(start.toInstant(), amount);

        assertThat(actual).as(why).isEqualTo(due.toInstant());
    }

    @ParameterizedTest(name = "{0}: between {1} and its due instant is {2}")
    @CsvFileSource(resources = "/calendar/due-instants.csv", delimiter = '|')
    void businessTimeFromStartToTheDueInstantIsTheAmount(String calendar, OffsetDateTime start, Duration amount, OffsetDateTime due,
            String why) {
        assertThat(calendar(calendar).between(start.toInstant(), due.toInstant())).as(why).isEqualTo(amount);
    }

    @Test
    void aNegativeAmountIsRefused() {
        for (String name : new String[] {"office-berlin", "24x7"}) {
            assertThatThrownBy(() -> calendar(name).addTo(Instant.parse("2026-12-01T09:00:00Z"), Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative");
        }
    }

    @Test
    void aCalendarClosedForTenYearsFailsInsteadOfLooping() {
        var builder = SampleCalendars.calendar("Europe/Berlin").on(java.util.EnumSet.of(java.time.DayOfWeek.MONDAY), "09:00-17:00");
        for (var monday = java.time.LocalDate.parse("2026-11-30"); monday.getYear() < 2038; monday = monday.plusWeeks(1)) {
            builder.closed(monday.toString(), "closed");
        }
        CalendarTime closed = CalendarTime.of(CalendarId.random(), builder.build("never open"), PublicHolidays.SHARED);

        assertThatThrownBy(() -> closed.addTo(Instant.parse("2026-11-29T12:00:00Z"), Duration.ofHours(1)))
                .isInstanceOf(CalendarNeverOpens.class)
                .hasMessageContaining("never open")
                .hasMessageContaining("10 years");
    }
}
