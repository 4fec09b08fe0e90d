package org.baton.ticket;

import java.time.LocalDate;

/** How often a schedule creates an operational task: every n days, weeks or months. */
public enum Cadence {
    DAILY, WEEKLY, MONTHLY;

    /** The first day of the period after the one starting on {@code period}. */
    LocalDate next(LocalDate period, int every) {
        return switch (this) {
            case DAILY -> period.plusDays(every);
            case WEEKLY -> period.plusWeeks(every);
            case MONTHLY -> period.plusMonths(every);
        };
    }
}
