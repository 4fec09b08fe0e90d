package org.baton.sla;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;
import static org.baton.shared.SqlValues.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.baton.calendar.CalendarId;
import org.baton.identity.OrganizationId;
import org.baton.identity.SupportGroupId;
import org.baton.ticket.PendingReason;
import org.baton.ticket.Priority;
import org.baton.ticket.TicketType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The store of SLA and OLA policies with their targets. The policy that applies to an organization or a group is
 * remembered per node for {@link #REMEMBERED} (every ticket event asks), and forgotten at once on this node when
 * any policy changes; another node sees a change within that time.
 */
@Repository
class ServiceLevelPolicies {

    static final Duration REMEMBERED = Duration.ofSeconds(5);
    private static final String ANY_TYPE = "ANY";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Remembered> applicable = new java.util.concurrent.ConcurrentHashMap<>();

    private record Remembered(Optional<ServiceLevelPolicy> policy, Instant until) {}

    ServiceLevelPolicies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Optional<ServiceLevelPolicy> remembered(String key, java.util.function.Supplier<Optional<ServiceLevelPolicy>> load) {
        Instant now = clock.instant();
        Remembered r = applicable.get(key);
        if (r == null || r.until().isBefore(now)) {
            r = new Remembered(load.get(), now.plus(REMEMBERED));
            applicable.put(key, r);
        }
        return r.policy();
    }

    /** Forgets now and again after the commit, so no look-up in between keeps the old policy. */
    private void forget() {
        applicable.clear();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            applicable.clear();
                        }
                    });
        }
    }

    /** The policy as remembered (for a clock's rules, asked on every ticket event); {@link #byId} reads it afresh. */
    Optional<ServiceLevelPolicy> rememberedById(UUID id) {
        return remembered("ID:" + id, () -> byId(id));
    }

    Optional<ServiceLevelPolicy> byId(UUID id) {
        return withTargets(jdbc.sql("select * from sla_policies where id = :id").param("id", id).query(ServiceLevelPolicies::row).list())
                .stream().findFirst();
    }

    /** The SLA an organization's tickets are measured against: its own, else the default; empty when neither exists. */
    Optional<ServiceLevelPolicy> slaFor(OrganizationId organization) {
        return remembered("ORG:" + organization, () -> loadSlaFor(organization));
    }

    private Optional<ServiceLevelPolicy> loadSlaFor(OrganizationId organization) {
        List<ServiceLevelPolicy> found = withTargets(jdbc.sql(
                        "select * from sla_policies where scope_key in (:org, 'DEFAULT') order by case when scope_key = 'DEFAULT' then 1 else 0 end")
                .param("org", "ORG:" + organization)
                .query(ServiceLevelPolicies::row)
                .list());
        return found.stream().findFirst();
    }

    /** A support group's OLA, if it has one. */
    Optional<ServiceLevelPolicy> olaFor(SupportGroupId group) {
        return remembered("GROUP:" + group, () -> withTargets(jdbc.sql("select * from sla_policies where scope_key = :key")
                        .param("key", "GROUP:" + group)
                        .query(ServiceLevelPolicies::row)
                        .list())
                .stream().findFirst());
    }

    /** One page of policies by name, after {@code afterName}. */
    List<ServiceLevelPolicy> page(@Nullable PolicyKind kind, @Nullable String afterName, int fetchSize) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (kind != null) {
            where.append(" and kind = :kind");
            p.put("kind", kind.name());
        }
        if (afterName != null) {
            where.append(" and name > :after");
            p.put("after", afterName);
        }
        return withTargets(jdbc.sql("select * from sla_policies" + where + " order by name fetch first " + fetchSize + " rows only")
                .params(p)
                .query(ServiceLevelPolicies::row)
                .list());
    }

    boolean nameTaken(String name, @Nullable UUID except) {
        return jdbc.sql("select count(*) from sla_policies where lower(name) = lower(:name) and id <> :except")
                .param("name", name)
                .param("except", except == null ? new UUID(0, 0) : except)
                .query(Long.class).single() > 0;
    }

    boolean scopeTaken(String scopeKey, @Nullable UUID except) {
        return jdbc.sql("select count(*) from sla_policies where scope_key = :key and id <> :except")
                .param("key", scopeKey)
                .param("except", except == null ? new UUID(0, 0) : except)
                .query(Long.class).single() > 0;
    }

    void insert(ServiceLevelPolicy policy) {
        forget();
        jdbc.sql("""
                insert into sla_policies (id, kind, scope_key, name, organization_id, support_group_id, calendar_id,
                    warning_percents, pause_on, version, created_at, updated_at)
                values (:id, :kind, :scope, :name, :org, :group, :calendar, :warnings, :pauseOn, 0, :created, :updated)
                """).params(params(policy)).update();
        insertTargets(policy);
    }

    /** Replaces a policy if it is still at {@code policy.version()}; false when someone else changed it first. */
    boolean replace(ServiceLevelPolicy policy) {
        forget();
        int rows = jdbc.sql("""
                update sla_policies set kind = :kind, scope_key = :scope, name = :name, organization_id = :org,
                    support_group_id = :group, calendar_id = :calendar, warning_percents = :warnings, pause_on = :pauseOn,
                    updated_at = :updated, version = version + 1
                 where id = :id and version = :version
                """).params(params(policy)).update();
        if (rows != 1) {
            return false;
        }
        jdbc.sql("delete from sla_targets where policy_id = :id").param("id", policy.id()).update();
        insertTargets(policy);
        return true;
    }

    boolean delete(UUID id, long version) {
        forget();
        return jdbc.sql("delete from sla_policies where id = :id and version = :version")
                .param("id", id).param("version", version).update() == 1;
    }

    private void insertTargets(ServiceLevelPolicy policy) {
        for (PolicyTarget t : policy.targets()) {
            jdbc.sql("""
                    insert into sla_targets (policy_id, ticket_type, priority, metric, duration_seconds, calendar_id)
                    values (:policy, :type, :priority, :metric, :seconds, :calendar)
                    """)
                    .param("policy", policy.id())
                    .param("type", t.ticketType() == null ? ANY_TYPE : t.ticketType().name())
                    .param("priority", t.priority().name())
                    .param("metric", t.target().name())
                    .param("seconds", t.duration().toSeconds())
                    .param("calendar", t.calendarId() == null ? null : t.calendarId().value())
                    .update();
        }
    }

    private static Map<String, @Nullable Object> params(ServiceLevelPolicy policy) {
        Map<String, @Nullable Object> p = new HashMap<>();
        p.put("id", policy.id());
        p.put("kind", policy.kind().name());
        p.put("scope", policy.scopeKey());
        p.put("name", policy.name());
        p.put("org", policy.organizationId() == null ? null : policy.organizationId().value());
        p.put("group", policy.supportGroupId() == null ? null : policy.supportGroupId().value());
        p.put("calendar", policy.calendarId().value());
        p.put("warnings", policy.warningPercents().stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.put("pauseOn", policy.pauseOn().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        p.put("version", policy.version());
        p.put("created", timestamp(policy.createdAt()));
        p.put("updated", timestamp(policy.updatedAt()));
        return p;
    }

    private List<ServiceLevelPolicy> withTargets(List<ServiceLevelPolicy> policies) {
        if (policies.isEmpty()) {
            return policies;
        }
        Map<UUID, List<PolicyTarget>> targets = new HashMap<>();
        jdbc.sql("select * from sla_targets where policy_id in (:ids) order by ticket_type, priority, metric")
                .param("ids", policies.stream().map(ServiceLevelPolicy::id).toList())
                .query((rs, n) -> {
                    String type = rs.getString("ticket_type");
                    UUID calendar = uuid(rs, "calendar_id");
                    return targets.computeIfAbsent(requiredUuid(rs, "policy_id"), k -> new ArrayList<>()).add(new PolicyTarget(
                            ANY_TYPE.equals(type) ? null : TicketType.valueOf(type), Priority.valueOf(rs.getString("priority")),
                            ServiceTarget.valueOf(rs.getString("metric")), Duration.ofSeconds(rs.getLong("duration_seconds")),
                            calendar == null ? null : new CalendarId(calendar)));
                })
                .list();
        return policies.stream().map(p -> new ServiceLevelPolicy(p.id(), p.kind(), p.name(), p.organizationId(), p.supportGroupId(),
                p.calendarId(), p.warningPercents(), p.pauseOn(), targets.getOrDefault(p.id(), List.of()), p.version(), p.createdAt(),
                p.updatedAt())).toList();
    }

    private static ServiceLevelPolicy row(ResultSet rs, int n) throws SQLException {
        UUID org = uuid(rs, "organization_id");
        UUID group = uuid(rs, "support_group_id");
        String warnings = rs.getString("warning_percents");
        String pauseOn = rs.getString("pause_on");
        EnumSet<PendingReason> pauses = EnumSet.noneOf(PendingReason.class);
        if (!pauseOn.isBlank()) {
            Arrays.stream(pauseOn.split(",")).map(String::strip).map(PendingReason::valueOf).forEach(pauses::add);
        }
        List<Integer> percents = warnings.isBlank() ? List.of()
                : Arrays.stream(warnings.split(",")).map(String::strip).map(Integer::valueOf).toList();
        return new ServiceLevelPolicy(requiredUuid(rs, "id"), PolicyKind.valueOf(rs.getString("kind")), rs.getString("name"),
                org == null ? null : new OrganizationId(org), group == null ? null : new SupportGroupId(group),
                new CalendarId(requiredUuid(rs, "calendar_id")), percents, pauses, List.of(), rs.getLong("version"),
                requiredInstant(rs, "created_at"), requiredInstant(rs, "updated_at"));
    }

}
