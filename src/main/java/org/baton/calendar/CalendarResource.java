package org.baton.calendar;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baton.calendar.CalendarInput.ClosedDayInput;
import org.baton.calendar.CalendarInput.IntervalInput;
import org.jspecify.annotations.Nullable;

/** A calendar as the API shows it. */
@Schema(name = "Calendar", description = "A business calendar: opening hours in a time zone, holidays and closed days, or 24×7.")
record CalendarResource(
        UUID id,
        @Schema(example = "Office hours (Berlin)") String name,
        @Schema(example = "Europe/Berlin") String timeZone,
        boolean twentyFourSeven,
        @Schema(example = "DE") @Nullable String holidayCountry,
        @Schema(example = "by") @Nullable String holidaySubdivision,
        @Schema(description = "Opening intervals per weekday in local time; an end at or before the start ends the next day.",
                example = "{\"MONDAY\": [{\"start\": \"08:00\", \"end\": \"12:00\"}, {\"start\": \"13:00\", \"end\": \"17:00\"}]}")
                Map<String, List<IntervalInput>> weeklyHours,
        List<ClosedDayInput> closedDays,
        @Schema(description = "The built-in 24×7 calendar: always open, cannot be deleted.") boolean builtIn,
        Instant createdAt,
        @Schema(description = "Also sent as the ETag; send it back in If-Match to change the calendar.", example = "0") long version) {

    static CalendarResource of(BusinessCalendar calendar) {
        CalendarInput input = CalendarInput.of(calendar.definition());
        return new CalendarResource(calendar.id().value(), calendar.name(), calendar.definition().zone().getId(),
                calendar.definition().twentyFourSeven(), input.holidayCountry(), input.holidaySubdivision(),
                input.weeklyHours() == null ? Map.of() : input.weeklyHours(), input.closedDays() == null ? List.of() : input.closedDays(),
                calendar.builtIn(), calendar.createdAt(), calendar.version());
    }
}
