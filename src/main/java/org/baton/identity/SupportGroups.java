package org.baton.identity;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
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

/** The support_groups table with its served organizations and members. */
@Repository
class SupportGroups {

    private static final String COLUMNS =
            "id, name, kind, description, email, serves_all_organizations, active, created_at, version";

    private final JdbcClient jdbc;

    SupportGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SupportGroup> byId(SupportGroupId id) {
        return complete(jdbc.sql("select " + COLUMNS + " from support_groups where id = :id")
                        .param("id", id.value())
                        .query(SupportGroups::row)
                        .list())
                .stream()
                .findFirst();
    }

    List<SupportGroup> all() {
        return complete(jdbc.sql("select " + COLUMNS + " from support_groups order by name").query(SupportGroups::row).list());
    }

    /** A page of all support groups ordered by name, after the name {@code afterName}. */
    List<SupportGroup> page(@Nullable Boolean active, @Nullable String afterName, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from support_groups where 1 = 1");
        Map<String, Object> params = new HashMap<>();
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
        return complete(jdbc.sql(sql.toString()).params(params).query(SupportGroups::row).list());
    }

    /** The active groups {@code user} is a member of. */
    List<SupportGroup> ofMember(UserId user) {
        return complete(jdbc.sql("select " + COLUMNS.replace("id,", "g.id,") + " from support_groups g "
                        + "join support_group_members m on m.support_group_id = g.id where m.user_id = :user and g.active = true")
                .param("user", user.value())
                .query(SupportGroups::row)
                .list());
    }

    boolean nameTaken(String name, @Nullable SupportGroupId except) {
        return jdbc.sql("select count(*) from support_groups where lower(name) = :name and id <> :except")
                        .param("name", name.toLowerCase(Locale.ROOT))
                        .param("except", except == null ? new UUID(0, 0) : except.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(SupportGroup group) {
        jdbc.sql("insert into support_groups (id, name, kind, description, email, serves_all_organizations, active, created_at, version) "
                        + "values (:id, :name, :kind, :description, :email, :servesAll, :active, :createdAt, 0)")
                .param("id", group.id().value())
                .param("name", group.name())
                .param("kind", group.kind().name())
                .param("description", group.description())
                .param("email", group.email())
                .param("servesAll", group.servesAllOrganizations())
                .param("active", group.active())
                .param("createdAt", timestamp(group.createdAt()))
                .update();
        replaceLinks(group);
    }

    void update(SupportGroup group, long expectedVersion) {
        int updated = jdbc.sql("update support_groups set name = :name, kind = :kind, description = :description, email = :email, "
                        + "serves_all_organizations = :servesAll, active = :active, version = version + 1 "
                        + "where id = :id and version = :version")
                .param("id", group.id().value())
                .param("name", group.name())
                .param("kind", group.kind().name())
                .param("description", group.description())
                .param("email", group.email())
                .param("servesAll", group.servesAllOrganizations())
                .param("active", group.active())
                .param("version", expectedVersion)
                .update();
        if (updated == 0) {
            throw new StaleVersion("support group", byId(group.id()).map(SupportGroup::version).orElse(-1L));
        }
        replaceLinks(group);
    }

    /** Makes {@code user} a member of exactly {@code groups}. */
    void setMemberships(UserId user, Set<SupportGroupId> groups) {
        jdbc.sql("delete from support_group_members where user_id = :user").param("user", user.value()).update();
        addMemberships(user, groups);
    }

    /** Memberships of a user who has none yet (a new one). */
    void addMemberships(UserId user, Set<SupportGroupId> groups) {
        for (SupportGroupId group : groups) {
            jdbc.sql("insert into support_group_members (support_group_id, user_id) values (:group, :user)")
                    .param("group", group.value())
                    .param("user", user.value())
                    .update();
        }
    }

    private void replaceLinks(SupportGroup group) {
        UUID id = group.id().value();
        jdbc.sql("delete from support_group_organizations where support_group_id = :id").param("id", id).update();
        jdbc.sql("delete from support_group_members where support_group_id = :id").param("id", id).update();
        for (OrganizationId org : group.organizationIds()) {
            jdbc.sql("insert into support_group_organizations (support_group_id, organization_id) values (:id, :org)")
                    .param("id", id)
                    .param("org", org.value())
                    .update();
        }
        for (UserId member : group.memberIds()) {
            jdbc.sql("insert into support_group_members (support_group_id, user_id) values (:id, :user)")
                    .param("id", id)
                    .param("user", member.value())
                    .update();
        }
    }

    private List<SupportGroup> complete(List<SupportGroup> groups) {
        if (groups.isEmpty()) {
            return groups;
        }
        List<UUID> ids = groups.stream().map(g -> g.id().value()).toList();
        Map<UUID, Set<OrganizationId>> orgs = new HashMap<>();
        jdbc.sql("select support_group_id, organization_id from support_group_organizations where support_group_id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    orgs.computeIfAbsent(requiredUuid(rs, "support_group_id"), k -> new HashSet<>())
                            .add(new OrganizationId(requiredUuid(rs, "organization_id")));
                });
        Map<UUID, Set<UserId>> members = new HashMap<>();
        jdbc.sql("select support_group_id, user_id from support_group_members where support_group_id in (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    members.computeIfAbsent(requiredUuid(rs, "support_group_id"), k -> new HashSet<>())
                            .add(new UserId(requiredUuid(rs, "user_id")));
                });
        return groups.stream()
                .map(g -> new SupportGroup(g.id(), g.name(), g.kind(), g.description(), g.email(), g.servesAllOrganizations(),
                        orgs.getOrDefault(g.id().value(), Set.of()), members.getOrDefault(g.id().value(), Set.of()),
                        g.active(), g.createdAt(), g.version()))
                .toList();
    }

    private static SupportGroup row(ResultSet rs, int n) throws SQLException {
        return new SupportGroup(
                new SupportGroupId(requiredUuid(rs, "id")),
                rs.getString("name"),
                SupportGroupKind.valueOf(rs.getString("kind")),
                rs.getString("description"),
                rs.getString("email"),
                rs.getBoolean("serves_all_organizations"),
                Set.of(),
                Set.of(),
                rs.getBoolean("active"),
                requiredInstant(rs, "created_at"),
                rs.getLong("version"));
    }
}
