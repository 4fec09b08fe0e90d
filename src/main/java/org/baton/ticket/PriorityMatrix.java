package org.baton.ticket;

import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Impact × urgency → priority. The default is the usual ITIL grid (HIGH×HIGH is P1: a network down,
 * a security breach in progress); a desk overrides single cells with properties such as
 * {@code baton.priority.matrix.HIGH.MEDIUM=P1}. Operational tasks are not on the grid: they are
 * always {@link Priority#PLANNED}.
 */
@ConfigurationProperties("baton.priority")
public class PriorityMatrix {

    private final Map<Impact, Map<Urgency, Priority>> matrix = defaults();

    public Map<Impact, Map<Urgency, Priority>> getMatrix() {
        return matrix;
    }

    public Priority of(Impact impact, Urgency urgency) {
        Priority priority = matrix.getOrDefault(impact, Map.of()).get(urgency);
        return priority == null ? defaults().get(impact).get(urgency) : priority;
    }

    /** The priority of a ticket of {@code type}; impact and urgency are required for every type but operational tasks. */
    Priority of(TicketType type, @Nullable Impact impact, @Nullable Urgency urgency) {
        if (type == TicketType.OPERATIONAL_TASK) {
            return Priority.PLANNED;
        }
        return of(impact == null ? Impact.MEDIUM : impact, urgency == null ? Urgency.MEDIUM : urgency);
    }

    private static Map<Impact, Map<Urgency, Priority>> defaults() {
        Map<Impact, Map<Urgency, Priority>> grid = new EnumMap<>(Impact.class);
        grid.put(Impact.HIGH, row(Priority.P1, Priority.P2, Priority.P3));
        grid.put(Impact.MEDIUM, row(Priority.P2, Priority.P3, Priority.P4));
        grid.put(Impact.LOW, row(Priority.P3, Priority.P4, Priority.P4));
        return grid;
    }

    private static Map<Urgency, Priority> row(Priority high, Priority medium, Priority low) {
        Map<Urgency, Priority> row = new EnumMap<>(Urgency.class);
        row.put(Urgency.HIGH, high);
        row.put(Urgency.MEDIUM, medium);
        row.put(Urgency.LOW, low);
        return row;
    }
}
