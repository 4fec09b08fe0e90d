package org.baton.identity;

import static org.baton.shared.SqlValues.instant;
import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;
import static org.baton.shared.SqlValues.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table: profiles, credentials and sign-in failure counts. */
@Repository
class Users {

    private static final String COLUMNS = "id, username, email, display_name, role, organization_id, phone, location, "
            + "time_zone, active, last_sign_in_at, created_at, version";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What sign-in needs to know about an account. */
    record Credentials(UserId id, String username, @Nullable String passwordHash, Role role, boolean active,
            int failedSignIns, @Nullable Instant lockedUntil) {}

    /** The active members of staff with {@code role}, by display name. */
    List<User> activeStaff(Role role) {
        return withGroups(jdbc.sql("select " + COLUMNS + " from users where role = :role and active order by display_name")
                .param("role", role.name())
                .query(Users::row)
                .list());
    }

    Set<UserId> activeStaffAmong(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<UserId> found = new HashSet<>();
        jdbc.sql("select id from users where active and role <> 'CUSTOMER' and id in (:ids)")
                .param("ids", ids.stream().map(UserId::value).distinct().toList())
                .query(rs -> {
                    found.add(new UserId(requiredUuid(rs, "id")));
                });
        return found;
    }

    Optional<User> byId(UserId id) {
        return withGroups(jdbc.sql("select " + COLUMNS + " from users where id = :id")
                        .param("id", id.value())
                        .query(Users::row)
                        .list())
                .stream()
                .findFirst();
    }

    Optional<CustomerContact> customerContact(UserId id) {
        return jdbc.sql("select u.id, u.display_name, u.email, u.phone, u.location, u.time_zone, u.active, o.id as organization_id, "
                        + "o.name as organization_name, o.active as organization_active "
                        + "from users u join organizations o on o.id = u.organization_id where u.id = :id and u.role = 'CUSTOMER'")
                .param("id", id.value())
                .query((rs, n) -> new CustomerContact(new UserId(requiredUuid(rs, "id")), rs.getString("display_name"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("location"), ZoneId.of(rs.getString("time_zone")),
                        rs.getBoolean("active"), new OrganizationId(requiredUuid(rs, "organization_id")),
                        rs.getString("organization_name"), rs.getBoolean("organization_active")))
                .optional();
    }

    Optional<User> byLogin(String login) {
        return withGroups(jdbc.sql("select " + COLUMNS + " from users where username_key = :login or email_key = :login")
                        .param("login", key(login))
                        .query(Users::row)
                        .list())
                .stream()
                .findFirst();
    }

    Optional<Credentials> credentials(String login) {
        return jdbc.sql("select id, username, password_hash, role, active, failed_sign_ins, locked_until from users "
                        + "where username_key = :login or email_key = :login")
                .param("login", key(login))
                .query((rs, n) -> new Credentials(new UserId(requiredUuid(rs, "id")), rs.getString("username"),
                        rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getBoolean("active"),
                        rs.getInt("failed_sign_ins"), instant(rs, "locked_until")))
                .optional();
    }

    /** A page of the users {@code viewer} may see, ordered by username, after {@code afterUsername}. */
    List<User> page(CurrentUser viewer, UserFilter filter, @Nullable String afterUsername, int limit) {
        return query(viewer, filter, afterUsername, limit);
    }

    /** A page of all users, for administration screens (the caller has checked the admin role). */
    List<User> pageAll(UserFilter filter, @Nullable String afterUsername, int limit) {
        return query(null, filter, afterUsername, limit);
    }

    private List<User> query(@Nullable CurrentUser viewer, UserFilter filter, @Nullable String afterUsername, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from users where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (viewer != null) { // null: an administration screen, no visibility restriction
            restrictTo(viewer, sql, params);
        }
        if (filter.role() != null) {
            sql.append(" and role = :role");
            params.put("role", filter.role().name());
        }
        if (filter.organizationId() != null) {
            sql.append(" and organization_id = :org");
            params.put("org", filter.organizationId().value());
        }
        if (filter.supportGroupId() != null) {
            sql.append(" and id in (select user_id from support_group_members where support_group_id = :group)");
            params.put("group", filter.supportGroupId().value());
        }
        if (filter.active() != null) {
            sql.append(" and active = :active");
            params.put("active", filter.active());
        }
        if (filter.search() != null && !filter.search().isBlank()) {
            sql.append(" and (username_key like :search or email_key like :search or lower(display_name) like :search)");
            params.put("search", "%" + key(filter.search().trim()) + "%");
        }
        if (afterUsername != null) {
            sql.append(" and username_key > :after");
            params.put("after", key(afterUsername));
        }
        sql.append(" order by username_key fetch first :limit rows only");
        params.put("limit", limit);
        return withGroups(jdbc.sql(sql.toString()).params(params).query(Users::row).list());
    }

    /** The user, if {@code viewer} may see them; the visibility rule is part of the query. */
    Optional<User> visibleTo(CurrentUser viewer, UserId id) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from users where id = :id");
        Map<String, Object> params = new HashMap<>();
        params.put("id", id.value());
        restrictTo(viewer, sql, params);
        return withGroups(jdbc.sql(sql.toString()).params(params).query(Users::row).list()).stream().findFirst();
    }

