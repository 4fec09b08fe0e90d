package org.baton.ticket;

import java.time.Clock;
import java.util.List;
import org.baton.identity.CurrentUser;
import org.baton.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Finds tickets as a user sees them and turns them into API resources. */
@Component
class TicketViews {

    private final Tickets tickets;
    private final Clock clock;

    TicketViews(Tickets tickets, Clock clock) {
        this.tickets = tickets;
        this.clock = clock;
    }

    /** The number in a path; text that is not a ticket number names no ticket (404). */
    static TicketNumber number(String raw) {
        return TicketNumber.parse(raw).orElseThrow(() -> new NotFound("ticket", raw));
    }

    Ticket visible(CurrentUser user, String number) {
        return tickets.visible(number(number), user).orElseThrow(() -> new NotFound("ticket", number));
    }

    TicketResource resource(Ticket ticket) {
        TicketNumber mergedInto = null;
        if (ticket.mergedIntoId() != null) {
            mergedInto = tickets.numbers(List.of(ticket.mergedIntoId())).get(ticket.mergedIntoId());
        }
        return TicketResource.of(ticket, clock.instant(), mergedInto);
    }

    static @Nullable Long optionalVersion(@Nullable String ifMatch) {
        return ifMatch == null ? null : org.baton.api.IfMatch.version(ifMatch);
    }
}
