package org.baton.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessTimeBetweenTests {

    @ParameterizedTest(name = "{0}: {1} to {2} is {3} ({4})")
    @CsvSource(delimiter = '|', textBlock = """
            office-berlin|2026-12-01T08:00+01:00|2026-12-01T18:00+01:00|PT8H|a whole Tuesday: only 09-17 counts
            office-berlin|2026-12-04T16:00+01:00|2026-12-07T10:00+01:00|PT2H|Fri 16-17 and Mon 09-10; the weekend is closed
            office-berlin|2026-12-07T10:00+01:00|2026-12-04T16:00+01:00|PT0S|to before from is zero
            office-berlin|2026-12-05T08:00+01:00|2026-12-06T20:00+01:00|PT0S|a weekend holds no business time
            office-berlin|2026-11-02T00:00+01:00|2026-12-05T00:00+01:00|PT200H|five whole weeks of 40 h, none with a Bavarian holiday
            office-berlin|2026-12-01T16:59:30+01:00|2026-12-02T09:00:15+01:00|PT45S|30 s before closing and 15 s after opening
            lunch-berlin|2026-12-01T00:00+01:00|2026-12-08T00:00+01:00|PT40H|a week of 5 days of 4 h + 4 h
            lunch-berlin|2026-06-01T00:00+02:00|2026-06-08T00:00+02:00|PT32H|the week of Corpus Christi (Thu 06-04) has four working days
            night-berlin|2026-03-28T21:00+01:00|2026-03-29T07:00+02:00|PT7H|the spring-forward night 22:00 CET-06:00 CEST is 7 h
            night-berlin|2026-10-24T21:00+02:00|2026-10-25T07:00+01:00|PT9H|the fall-back night 22:00 CEST-06:00 CET is 9 h
            night-london|2026-12-24T00:00+00:00|2027-01-01T00:00+00:00|PT32H|6 h of Wed 23rd's shift, Thu 24th's 8 h (into Christmas), no shifts starting 25th or 28th (holidays), Tue-Wed 8 h each, Thu 31st 22-24 is 2 h
            office-ny|2026-06-29T00:00-04:00|2026-07-06T00:00-04:00|PT32H|Mon-Thu; Independence Day is observed on Fri 07-03
            24x7|2026-01-01T00:00Z|2026-01-02T00:00Z|PT24H|24x7 is wall-clock time
            """)
    void businessTimeBetweenTwoInstantsIsAsWorkedOutByHand(String calendar, OffsetDateTime from, OffsetDateTime to, Duration expected,
            String why) {
        assertThat(SampleCalendars.time(calendar).between(from.toInstant(), to.toInstant())).as(why).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at {1}: open = {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            office-berlin|2026-12-01T09:00+01:00|true|an interval includes its start
            office-berlin|2026-12-01T17:00+01:00|false|an interval excludes its end
            office-berlin|2026-06-04T10:00+02:00|false|Corpus Christi in Bavaria
            night-london|2026-12-12T05:59:59+00:00|true|Friday's shift runs into Saturday morning
            night-london|2026-12-25T03:00+00:00|true|the shift that started on Christmas Eve is untouched by the holiday
            night-london|2026-12-29T03:00+00:00|false|the shift that would have started on Boxing Day (observed Mon 28th) is closed after midnight too
            night-berlin|2026-10-25T02:30+01:00|true|the second 02:30 of the fall-back night
            24x7|2026-12-25T03:00Z|true|always open
            """)
    void tellsWhetherTheCalendarIsOpen(String calendar, OffsetDateTime at, boolean open, String why) {
        assertThat(SampleCalendars.time(calendar).isOpen(at.toInstant())).as(why).isEqualTo(open);
    }

    @Test
    void betweenAStartAndItsDueInstantIsTheAmountForRandomStartsAndAmounts() {
        Random random = new Random(20261201);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (String name : List.of("office-berlin", "lunch-berlin", "night-london", "night-berlin", "night-ny", "office-ny",
                "early-sunday-berlin", "gap-sunday-berlin", "closed-days-berlin", "24x7")) {
            CalendarTime calendar = SampleCalendars.time(name);
            for (int i = 0; i < 300; i++) {
                Instant start = base.plusSeconds(random.nextLong(2 * 365 * 86_400L));
                Duration amount = Duration.ofSeconds(random.nextInt(6) == 0 ? 0 : random.nextLong(400 * 3600L));
                Instant due = calendar.addTo(start, amount);

                assertThat(calendar.between(start, due)).as("%s from %s + %s = %s", name, start, amount, due).isEqualTo(amount);
                assertThat(due).isAfterOrEqualTo(start);
                if (!amount.isZero()) {
                    assertThat(calendar.isOpen(due.minusNanos(1))).as("%s is open just before %s", name, due).isTrue();
                }
            }
        }
    }

    @Test
    void openPeriodsJoinANightShiftWithTheEarlyShiftThatFollowsIt() {
        CalendarTime calendar = CalendarTime.of(CalendarId.random(), SampleCalendars.calendar("Europe/London")
                .weekdays("22:00-06:00", "06:00-10:00").build("joined"), PublicHolidays.SHARED);

        List<OpenPeriod> periods = calendar.openPeriods(Instant.parse("2026-12-07T12:00:00Z"), 2);

        assertThat(periods).containsExactly(
                new OpenPeriod(Instant.parse("2026-12-07T22:00:00Z"), Instant.parse("2026-12-08T10:00:00Z")),
                new OpenPeriod(Instant.parse("2026-12-08T22:00:00Z"), Instant.parse("2026-12-09T10:00:00Z")));
    }
}
