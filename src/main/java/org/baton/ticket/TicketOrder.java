package org.baton.ticket;

import org.baton.api.BadParameter;
import org.jspecify.annotations.Nullable;

/** The orders a ticket list comes in. */
enum TicketOrder {
    /** Newest change first ({@code sort=-updatedAt}, the default). */
    UPDATED_DESC,
    /** Nearest service-level due instant first ({@code sort=slaDue}): only tickets with a running target. */
    SLA_DUE,
    /**
     * Earliest promised next update first ({@code sort=nextUpdateDue}), the longest overdue at the top: only open tickets
     * with a promised update. With {@code nextUpdateOverdue=true}, the late ones in the order to catch up on them.
     */
    NEXT_UPDATE_DUE;

    static TicketOrder parse(@Nullable String sort) {
        if (sort == null || sort.isBlank() || sort.strip().equals("-updatedAt")) {
            return UPDATED_DESC;
        }
        if (sort.strip().equals("slaDue")) {
            return SLA_DUE;
        }
        if (sort.strip().equals("nextUpdateDue")) {
            return NEXT_UPDATE_DUE;
        }
        throw new BadParameter("sort", "must be -updatedAt, slaDue or nextUpdateDue");
    }
}
