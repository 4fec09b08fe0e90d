package org.baton.sla;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.ticket.PendingReason;
import org.baton.ticket.Priority;
import org.baton.ticket.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The policy form: the scope, calendar, warnings and pauses, and a grid of targets (for an SLA a row per ticket
 * type and priority with a cell per target; for an OLA a row per priority). A cell holds business time as people
 * write it ({@code 30m}, {@code 4h}, {@code 8h 30m}) or ISO-8601 ({@code PT4H}); an empty cell is no target.
 */
record PolicyForm(String kind, String name, String scope, String calendarId, String warnings, List<String> pauseOn,
        Map<String, String> cells, long version) {

    static final List<TicketType> SLA_TYPES = List.of(TicketType.INCIDENT, TicketType.SERVICE_REQUEST, TicketType.PROBLEM);
    static final List<Priority> PRIORITIES = List.of(Priority.P1, Priority.P2, Priority.P3, Priority.P4);
    static final List<ServiceTarget> SLA_TARGETS = List.of(ServiceTarget.FIRST_RESPONSE, ServiceTarget.NEXT_UPDATE, ServiceTarget.RESOLUTION);
    static final List<ServiceTarget> OLA_TARGETS = List.of(ServiceTarget.ACCEPT, ServiceTarget.COMPLETE);
    private static final Pattern HUMAN = Pattern.compile("\\s*(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m(?:in)?)?\\s*(?:(\\d+)\\s*s)?\\s*",
            Pattern.CASE_INSENSITIVE);

    /** The grid cell of a target: {@code INCIDENT-P1-FIRST_RESPONSE}, or {@code ANY-P1-ACCEPT} for an OLA. */
    static String cell(@Nullable TicketType type, Priority priority, ServiceTarget target) {
        return (type == null ? "ANY" : type.name()) + "-" + priority.name() + "-" + target.name();
    }

    static PolicyForm blank(String kind, String defaultCalendar) {
        return new PolicyForm(kind, "", "", defaultCalendar, "75, 90", List.of(PendingReason.CUSTOMER.name()), Map.of(), 0);
    }

    static PolicyForm of(ServiceLevelPolicy p) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (PolicyTarget t : p.targets()) {
            cells.put(cell(t.ticketType(), t.priority(), t.target()), human(t.duration()));
        }
        String scope = p.kind() == PolicyKind.OLA ? String.valueOf(p.supportGroupId())
                : (p.organizationId() == null ? "DEFAULT" : p.organizationId().toString());
        return new PolicyForm(p.kind().name(), p.name(), scope, p.calendarId().toString(),
                String.join(", ", p.warningPercents().stream().map(String::valueOf).toList()),
                p.pauseOn().stream().map(Enum::name).toList(), cells, p.version());
    }

    static PolicyForm from(MultiValueMap<String, String> params) {
        Map<String, String> cells = new LinkedHashMap<>();
        params.forEach((key, values) -> {
            if (key.startsWith("t_") && !values.isEmpty() && values.getFirst() != null && !values.getFirst().isBlank()) {
                cells.put(key.substring(2), values.getFirst().strip());
            }
        });
        long version;
        try {
            version = Long.parseLong(params.getFirst("version") == null ? "0" : params.getFirst("version"));
        } catch (NumberFormatException e) {
            version = -1;
        }
        return new PolicyForm(value(params, "kind").toUpperCase(Locale.ROOT), value(params, "name"), value(params, "scope"),
                value(params, "calendarId"), value(params, "warnings"), params.getOrDefault("pauseOn", List.of()), cells, version);
    }

    private static String value(MultiValueMap<String, String> params, String key) {
        String v = params.getFirst(key);
        return v == null ? "" : v.strip();
    }

    public boolean ola() {
        return "OLA".equals(kind);
    }

    /** The cell keys in the order the targets are sent, so a problem with {@code targets[i]} lands in its cell. */
    List<String> orderedCells() {
        List<String> order = new ArrayList<>();
        for (var e : cells.entrySet()) {
            order.add(e.getKey());
        }
        return order;
    }

    /** The input the policy rules check, and for each {@code targets[i]} the cell it came from. */
    PolicyAdministration.PolicyInput input(List<String> cellOrder, Map<String, String> formErrors) {
        List<PolicyAdministration.TargetInput> targets = new ArrayList<>();
        for (String key : cellOrder) {
            String[] parts = key.split("-", 3);
            String duration = iso(cells.get(key));
            if (duration == null) {
                formErrors.put("t_" + key, "is not a duration: write e.g. 30m, 4h, 8h 30m or PT4H");
                duration = "invalid";
            }
            targets.add(new PolicyAdministration.TargetInput(parts.length < 3 || parts[0].equals("ANY") ? null : parts[0],
                    parts.length < 3 ? null : parts[1], parts.length < 3 ? null : parts[2], duration, null));
        }
        List<Integer> percents = new ArrayList<>();
        if (!warnings.isBlank()) {
            for (String w : warnings.split("[,;\\s]+")) {
                try {
                    percents.add(Integer.parseInt(w.replace("%", "").strip()));
                } catch (NumberFormatException e) {
                    formErrors.put("warnings", "must be percentages separated by commas, e.g. 75, 90");
                }
            }
        }
        boolean isDefault = !ola() && "DEFAULT".equals(scope);
        return new PolicyAdministration.PolicyInput(kind, name, ola() || isDefault || scope.isBlank() ? null : scope, isDefault,
                ola() && !scope.isBlank() ? scope : null, calendarId, percents, pauseOn, targets);
    }

    /** "4h 30m" → PT4H30M; ISO-8601 passes through; null when it is neither. */
    static @Nullable String iso(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.toUpperCase(Locale.ROOT).startsWith("P") || t.startsWith("-")) {
            return t.toUpperCase(Locale.ROOT);
        }
        Matcher m = HUMAN.matcher(t);
        if (t.isEmpty() || !m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
            return null;
        }
        Duration d = Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                .plusSeconds(m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
        return d.toString();
    }

    /** PT8H30M → "8h 30m". */
    static String human(Duration d) {
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append("h ");
        }
        if (m > 0) {
            out.append(m).append("m ");
        }
        if (s > 0) {
            out.append(s).append("s");
        }
        return out.toString().strip();
    }
}
