package org.baton.identity;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The organizations table and its mail domains. An organization looked up by id or mail domain is remembered for
 * {@code baton.directory.organization-cache} (default 2 s; 0 switches it off): every ticket, mail and customer request
 * reads its organization, which changes rarely. A change made through this node forgets everything at once (and again
 * when its transaction ends, committed or not; what another request was reading meanwhile is not remembered), and a
 * transaction that changed organizations reads them from the database until it ends; a change made on another node
 * takes effect here within that time.
 */
@Repository
class Organizations {

    private static final String COLUMNS = "id, name, code, shared_ticket_visibility, self_registration, active, created_at, version";
    private static final int MAX_ENTRIES = 10_000;
    /** Bound to a transaction that changed organizations: it reads past the remembered ones until it ends. */
    private static final Object CHANGING = new Object();

    private record Remembered<T>(T value, Instant until) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final Map<OrganizationId, Remembered<Organization>> byId = new ConcurrentHashMap<>();
    private final Map<String, Remembered<OrganizationId>> byDomain = new ConcurrentHashMap<>();
    /** Counts the forgettings: what was read while one happened is not remembered (it may predate the change). */
    private final AtomicLong generation = new AtomicLong();

    Organizations(JdbcClient jdbc, Clock clock, @Value("${baton.directory.organization-cache:2s}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    Optional<Organization> byId(OrganizationId id) {
        boolean remembering = remembering();
        Instant now = clock.instant();
        if (remembering) {
            Remembered<Organization> remembered = byId.get(id);
            if (remembered != null && remembered.until().isAfter(now)) {
                return Optional.of(remembered.value());
            }
        }
        long before = generation.get();
        Optional<Organization> found = load(id);
        if (remembering) {
            found.ifPresent(org -> remember(byId, id, org, now, before));
        }
        return found;
    }

    private Optional<Organization> load(OrganizationId id) {
        return withDomains(jdbc.sql("select " + COLUMNS + " from organizations where id = :id")
                        .param("id", id.value())
                        .query(Organizations::row)
                        .list())
                .stream()
                .findFirst();
    }

    private boolean remembering() {
        return !ttl.isZero() && !TransactionSynchronizationManager.hasResource(CHANGING);
    }

    private <K, V> void remember(Map<K, Remembered<V>> map, K key, V value, Instant now, long readAt) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, new Remembered<>(value, now.plus(ttl)));
        if (generation.get() != readAt) {
            // forgotten while it was read: it may be the state before the change
            map.remove(key);
        }
    }

    /** Before any change: forget now, read from the database for the rest of the transaction, and forget again at its end. */
    private void changing() {
        forgetAll();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(CHANGING)) {
            TransactionSynchronizationManager.bindResource(CHANGING, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CHANGING);
                    forgetAll();
                }
            });
        }
    }

    void forgetAll() {
        generation.incrementAndGet();
        byId.clear();
        byDomain.clear();
    }

    /** The organization, if it exists and lies in {@code scope}; the scope is part of the query. */
    Optional<Organization> visible(OrganizationId id, OrganizationScope scope) {
        if (!scope.all() && scope.ids().isEmpty()) {
            return Optional.empty();
        }
        return withDomains(jdbc.sql("select " + COLUMNS + " from organizations where id = :id"
                                + (scope.all() ? "" : " and id in (:scope)"))
                        .param("id", id.value())
                        .params(scope.all() ? Map.of() : Map.of("scope", scope.ids().stream().map(OrganizationId::value).toList()))
                        .query(Organizations::row)
                        .list())
                .stream()
                .findFirst();
    }

    Optional<Organization> byMailDomain(String domain) {
        String key = domain.toLowerCase(Locale.ROOT);
        if (remembering()) {
            Remembered<OrganizationId> remembered = byDomain.get(key);
            if (remembered != null && remembered.until().isAfter(clock.instant())) {
                return byId(remembered.value());
            }
        }
        long before = generation.get();
        Optional<OrganizationId> owner = jdbc.sql("select organization_id from organization_mail_domains where domain = :domain")
                .param("domain", key)
                .query(UUID.class)
                .optional()
                .map(OrganizationId::new);
        if (remembering()) {
            owner.ifPresent(id -> remember(byDomain, key, id, clock.instant(), before));
        }
        return owner.flatMap(this::byId);
    }

    List<Organization> all() {
        return withDomains(jdbc.sql("select " + COLUMNS + " from organizations order by name").query(Organizations::row).list());
    }

    /**
     * A page of the organizations in {@code scope} ordered by name, after the name {@code afterName};
     * {@code search} matches name or code.
     */
    List<Organization> page(OrganizationScope scope, @Nullable String search, @Nullable Boolean active, @Nullable String afterName, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from organizations where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!scope.all()) {
            if (scope.ids().isEmpty()) {
                return List.of();
            }
            sql.append(" and id in (:scope)");
            params.put("scope", scope.ids().stream().map(OrganizationId::value).toList());
        }
        if (search != null && !search.isBlank()) {
            sql.append(" and (lower(name) like :search or lower(code) like :search)");
            params.put("search", "%" + search.toLowerCase(Locale.ROOT).trim() + "%");
        }
        if (active != null) {
            sql.append(" and active = :active");
            params.put("active", active);
        }
        if (afterName != null) {
            sql.append(" and name > :after");
            params.put("after", afterName);
        }
        sql.append(" order by name fetch first :limit rows only");
        params.put("limit", limit);
        return withDomains(jdbc.sql(sql.toString()).params(params).query(Organizations::row).list());
    }

    boolean nameTaken(String name, @Nullable OrganizationId except) {
        return taken("lower(name) = :value", name.toLowerCase(Locale.ROOT), except);
    }

    boolean codeTaken(String code, @Nullable OrganizationId except) {
        return taken("code = :value", code, except);
    }

    /** The organization that already owns {@code domain}, other than {@code except}. */
    Optional<OrganizationId> domainOwner(String domain, @Nullable OrganizationId except) {
        return jdbc.sql("select organization_id from organization_mail_domains where domain = :domain")
                .param("domain", domain)
                .query(UUID.class)
                .optional()
                .map(OrganizationId::new)
                .filter(owner -> !owner.equals(except));
    }

    void insert(Organization org) {
        changing();
        jdbc.sql("insert into organizations (id, name, code, shared_ticket_visibility, self_registration, active, created_at, version) "
                        + "values (:id, :name, :code, :shared, :selfRegistration, :active, :createdAt, 0)")
                .param("id", org.id().value())
                .param("name", org.name())
                .param("code", org.code())
                .param("shared", org.sharedTicketVisibility())
                .param("selfRegistration", org.selfRegistration())
                .param("active", org.active())
                .param("createdAt", timestamp(org.createdAt()))
                .update();
        replaceDomains(org.id(), org.mailDomains());
    }

    /** Saves {@code org} if it is still at {@code expectedVersion}; otherwise nothing changes. */
    void update(Organization org, long expectedVersion) {
        changing();
        int updated = jdbc.sql("update organizations set name = :name, code = :code, shared_ticket_visibility = :shared, "
                        + "self_registration = :selfRegistration, active = :active, version = version + 1 where id = :id and version = :version")
                .param("id", org.id().value())
                .param("name", org.name())
                .param("code", org.code())
                .param("shared", org.sharedTicketVisibility())
                .param("selfRegistration", org.selfRegistration())
                .param("active", org.active())
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new StaleVersion("organization", byId(org.id()).map(Organization::version).orElse(-1L));
        }
        replaceDomains(org.id(), org.mailDomains());
    }

    private void replaceDomains(OrganizationId id, List<String> domains) {
        changing();
        jdbc.sql("delete from organization_mail_domains where organization_id = :id").param("id", id.value()).update();
        for (String domain : domains) {
            jdbc.sql("insert into organization_mail_domains (domain, organization_id) values (:domain, :id)")
                    .param("domain", domain)
                    .param("id", id.value())
                    .update();
        }
    }

    private boolean taken(String condition, String value, @Nullable OrganizationId except) {
        return jdbc.sql("select count(*) from organizations where " + condition + " and id <> :except")
                        .param("value", value)
                        .param("except", except == null ? new UUID(0, 0) : except.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private List<Organization> withDomains(List<Organization> orgs) {
        if (orgs.isEmpty()) {
            return orgs;
        }
        Map<UUID, List<String>> domains = new HashMap<>();
        Collection<UUID> ids = orgs.stream().map(o -> o.id().value()).toList();
        jdbc.sql("select organization_id, domain from organization_mail_domains where organization_id in (:ids) order by domain")
                .param("ids", ids)
                .query(rs -> {
                    domains.computeIfAbsent(requiredUuid(rs, "organization_id"), k -> new ArrayList<>()).add(rs.getString("domain"));
                });
        return orgs.stream()
                .map(o -> new Organization(o.id(), o.name(), o.code(), domains.getOrDefault(o.id().value(), List.of()),
                        o.sharedTicketVisibility(), o.selfRegistration(), o.active(), o.createdAt(), o.version()))
                .toList();
    }

    private static Organization row(ResultSet rs, int n) throws SQLException {
        return new Organization(
                new OrganizationId(requiredUuid(rs, "id")),
                rs.getString("name"),
                rs.getString("code"),
                List.of(),
                rs.getBoolean("shared_ticket_visibility"),
                rs.getBoolean("self_registration"),
                rs.getBoolean("active"),
                requiredInstant(rs, "created_at"),
                rs.getLong("version"));
    }
}
