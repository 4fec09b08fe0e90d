package org.baton.ticket;

import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;
import static org.baton.shared.SqlValues.uuid;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baton.identity.OrganizationId;
import org.baton.identity.UserId;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queue filters each user saved under a name: private to that user, shown as extra tabs on their queue page. */
@Repository
class SavedQueueFilters {

    static final int MAX_NAME = 60;
    static final int MAX_PER_USER = 20;

    private final JdbcClient jdbc;

    SavedQueueFilters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A saved tab: its name and the queue it stands for. */
    record SavedFilter(UUID id, String name, QueueQuery query) {}

    List<SavedFilter> of(UserId user) {
        return jdbc.sql("select * from saved_queue_filters where user_id = :user order by name")
                .param("user", user.value())
                .query((rs, n) -> {
                    UUID org = uuid(rs, "organization_id");
                    String priority = rs.getString("priority");
                    String type = rs.getString("ticket_type");
                    return new SavedFilter(requiredUuid(rs, "id"), rs.getString("name"), new QueueQuery(
                            QueueView.valueOf(rs.getString("queue_view")),
                            priority == null ? null : Priority.valueOf(priority),
                            type == null ? null : TicketType.valueOf(type),
                            org == null ? null : new OrganizationId(org),
                            QueueSort.valueOf(rs.getString("sort_order")), null));
                })
                .list();
    }

    Optional<SavedFilter> find(UserId user, UUID id) {
        return of(user).stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** Saves {@code query} under {@code name} for {@code user}; the name is required and unique per user. */
    SavedFilter save(UserId user, @Nullable String name, QueueQuery query, Instant now) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw InvalidInput.of("name", "is required: the name of the new tab");
        }
        if (trimmed.length() > MAX_NAME) {
            throw InvalidInput.of("name", "must be at most " + MAX_NAME + " characters");
        }
        List<SavedFilter> existing = of(user);
        if (existing.stream().anyMatch(f -> f.name().equalsIgnoreCase(trimmed))) {
            throw InvalidInput.of("name", "you already have a saved filter called " + trimmed);
        }
        if (existing.size() >= MAX_PER_USER) {
            throw InvalidInput.of("name", "you have " + MAX_PER_USER + " saved filters already; delete one first");
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into saved_queue_filters (id, user_id, name, queue_view, priority, ticket_type, organization_id, sort_order, created_at)
                    values (:id, :user, :name, :view, :priority, :type, :org, :sort, :now)
                    """)
                    .param("id", id)
                    .param("user", user.value())
                    .param("name", trimmed)
                    .param("view", query.view().name())
                    .param("priority", query.priority() == null ? null : query.priority().name())
                    .param("type", query.type() == null ? null : query.type().name())
                    .param("org", query.organizationId() == null ? null : query.organizationId().value())
                    .param("sort", query.sort().name())
                    .param("now", timestamp(now))
                    .update();
        } catch (DuplicateKeyException e) {
            throw InvalidInput.of("name", "you already have a saved filter called " + trimmed);
        }
        return new SavedFilter(id, trimmed, query);
    }

    /** Deletes one of {@code user}'s saved filters; false when they have none with this id. */
    boolean delete(UserId user, UUID id) {
        return jdbc.sql("delete from saved_queue_filters where id = :id and user_id = :user")
                .param("id", id).param("user", user.value()).update() == 1;
    }
}
