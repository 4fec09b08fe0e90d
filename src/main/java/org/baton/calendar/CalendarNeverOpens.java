package org.baton.calendar;

/** A calendar had no open time at all for ten years after a start, so nothing measured on it can ever fall due. */
class CalendarNeverOpens extends IllegalStateException {

    CalendarNeverOpens(String calendar, Object start) {
        super("Calendar '" + calendar + "' is not open at any time in the " + CalendarTime.HORIZON_DAYS / 365
                + " years after " + start + "; check its opening hours and closed days.");
    }
}
