package org.baton.ticket;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reference data a client needs to offer only valid choices: each type's lifecycle, and the priority matrix. */
@RestController
@Tag(name = "Tickets")
class TicketTypesApiController {

    private final PriorityMatrix matrix;

    TicketTypesApiController(PriorityMatrix matrix) {
        this.matrix = matrix;
    }

    record TypeDescription(TicketType type, String prefix, String label, Map<TicketStatus, Set<TicketStatus>> transitions,
            Set<PendingReason> pendingReasons, List<String> resolutionCodes) {}

    @GetMapping("/api/v1/ticket-types")
    @Operation(summary = "The ticket types and their lifecycles",
            description = "For each type: which status may follow which, what a pending ticket may wait for, and the resolution codes.")
    List<TypeDescription> types() {
        return Arrays.stream(TicketType.values()).map(type -> {
            Lifecycle lifecycle = Lifecycle.of(type);
            Map<TicketStatus, Set<TicketStatus>> transitions = new LinkedHashMap<>();
            for (TicketStatus from : TicketStatus.values()) {
                transitions.put(from, lifecycle.next(from));
            }
            return new TypeDescription(type, type.prefix(), type.label(), transitions, lifecycle.pendingReasons(),
                    lifecycle.resolutionCodes());
        }).toList();
    }

    @GetMapping("/api/v1/priority-matrix")
    @Operation(summary = "The priority matrix: impact × urgency → priority",
            description = "Configured with baton.priority.matrix.<IMPACT>.<URGENCY>=P1..P4. Operational tasks are always PLANNED.")
    Map<Impact, Map<Urgency, Priority>> priorityMatrix() {
        Map<Impact, Map<Urgency, Priority>> grid = new LinkedHashMap<>();
        for (Impact impact : Impact.values()) {
            Map<Urgency, Priority> row = new LinkedHashMap<>();
            for (Urgency urgency : Urgency.values()) {
                row.put(urgency, matrix.of(impact, urgency));
            }
            grid.put(impact, row);
        }
        return grid;
    }
}
