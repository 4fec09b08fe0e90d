package org.baton.ticket;

import java.util.Optional;
import org.baton.identity.CurrentUser;
import org.springframework.stereotype.Component;

@Component
class JdbcTicketQueries implements TicketQueries {

    private final Tickets tickets;

    JdbcTicketQueries(Tickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public Optional<Ticket> find(TicketNumber number) {
        return tickets.byNumber(number);
    }

    @Override
    public Optional<Ticket> find(TicketId id) {
        return tickets.byId(id);
    }

    @Override
    public Optional<Ticket> visible(TicketNumber number, CurrentUser viewer) {
        return tickets.visible(number, viewer);
    }
}
