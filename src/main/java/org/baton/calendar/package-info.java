/**
 * Business calendars: weekly opening hours (several intervals a day, overnight shifts), a time zone,
 * public holidays from jollyday and custom closed days, or 24×7. The arithmetic that service levels are
 * measured with lives here and is pure: given a start and an amount of business time, when is it due;
 * how much business time lies between two instants. Other modules use {@link org.baton.calendar.BusinessCalendars}
 * and {@link org.baton.calendar.BusinessTime}.
 */
@ApplicationModule(displayName = "Business calendars", allowedDependencies = {"shared", "api", "identity"})
@NullMarked
package org.baton.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
