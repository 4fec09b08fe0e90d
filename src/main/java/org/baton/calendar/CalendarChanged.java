package org.baton.calendar;

/**
 * A calendar was created, changed or deleted; due instants measured on it may have moved. Published inside the
 * transaction of the change (a listener after commit sees the new state through {@link BusinessCalendars}).
 */
public record CalendarChanged(CalendarId calendarId) {}
