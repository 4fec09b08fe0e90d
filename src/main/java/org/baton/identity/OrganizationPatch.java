package org.baton.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A JSON Merge Patch (RFC 7396) of an organization: members present in the patch replace the
 * field, members absent leave it alone, and {@code null} clears it where that means something (the
 * mail domains); a field that cannot be null, a value of the wrong type, or a member that is not a
 * field the client may change is reported by name.
 */
final class OrganizationPatch {

    private static final Set<String> READ_ONLY = Set.of("id", "createdAt", "version");

    private OrganizationPatch() {}

    static OrganizationDetails apply(@Nullable JsonNode patch, Organization current) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.of("body", "must be a JSON object whose members are the fields to change");
        }
        String name = current.name();
        String code = current.code();
        List<String> mailDomains = current.mailDomains();
        boolean shared = current.sharedTicketVisibility();
        boolean selfRegistration = current.selfRegistration();
        boolean active = current.active();
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String field = member.getKey();
            JsonNode value = member.getValue();
            switch (field) {
                case "name" -> name = text(field, value, name, problems);
                case "code" -> code = text(field, value, code, problems);
                case "mailDomains" -> mailDomains = domains(value, mailDomains, problems);
                case "sharedTicketVisibility" -> shared = flag(field, value, shared, problems);
                case "selfRegistration" -> selfRegistration = flag(field, value, selfRegistration, problems);
                case "active" -> active = flag(field, value, active, problems);
                default -> problems.add(new FieldProblem(field,
                        READ_ONLY.contains(field) ? "is read-only" : "is not a field of an organization"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new OrganizationDetails(name, code, mailDomains, shared, selfRegistration, active);
    }

    private static String text(String field, JsonNode value, String current, List<FieldProblem> problems) {
        if (value.isString()) {
            return value.stringValue();
        }
        problems.add(new FieldProblem(field, "must be a string"));
        return current;
    }

    private static boolean flag(String field, JsonNode value, boolean current, List<FieldProblem> problems) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        problems.add(new FieldProblem(field, "must be true or false"));
        return current;
    }

    private static List<String> domains(JsonNode value, List<String> current, List<FieldProblem> problems) {
        if (value.isNull()) {
            return List.of();
        }
        if (value.isArray() && value.values().stream().allMatch(JsonNode::isString)) {
            return value.values().stream().map(JsonNode::stringValue).toList();
        }
        problems.add(new FieldProblem("mailDomains", "must be an array of mail domains such as [\"example.com\"]"));
        return current;
    }
}
