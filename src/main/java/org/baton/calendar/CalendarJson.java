package org.baton.calendar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.calendar.CalendarInput.ClosedDayInput;
import org.baton.calendar.CalendarInput.IntervalInput;
import org.baton.shared.FieldProblem;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a calendar from a JSON body member by member, so that a value of the wrong type is reported by its
 * field ({@code weeklyHours.MONDAY[0].start: must be a string}) instead of failing the whole body, and applies
 * JSON Merge Patches (RFC 7396): members present replace, {@code null} removes, objects merge recursively (so
 * {@code {"weeklyHours": {"SATURDAY": [...]}}} changes Saturday only), arrays are replaced whole.
 */
final class CalendarJson {

    static final Set<String> READ_ONLY = Set.of("id", "builtIn", "createdAt", "version");

    private CalendarJson() {}

    /** The calendar in {@code node}; problems are added with {@code prefix} before each field name. */
    static CalendarInput read(@Nullable JsonNode node, String prefix, List<FieldProblem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new FieldProblem(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                    "must be a JSON object with the calendar's fields"));
            return new CalendarInput(null, null, null, null, null, null, null);
        }
        String name = null;
        String zone = null;
        Boolean always = null;
        String country = null;
        String subdivision = null;
        Map<String, List<IntervalInput>> week = null;
        List<ClosedDayInput> closed = null;
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            String field = member.getKey();
            JsonNode value = member.getValue();
            String at = prefix + field;
            switch (field) {
                case "name" -> name = text(at, value, problems);
                case "timeZone" -> zone = text(at, value, problems);
                case "twentyFourSeven" -> {
                    if (value.isBoolean()) {
                        always = value.booleanValue();
                    } else if (!value.isNull()) {
                        problems.add(new FieldProblem(at, "must be true or false"));
                    }
                }
                case "holidayCountry" -> country = text(at, value, problems);
                case "holidaySubdivision" -> subdivision = text(at, value, problems);
                case "weeklyHours" -> week = week(at, value, problems);
                case "closedDays" -> closed = closedDays(at, value, problems);
                default -> problems.add(new FieldProblem(at, READ_ONLY.contains(field) ? "is read-only" : "is not a field of a calendar"));
            }
        }
        return new CalendarInput(name, zone, always, country, subdivision, week, closed);
    }

    /** RFC 7396: the result of applying {@code patch} to {@code target} (which is not changed). */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target.isObject() ? ((ObjectNode) target).deepCopy() : ((ObjectNode) patch).objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                JsonNode existing = result.get(member.getKey());
                result.set(member.getKey(), merge(existing == null ? result.nullNode() : existing, member.getValue()));
            }
        }
        return result;
    }

    private static @Nullable String text(String field, JsonNode value, List<FieldProblem> problems) {
        if (value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        problems.add(new FieldProblem(field, "must be a string"));
        return null;
    }

    private static @Nullable Map<String, List<IntervalInput>> week(String field, JsonNode value, List<FieldProblem> problems) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problems.add(new FieldProblem(field, "must be an object of weekdays, e.g. {\"MONDAY\": [{\"start\": \"08:00\", \"end\": \"17:00\"}]}"));
            return null;
        }
        Map<String, List<IntervalInput>> week = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> day : value.properties()) {
            String at = field + "." + day.getKey();
            JsonNode intervals = day.getValue();
            if (intervals.isNull()) {
                continue;
            }
            if (!intervals.isArray()) {
                problems.add(new FieldProblem(at, "must be an array of intervals such as [{\"start\": \"08:00\", \"end\": \"17:00\"}]"));
                continue;
            }
            List<IntervalInput> list = new ArrayList<>();
            int i = 0;
            for (JsonNode interval : intervals.values()) {
                String item = at + "[" + i++ + "]";
                if (!interval.isObject()) {
                    problems.add(new FieldProblem(item, "must be an interval such as {\"start\": \"08:00\", \"end\": \"17:00\"}"));
                    continue;
                }
                unknownMembers(item, interval, List.of("start", "end"), problems);
                list.add(new IntervalInput(member(item, interval, "start", problems), member(item, interval, "end", problems)));
            }
            week.put(day.getKey(), list);
        }
        return week;
    }

    private static @Nullable List<ClosedDayInput> closedDays(String field, JsonNode value, List<FieldProblem> problems) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            problems.add(new FieldProblem(field, "must be an array such as [{\"date\": \"2026-12-24\", \"name\": \"Christmas Eve\"}]"));
            return null;
        }
        List<ClosedDayInput> days = new ArrayList<>();
        int i = 0;
        for (JsonNode day : value.values()) {
            String item = field + "[" + i++ + "]";
            if (!day.isObject()) {
                problems.add(new FieldProblem(item, "must be an object such as {\"date\": \"2026-12-24\", \"name\": \"Christmas Eve\"}"));
                days.add(new ClosedDayInput("", null));
                continue;
            }
            unknownMembers(item, day, List.of("date", "name"), problems);
            days.add(new ClosedDayInput(member(item, day, "date", problems), member(item, day, "name", problems)));
        }
        return days;
    }

    private static @Nullable String member(String item, JsonNode node, String name, List<FieldProblem> problems) {
        JsonNode value = node.get(name);
        return value == null ? null : text(item + "." + name, value, problems);
    }

    private static void unknownMembers(String item, JsonNode node, List<String> known, List<FieldProblem> problems) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(new FieldProblem(item + "." + name, "is not a field here (expected " + String.join(", ", known) + ")"));
            }
        }
    }
}
