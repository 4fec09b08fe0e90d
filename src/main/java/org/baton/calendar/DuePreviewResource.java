package org.baton.calendar;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The answer of a due-instant preview. */
@Schema(name = "DuePreview", description = "When an amount of business time from a start falls due on a calendar.")
record DuePreviewResource(
        @Schema(description = "The calendar; absent for a preview of an unsaved calendar.") @Nullable UUID calendarId,
        @Schema(example = "Office hours (Berlin)") String calendarName,
        @Schema(example = "Europe/Berlin") String timeZone,
        @Schema(example = "2026-12-01T08:00:00Z") Instant start,
        @Schema(example = "PT8H") String duration,
        @Schema(description = "The due instant, in UTC.", example = "2026-12-02T08:00:00Z") Instant dueAt,
        @Schema(description = "The due instant in the calendar's time zone.", example = "2026-12-02T09:00:00+01:00") String dueAtLocal,
        @Schema(description = "Business time between start and dueAt: the duration again, as a check.", example = "PT8H")
                String businessTimeBetween,
        @Schema(description = "Wall-clock time between start and dueAt.", example = "PT24H") String elapsed,
        @Schema(description = "Whether the calendar is open at the start.") boolean openAtStart,
        boolean alwaysOpen,
        @Schema(description = "The next open periods from the start (none listed for 24×7).") List<Period> nextOpenPeriods) {

    @Schema(name = "OpenPeriod")
    record Period(Instant start, Instant end) {}

    static DuePreviewResource of(DuePreview preview) {
        return new DuePreviewResource(preview.calendarId() == null ? null : preview.calendarId().value(), preview.calendarName(),
                preview.zone().getId(), preview.start(), preview.duration().toString(), preview.dueAt(),
                DuePreview.local(preview.dueAt(), preview.zone()).toString(), preview.businessTimeBetween().toString(),
                java.time.Duration.between(preview.start(), preview.dueAt()).toString(), preview.openAtStart(), preview.alwaysOpen(),
                preview.nextOpenPeriods().stream().map(p -> new Period(p.start(), p.end())).toList());
    }
}
