package org.baton.calendar;

import java.util.UUID;
import org.baton.identity.CurrentUser;
import org.baton.shared.NotFound;
import org.springframework.security.access.AccessDeniedException;

/** Who may do what with calendars: staff read them and preview due instants, administrators change them. */
final class CalendarAccess {

    private CalendarAccess() {}

    static void requireStaff(CurrentUser user) {
        if (!user.isStaff()) {
            throw new AccessDeniedException("Only staff see business calendars.");
        }
    }

    static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only administrators change business calendars.");
        }
    }

    /** The id in a path; a segment that is not a UUID names nothing, so it is answered like an unknown id (404). */
    static CalendarId id(String raw) {
        try {
            if (raw.length() == 36) {
                return new CalendarId(UUID.fromString(raw));
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new NotFound("calendar", raw);
    }
}
