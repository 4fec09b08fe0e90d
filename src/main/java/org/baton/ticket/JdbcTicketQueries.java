package org.baton.ticket;

import java.util.Optional;
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
}