    /**
     * Narrows a query on users to those {@code viewer} may see: a customer sees themselves (and their
     * colleagues where their organization shares visibility); staff see all staff and the customers
     * of the organizations in their scope.
     */
    private static void restrictTo(CurrentUser viewer, StringBuilder sql, Map<String, Object> params) {
        if (viewer.isCustomer()) {
            if (viewer.seesOrganizationWide() && viewer.organizationId() != null) {
                sql.append(" and (id = :self or organization_id = :ownOrg)");
                params.put("ownOrg", viewer.organizationId().value());
            } else {
                sql.append(" and id = :self");
            }
            params.put("self", viewer.id().value());
        } else if (!viewer.scope().all()) {
            if (viewer.scope().ids().isEmpty()) {
                sql.append(" and role <> 'CUSTOMER'");
            } else {
                sql.append(" and (role <> 'CUSTOMER' or organization_id in (:scope))");
                params.put("scope", viewer.scope().ids().stream().map(OrganizationId::value).toList());
            }
        }
    }

    boolean usernameTaken(String username, @Nullable UserId except) {
        return taken("username_key", key(username), except);
    }

    boolean emailTaken(String email, @Nullable UserId except) {
        return taken("email_key", key(email), except);
    }

    long countActiveAdmins() {
        return jdbc.sql("select count(*) from users where role = 'ADMIN' and active = true").query(Long.class).single();
    }

    long count() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    void insert(User user, @Nullable String passwordHash) {
        jdbc.sql("insert into users (id, username, username_key, email, email_key, display_name, role, organization_id, phone, "
                        + "location, time_zone, password_hash, active, created_at, version) values (:id, :username, :usernameKey, "
                        + ":email, :emailKey, :displayName, :role, :org, :phone, :location, :timeZone, :hash, :active, :createdAt, 0)")
                .params(profileParams(user))
                .param("hash", passwordHash)
                .param("createdAt", timestamp(user.createdAt()))
                .update();
    }

