package org.baton.calendar;

import java.time.LocalDate;

/** A date on which a calendar is closed besides its public holidays (a company holiday, a shutdown). */
record ClosedDay(LocalDate date, String name) {}
