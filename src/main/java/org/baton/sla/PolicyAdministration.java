package org.baton.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.baton.calendar.BusinessCalendars;
import org.baton.calendar.CalendarId;
import org.baton.identity.Directory;
import org.baton.identity.OrganizationId;
import org.baton.identity.SupportGroupId;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.StaleVersion;
import org.baton.ticket.PendingReason;
import org.baton.ticket.Priority;
import org.baton.ticket.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, replacing and deleting policies. Every value is checked before anything is written, and every
 * problem is named by its field ({@code targets[2].duration}), so a refused policy is never half saved.
 */
@Service
class PolicyAdministration {

    /** A policy as a client sends it: raw values, checked here. */
    record PolicyInput(@Nullable String kind, @Nullable String name, @Nullable String organizationId, @Nullable Boolean isDefault,
            @Nullable String supportGroupId, @Nullable String calendarId, @Nullable List<Integer> warningPercents,
            @Nullable List<String> pauseOn, @Nullable List<TargetInput> targets) {}

    record TargetInput(@Nullable String ticketType, @Nullable String priority, @Nullable String target, @Nullable String duration,
            @Nullable String calendarId) {}

    private final ServiceLevelPolicies policies;
    private final BusinessCalendars calendars;
    private final Directory directory;
    private final Clock clock;

    PolicyAdministration(ServiceLevelPolicies policies, BusinessCalendars calendars, Directory directory, Clock clock) {
        this.policies = policies;
        this.calendars = calendars;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    ServiceLevelPolicy create(PolicyInput input) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ServiceLevelPolicy policy = check(UUID.randomUUID(), input, 0, now, now);
        policies.insert(policy);
        return policies.byId(policy.id()).orElseThrow();
    }

    /** Checks a policy without saving it; throws {@link InvalidInput} naming every problem. */
    void validate(@Nullable UUID id, PolicyInput input) {
        Instant now = clock.instant();
        check(id == null ? UUID.randomUUID() : id, input, 0, now, now);
    }

