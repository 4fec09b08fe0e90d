package org.baton.sla;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.baton.ticket.Countdown;
import org.baton.ticket.TicketId;
import org.baton.ticket.TicketServiceLevels;
import org.springframework.stereotype.Component;

/** The ticket module's countdowns, from the clocks ({@link TicketServiceLevels}). */
@Component
class SlaCountdowns implements TicketServiceLevels {

    private final ServiceLevels levels;

    SlaCountdowns(ServiceLevels levels) {
        this.levels = levels;
    }

    @Override
    public List<Countdown> countdowns(TicketId ticket, Instant now) {
        return levels.of(ticket, now).stream()
                .sorted(Comparator.comparing((TargetStatus s) -> s.state().equals("STOPPED"))
                        .thenComparing(s -> s.dueAt() == null ? Instant.MAX : s.dueAt()))
                .map(s -> new Countdown(label(s), state(s), s.startedAt(), s.dueAt(), s.remaining(), s.businessTime(),
                        s.target().operational()))
                .toList();
    }

    private static String label(TargetStatus s) {
        String label = s.target().label();
        return s.target() == ServiceTarget.NEXT_UPDATE && s.cycle() > 1 ? label + " #" + s.cycle() : label;
    }

    private static String state(TargetStatus s) {
        return switch (s.outcome()) {
            case "PENDING" -> s.state();
            default -> s.outcome();
        };
    }
}