    void update(User user, long expectedVersion) {
        int updated = jdbc.sql("update users set username = :username, username_key = :usernameKey, email = :email, "
                        + "email_key = :emailKey, display_name = :displayName, role = :role, organization_id = :org, "
                        + "phone = :phone, location = :location, time_zone = :timeZone, active = :active, "
                        + "version = version + 1 where id = :id and version = :version")
                .params(profileParams(user))
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new StaleVersion("user", byId(user.id()).map(User::version).orElse(-1L));
        }
    }

    void setPasswordHash(UserId id, String hash) {
        jdbc.sql("update users set password_hash = :hash, failed_sign_ins = 0, locked_until = null, version = version + 1 where id = :id")
                .param("hash", hash)
                .param("id", id.value())
                .update();
    }

    /** Counts a failed sign-in and locks the account until {@code lockUntil} once {@code maxFailures} is reached. */
    void recordFailedSignIn(UserId id, int maxFailures, Instant lockUntil) {
        jdbc.sql("update users set failed_sign_ins = failed_sign_ins + 1, "
                        + "locked_until = case when failed_sign_ins + 1 >= :max then :until else locked_until end where id = :id")
                .param("max", maxFailures)
                .param("until", timestamp(lockUntil))
                .param("id", id.value())
                .update();
        jdbc.sql("update users set failed_sign_ins = 0 where id = :id and failed_sign_ins >= :max")
                .param("max", maxFailures)
                .param("id", id.value())
                .update();
    }

    /** Clears the failure count; last_sign_in_at is kept to the minute, so HTTP Basic clients do not write on every request. */
    void recordSignIn(UserId id, Instant at) {
        jdbc.sql("update users set failed_sign_ins = 0, locked_until = null, last_sign_in_at = :at where id = :id "
                        + "and (failed_sign_ins <> 0 or locked_until is not null or last_sign_in_at is null or last_sign_in_at < :stale)")
                .param("at", timestamp(at))
                .param("stale", timestamp(at.minusSeconds(60)))
                .param("id", id.value())
                .update();
    }

    private Map<String, Object> profileParams(User user) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", user.id().value());
        params.put("username", user.username());
        params.put("usernameKey", key(user.username()));
        params.put("email", user.email());
        params.put("emailKey", key(user.email()));
        params.put("displayName", user.displayName());
        params.put("role", user.role().name());
        params.put("org", user.organizationId() == null ? null : user.organizationId().value());
        params.put("phone", user.phone());
        params.put("location", user.location());
        params.put("timeZone", user.timeZone().getId());
        params.put("active", user.active());
        return params;
    }

    private boolean taken(String column, String value, @Nullable UserId except) {
        return jdbc.sql("select count(*) from users where " + column + " = :value and id <> :except")
                        .param("value", value)
                        .param("except", except == null ? new UUID(0, 0) : except.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The users with their support groups (customers are members of none: their memberships are not looked up). */
    private List<User> withGroups(List<User> users) {
        List<UUID> staff = users.stream().filter(u -> u.role().isStaff()).map(u -> u.id().value()).toList();
        if (staff.isEmpty()) {
            return users;
        }
        Map<UUID, Set<SupportGroupId>> groups = new HashMap<>();
        jdbc.sql("select user_id, support_group_id from support_group_members where user_id in (:ids)")
                .param("ids", staff)
                .query(rs -> {
                    groups.computeIfAbsent(requiredUuid(rs, "user_id"), k -> new HashSet<>())
                            .add(new SupportGroupId(requiredUuid(rs, "support_group_id")));
                });
        return users.stream()
                .map(u -> new User(u.id(), u.username(), u.email(), u.displayName(), u.role(), u.organizationId(), u.phone(),
                        u.location(), u.timeZone(), u.active(), groups.getOrDefault(u.id().value(), Set.of()),
                        u.lastSignInAt(), u.createdAt(), u.version()))
                .toList();
    }

    static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static User row(ResultSet rs, int n) throws SQLException {
        UUID org = uuid(rs, "organization_id");
        return new User(
                new UserId(requiredUuid(rs, "id")),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                org == null ? null : new OrganizationId(org),
                rs.getString("phone"),
                rs.getString("location"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getBoolean("active"),
                Set.of(),
                instant(rs, "last_sign_in_at"),
                requiredInstant(rs, "created_at"),
                rs.getLong("version"));
    }
}