    @Transactional
    ServiceLevelPolicy replace(UUID id, long expectedVersion, PolicyInput input) {
        ServiceLevelPolicy current = policies.byId(id).orElseThrow(() -> new NotFound("service-level policy", id));
        if (current.version() != expectedVersion) {
            throw new StaleVersion("service-level policy", current.version());
        }
        ServiceLevelPolicy policy = check(id, input, expectedVersion, current.createdAt(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!policies.replace(policy)) {
            throw new StaleVersion("service-level policy", policies.byId(id).map(ServiceLevelPolicy::version).orElse(expectedVersion));
        }
        return policies.byId(id).orElseThrow();
    }

    @Transactional
    void delete(UUID id, long expectedVersion) {
        ServiceLevelPolicy current = policies.byId(id).orElseThrow(() -> new NotFound("service-level policy", id));
        if (current.version() != expectedVersion || !policies.delete(id, expectedVersion)) {
            throw new StaleVersion("service-level policy", current.version());
        }
    }

    private ServiceLevelPolicy check(UUID id, PolicyInput in, long version, Instant created, Instant updated) {
        List<FieldProblem> problems = new ArrayList<>();
        PolicyKind kind = null;
        if (in.kind() == null || in.kind().isBlank()) {
            problems.add(new FieldProblem("kind", "is required: SLA or OLA"));
        } else {
            try {
                kind = PolicyKind.valueOf(in.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("kind", "must be SLA or OLA"));
            }
        }
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
        } else if (policies.nameTaken(name, id)) {
            problems.add(new FieldProblem("name", "is already the name of another policy"));
        }
        OrganizationId organization = null;
        SupportGroupId group = null;
        boolean isDefault = Boolean.TRUE.equals(in.isDefault());
        if (kind == PolicyKind.SLA) {
            if (in.supportGroupId() != null) {
                problems.add(new FieldProblem("supportGroupId", "belongs to OLA policies; an SLA is for an organization or the default"));
            }
            if (isDefault && in.organizationId() != null) {
                problems.add(new FieldProblem("organizationId", "must be left out of the default policy"));
            } else if (!isDefault && in.organizationId() == null) {
                problems.add(new FieldProblem("organizationId", "is required unless the policy is the default (isDefault: true)"));
            } else if (in.organizationId() != null) {
                organization = parse(in.organizationId(), "organizationId", problems, OrganizationId::new);
                if (organization != null && directory.organization(organization).isEmpty()) {
                    problems.add(new FieldProblem("organizationId", "is not an organization"));
                    organization = null;
                }
            }
        } else if (kind == PolicyKind.OLA) {
            if (in.organizationId() != null || isDefault) {
                problems.add(new FieldProblem("organizationId", "belongs to SLA policies; an OLA is for a support group"));
            }
            if (in.supportGroupId() == null) {
                problems.add(new FieldProblem("supportGroupId", "is required: the support group the OLA binds"));
            } else {
                group = parse(in.supportGroupId(), "supportGroupId", problems, SupportGroupId::new);
                if (group != null && directory.supportGroup(group).isEmpty()) {
                    problems.add(new FieldProblem("supportGroupId", "is not a support group"));
                    group = null;
                }
            }
        }
        CalendarId calendar = calendar(in.calendarId(), "calendarId", true, problems);
        List<Integer> warnings = in.warningPercents() == null ? ClockWork.DEFAULT_WARNINGS : in.warningPercents();
        int previous = 0;
        for (int i = 0; i < warnings.size(); i++) {
            Integer p = warnings.get(i);
            if (p == null || p < 1 || p > 99) {
                problems.add(new FieldProblem("warningPercents[" + i + "]", "must be a percentage from 1 to 99"));
            } else if (p <= previous) {
                problems.add(new FieldProblem("warningPercents[" + i + "]", "must be greater than the one before (ascending, no repeats)"));
            } else {
                previous = p;
            }
        }
        Set<PendingReason> pauseOn = EnumSet.noneOf(PendingReason.class);
        List<String> pauses = in.pauseOn() == null ? List.of(PendingReason.CUSTOMER.name()) : in.pauseOn();
        for (int i = 0; i < pauses.size(); i++) {
            try {
                pauseOn.add(PendingReason.valueOf(String.valueOf(pauses.get(i)).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("pauseOn[" + i + "]", "must be one of " + List.of(PendingReason.values())));
            }
        }
        List<PolicyTarget> targets = new ArrayList<>();
        List<TargetInput> inputs = in.targets() == null ? List.of() : in.targets();
        if (inputs.isEmpty()) {
            problems.add(new FieldProblem("targets", "must name at least one target"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            PolicyTarget t = target(inputs.get(i), "targets[" + i + "]", kind, problems);
            if (t != null && !seen.add(t.ticketType() + "/" + t.priority() + "/" + t.target())) {
                problems.add(new FieldProblem("targets[" + i + "]", "repeats " + t.target() + " for "
                        + (t.ticketType() == null ? "" : t.ticketType() + " ") + t.priority()));
            } else if (t != null) {
                targets.add(t);
            }
        }
        ServiceLevelPolicy policy = null;
        if (problems.isEmpty() && kind != null && calendar != null) {
            policy = new ServiceLevelPolicy(id, kind, name, organization, group, calendar, warnings, pauseOn, targets, version, created,
                    updated);
            if (policies.scopeTaken(policy.scopeKey(), id)) {
                problems.add(new FieldProblem(kind == PolicyKind.OLA ? "supportGroupId" : (isDefault ? "isDefault" : "organizationId"),
                        kind == PolicyKind.OLA ? "already has an OLA policy"
                                : (isDefault ? "there is already a default policy" : "already has an SLA policy")));
            }
        }
        if (!problems.isEmpty() || policy == null) {
            throw new InvalidInput(problems);
        }
        return policy;
    }

    private @Nullable PolicyTarget target(TargetInput in, String field, @Nullable PolicyKind kind, List<FieldProblem> problems) {
        int before = problems.size();
        TicketType type = null;
        if (kind == PolicyKind.SLA) {
            type = enumValue(in.ticketType(), field + ".ticketType", TicketType.class, true, problems);
        } else if (in.ticketType() != null) {
            problems.add(new FieldProblem(field + ".ticketType", "must be left out: OLA targets hold for every ticket type"));
        }
        Priority priority = enumValue(in.priority(), field + ".priority", Priority.class, true, problems);
        ServiceTarget target = enumValue(in.target(), field + ".target", ServiceTarget.class, true, problems);
        if (target != null && kind != null && target.operational() != (kind == PolicyKind.OLA)) {
            problems.add(new FieldProblem(field + ".target", kind == PolicyKind.OLA ? "an OLA target is ACCEPT or COMPLETE"
                    : "an SLA target is FIRST_RESPONSE, NEXT_UPDATE or RESOLUTION"));
        }
        Duration duration = null;
        if (in.duration() == null || in.duration().isBlank()) {
            problems.add(new FieldProblem(field + ".duration", "is required: business time as ISO-8601, e.g. PT8H"));
        } else {
            try {
                duration = Duration.parse(in.duration().strip());
                if (!duration.isPositive()) {
                    problems.add(new FieldProblem(field + ".duration", "must be more than zero"));
                } else if (duration.getNano() != 0) {
                    problems.add(new FieldProblem(field + ".duration", "must be whole seconds"));
                } else if (duration.compareTo(Duration.ofDays(3650)) > 0) {
                    problems.add(new FieldProblem(field + ".duration", "must be at most ten years"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(field + ".duration", "is not an ISO-8601 duration such as PT30M or PT8H"));
            }
        }
        CalendarId calendar = calendar(in.calendarId(), field + ".calendarId", false, problems);
        if (problems.size() > before || priority == null || target == null || duration == null) {
            return null;
        }
        return new PolicyTarget(type, priority, target, duration, calendar);
    }

    private @Nullable CalendarId calendar(@Nullable String raw, String field, boolean required, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required: the business calendar targets are measured on"));
            }
            return null;
        }
        CalendarId id = parse(raw, field, problems, CalendarId::new);
        if (id != null && calendars.name(id).isEmpty()) {
            problems.add(new FieldProblem(field, "is not a calendar"));
            return null;
        }
        return id;
    }

    private static <T> @Nullable T parse(String raw, String field, List<FieldProblem> problems, java.util.function.Function<UUID, T> make) {
        try {
            return make.apply(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "is not an id"));
            return null;
        }
    }

    private static <E extends Enum<E>> @Nullable E enumValue(@Nullable String raw, String field, Class<E> type, boolean required,
            List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "is required: one of " + List.of(type.getEnumConstants())));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }
}
