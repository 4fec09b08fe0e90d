package org.baton.ticket;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes timeline entries as RFC 4180 CSV, one row per entry, with a header row. */
final class TimelineCsv {

    private static final String HEADER = "id,ticket,occurredAt,kind,visibility,actorId,actorName,body,details";

    private TimelineCsv() {}

    static String write(List<TimelineEntry> entries) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (TimelineEntry e : entries) {
            csv.append(e.id()).append(',')
                    .append(e.ticketNumber()).append(',')
                    .append(e.occurredAt()).append(',')
                    .append(e.kind()).append(',')
                    .append(e.visibility()).append(',')
                    .append(e.actorId() == null ? "" : e.actorId().value()).append(',')
                    .append(quote(e.actorName())).append(',')
                    .append(quote(e.body())).append(',')
                    .append(quote(e.details())).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * A field quoted when it must be, with embedded quotes doubled. A leading =, +, - or @ is prefixed with
     * an apostrophe so that a spreadsheet never runs a customer's text as a formula.
     */
    static String quote(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || !text.equals(value)) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
