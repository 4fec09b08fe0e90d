package org.baton.ticket;

import static org.baton.shared.SqlValues.instant;
import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;
import static org.baton.shared.SqlValues.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.baton.identity.CurrentUser;
import org.baton.identity.OrganizationId;
import org.baton.identity.SupportGroupId;
import org.baton.identity.UserId;
import org.baton.shared.DatabaseProduct;
import org.baton.shared.TransactionScoped;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ticket store. Every read that serves a user filters by what that user may see, in SQL; a
 * ticket outside their view does not exist for them. Saves are optimistic: an update names the
 * version it started from and changes nothing if the row moved on.
 *
 * <p>A ticket this transaction wrote is read back from memory until the transaction ends: its row is locked by
 * the transaction, so what was written is what is stored (the listeners of a change, such as the SLA clocks,
 * read the ticket they were told about without another query). Reads that answer a user ({@link #visible})
 * always go to the database.
 */
@Repository
class Tickets {

    private static final String COLUMNS = """
            select t.*, o.name as organization_name, ow.display_name as owner_name, g.name as working_group_name,
                   a.display_name as assignee_name
            """;

    private static final String NAMES = """
              join organizations o on o.id = t.organization_id
              left join users ow on ow.id = t.owner_id
              left join support_groups g on g.id = t.working_group_id
              left join users a on a.id = t.assignee_id
            """;

    static final String SELECT = COLUMNS + "  from tickets t\n" + NAMES;

    /** The transaction resource holding the tickets this transaction wrote, by id. */
    private static final Object WRITTEN = new Object() {
        @Override
        public String toString() {
            return "tickets written by this transaction";
        }
    };

    private final JdbcClient jdbc;
    private final DatabaseProduct database;

    Tickets(JdbcClient jdbc, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    TicketNumber nextNumber(TicketType type) {
        Long counter = jdbc.sql("select nextval('" + type.sequence() + "')").query(Long.class).single();
        return TicketNumber.of(type, counter);
    }

    void insert(Ticket t, @Nullable UUID scheduleId, @Nullable LocalDate schedulePeriod) {
        Map<String, @Nullable Object> p = params(t);
        p.put("id", t.id().value());
        p.put("number", t.number().value());
        p.put("type", t.type().name());
        p.put("organizationId", t.organizationId().value());
        p.put("requesterId", t.requesterId() == null ? null : t.requesterId().value());
        p.put("requesterName", t.requesterName());
        p.put("channel", t.channel().name());
        p.put("createdBy", t.createdBy() == null ? null : t.createdBy().value());
        p.put("createdAt", timestamp(t.createdAt()));
        p.put("slaDueAt", timestamp(t.slaDueAt()));
        p.put("scheduleId", scheduleId);
        p.put("schedulePeriod", schedulePeriod);
        jdbc.sql("""
                insert into tickets (id, number, type, status, is_open, pending_reason, impact, urgency, priority,
                    organization_id, requester_id, requester_name, requester_location, requester_contact, channel,
                    category, subject, description, owner_id, working_group_id, assignee_id, handoff_eta, handed_off,
                    ownership_transferred, reopened, first_contact_resolved, resolution_code, resolution_notes,
                    expected_restoration_at, restoration_unknown_reason, next_update_due_at, last_status_update_at,
                    due_at, merged_into_id, schedule_id, schedule_period, created_by, created_at, updated_at,
                    resolved_at, closed_at, sla_due_at, version)
                values (:id, :number, :type, :status, :isOpen, :pendingReason, :impact, :urgency, :priority,
                    :organizationId, :requesterId, :requesterName, :requesterLocation, :requesterContact, :channel,
                    :category, :subject, :description, :ownerId, :workingGroupId, :assigneeId, :handoffEta, :handedOff,
                    :ownershipTransferred, :reopened, :firstContactResolved, :resolutionCode, :resolutionNotes,
                    :expectedRestorationAt, :restorationUnknownReason, :nextUpdateDueAt, :lastStatusUpdateAt,
                    :dueAt, :mergedIntoId, :scheduleId, :schedulePeriod, :createdBy, :createdAt, :updatedAt,
                    :resolvedAt, :closedAt, :slaDueAt, :version)
                """).params(p).update();
        written(t, true);
    }

    /**
     * Saves {@code changed} if the stored ticket is still at {@code changed.version() - 1}.
     *
     * @return false when someone else changed the ticket first (nothing was written)
     */
    boolean update(Ticket changed) {
        Map<String, @Nullable Object> p = params(changed);
        p.put("id", changed.id().value());
        p.put("expected", changed.version() - 1);
        int rows = jdbc.sql("""
                update tickets set status = :status, is_open = :isOpen, pending_reason = :pendingReason,
                    impact = :impact, urgency = :urgency, priority = :priority,
                    requester_location = :requesterLocation, requester_contact = :requesterContact,
                    category = :category, subject = :subject, description = :description, owner_id = :ownerId,
                    working_group_id = :workingGroupId, assignee_id = :assigneeId, handoff_eta = :handoffEta,
                    handed_off = :handedOff, ownership_transferred = :ownershipTransferred, reopened = :reopened,
                    first_contact_resolved = :firstContactResolved, resolution_code = :resolutionCode,
                    resolution_notes = :resolutionNotes, expected_restoration_at = :expectedRestorationAt,
                    restoration_unknown_reason = :restorationUnknownReason, next_update_due_at = :nextUpdateDueAt,
                    last_status_update_at = :lastStatusUpdateAt, due_at = :dueAt, merged_into_id = :mergedIntoId,
                    updated_at = :updatedAt, resolved_at = :resolvedAt, closed_at = :closedAt, version = :version
                 where id = :id and version = :expected
                """).params(p).update();
        if (rows == 1) {
            written(changed, false);
        } else {
            forget(changed.id());
        }
        return rows == 1;
    }

    /**
     * Records the nearest running service-level due instant (not a change of the ticket: its version stays); nothing is
     * written when this transaction stored that instant already (a new ticket is inserted with its forecast).
     */
    void recordNearestDue(TicketId ticket, @Nullable Instant due) {
        Map<TicketId, Kept> written = writtenInThisTransaction(false);
        Kept kept = written == null ? null : written.get(ticket);
        if (kept != null && kept.dueStored() && java.util.Objects.equals(kept.ticket().slaDueAt(), due)) {
            return;
        }
        jdbc.sql("update tickets set sla_due_at = :due where id = :id")
                .param("due", due == null ? null : timestamp(due))
                .param("id", ticket.value())
                .update();
        if (kept != null) {
            written.put(ticket, new Kept(kept.ticket().withSlaDueAt(due), true));
        }
    }

    /**
     * A ticket this transaction wrote, and whether its nearest due instant is the stored one: an insert stores it, an
     * update does not (the SLA sweep changes it without a new version, so the copy's may be older than the row's).
     */
    private record Kept(Ticket ticket, boolean dueStored) {}

    private void written(Ticket t, boolean inserted) {
        Map<TicketId, Kept> written = writtenInThisTransaction(true);
        if (written != null) {
            written.put(t.id(), new Kept(t, inserted));
        }
    }

    private void forget(TicketId id) {
        Map<TicketId, Kept> written = writtenInThisTransaction(false);
        if (written != null) {
            written.remove(id);
        }
    }

    /** The tickets this transaction wrote, by id (null outside a transaction, and when none and not {@code create}). */
    private static @Nullable Map<TicketId, Kept> writtenInThisTransaction(boolean create) {
        return TransactionScoped.value(WRITTEN, create ? HashMap::new : null);
    }

    /** The ticket if {@code viewer} may see it. */
    Optional<Ticket> visible(TicketNumber number, CurrentUser viewer) {
        Map<String, Object> p = new HashMap<>();
        p.put("number", number.value());
        String where = " where t.number = :number" + visibility(viewer, p);
        return jdbc.sql(SELECT + where).params(p).query(rows()).optional();
    }

    /** The ticket whatever the viewer: for system work (schedules, merges) only. */
    Optional<Ticket> byNumber(TicketNumber number) {
        Map<TicketId, Kept> written = writtenInThisTransaction(false);
        if (written != null) {
            for (Kept kept : written.values()) {
                if (kept.ticket().number().equals(number)) {
                    return Optional.of(kept.ticket());
                }
            }
        }
        return jdbc.sql(SELECT + " where t.number = :number").param("number", number.value()).query(rows()).optional();
    }

    Optional<Ticket> byId(TicketId id) {
        Map<TicketId, Kept> written = writtenInThisTransaction(false);
        Kept kept = written == null ? null : written.get(id);
        if (kept != null) {
            return Optional.of(kept.ticket());
        }
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id.value()).query(rows()).optional();
    }

    /** The numbers of tickets, by id, for showing links and merges. */
    Map<TicketId, TicketNumber> numbers(List<TicketId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<TicketId, TicketNumber> numbers = new HashMap<>();
        jdbc.sql("select id, number from tickets where id in (:ids)")
                .param("ids", ids.stream().map(TicketId::value).toList())
                .query((rs, n) -> numbers.put(new TicketId(requiredUuid(rs, "id")), new TicketNumber(rs.getString("number"))))
                .list();
        return numbers;
    }

    /** The ids of the tickets merged into {@code ticket}, directly or through other merges. */
    List<TicketId> mergedInto(TicketId ticket) {
        List<TicketId> all = new ArrayList<>();
        List<TicketId> level = List.of(ticket);
        for (int depth = 0; depth < 10 && !level.isEmpty(); depth++) {
            level = jdbc.sql("select id from tickets where merged_into_id in (:ids)")
                    .param("ids", level.stream().map(TicketId::value).toList())
                    .query((rs, n) -> new TicketId(requiredUuid(rs, "id")))
                    .list();
            all.addAll(level);
        }
        return all;
    }

    /**
     * One page of the tickets {@code viewer} may see, newest change first, starting after the
     * position {@code after} (a cursor key from {@link #cursorKey}).
     */
    List<Ticket> page(CurrentUser viewer, TicketFilter filter, @Nullable String after, int fetchSize, Instant now) {
        return page(viewer, filter, TicketOrder.UPDATED_DESC, after, fetchSize, now);
    }

    /**
     * A page in {@code order}; {@link TicketOrder#SLA_DUE} lists only tickets with a running service-level target,
     * {@link TicketOrder#NEXT_UPDATE_DUE} only open tickets with a promised next update.
     */
    List<Ticket> page(CurrentUser viewer, TicketFilter filter, TicketOrder order, @Nullable String after, int fetchSize, Instant now) {
        Map<String, Object> p = new HashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        where.append(visibility(viewer, p));
        in(where, p, "t.status", "statuses", filter.statuses(), Enum::name);
        in(where, p, "t.type", "types", filter.types(), Enum::name);
        in(where, p, "t.priority", "priorities", filter.priorities(), Enum::name);
        if (filter.open() != null) {
            // a literal, not a parameter: a prepared statement's plan may then use the partial indexes of open tickets
            where.append(" and t.is_open = ").append(filter.open() ? "true" : "false");
        }
        equal(where, p, "t.owner_id", "ownerId", filter.ownerId() == null ? null : filter.ownerId().value());
        equal(where, p, "t.working_group_id", "groupId", filter.groupId() == null ? null : filter.groupId().value());
        equal(where, p, "t.organization_id", "organizationId",
                filter.organizationId() == null ? null : filter.organizationId().value());
        equal(where, p, "t.requester_id", "requesterId", filter.requesterId() == null ? null : filter.requesterId().value());
        if (filter.updatedSince() != null) {
            where.append(" and t.updated_at >= :updatedSince");
            p.put("updatedSince", timestamp(filter.updatedSince()));
        }
        if (filter.nextUpdateOverdue()) {
            where.append(" and t.is_open = true and t.next_update_due_at < :now");
            p.put("now", timestamp(now));
        }
        if (order != TicketOrder.UPDATED_DESC) {
            // the earliest instant first: the (…) index of that instant, read from its start
            String column = order == TicketOrder.SLA_DUE ? "t.sla_due_at" : "t.next_update_due_at";
            String index = order == TicketOrder.SLA_DUE ? "tickets_sla_due_idx" : "tickets_next_update_idx";
            if (order == TicketOrder.NEXT_UPDATE_DUE) {
                // a promise binds while the ticket is open (it is cleared when the ticket is resolved)
                where.append(" and t.is_open = true");
            }
            where.append(" and ").append(column).append(" is not null");
            if (after != null) {
                Cursor cursor = Cursor.parse(after);
                where.append(" and (%1$s > :afterDue or (%1$s = :afterDue and t.id > :afterId))".formatted(column));
                p.put("afterDue", timestamp(cursor.updatedAt()));
                p.put("afterId", cursor.id());
            }
            String rows = " from tickets t" + (database.isH2() ? " use index (" + index + ")" : "") + where
                    + " order by " + column + ", t.id fetch first " + fetchSize + " rows only";
            return jdbc.sql(pageOf(database, rows, " order by " + column + ", t.id")).params(p).query(rows()).list();
        }
        if (after != null) {
            Cursor cursor = Cursor.parse(after);
            where.append(" and (t.updated_at < :afterUpdated or (t.updated_at = :afterUpdated and t.id < :afterId))");
            p.put("afterUpdated", timestamp(cursor.updatedAt()));
            p.put("afterId", cursor.id());
        }
        // the page's ids first, from the tickets table alone, walking one (column, updated_at desc, id desc) index in order
        // and stopping after fetchSize rows; then the display names are joined to those few rows only. The ORDER BY names
        // the index's leading column (fixed by an equality, so the order is the same): H2 uses an index for sorting only
        // then, and only when told which one; PostgreSQL plans the same either way.
        KeysetIndex index = KeysetIndex.choose(viewer, filter, database.isH2());
        String rows = " from tickets t" + (database.isH2() ? " use index (" + index.name + ")" : "") + where
                + " order by " + index.leading + "t.updated_at desc, t.id desc fetch first " + fetchSize + " rows only";
        return jdbc.sql(pageOf(database, rows, " order by t.updated_at desc, t.id desc"))
                .params(p)
                .query(rows())
                .list();
    }

    /**
     * A page of tickets with their display names, in {@code order}: {@code rows} is the page's {@code from tickets t
     * where … order by … fetch first n rows only}, which walks one index in order and stops after n rows. On
     * PostgreSQL the page's rows are those the walk read, the names joined to them. On H2 the walk reads the ids only
     * and the rows are read again by key: H2 sorts by an index only in a query of the tickets table alone (with a hint,
     * see {@link #page}). Reading them by key again on PostgreSQL too, as until 2026-12-04, took twice the buffer
     * accesses for a page of the open queue (437 against 227, EXPLAIN (ANALYZE, BUFFERS) on the 1M desk) and 0.55
     * against 0.39 ms of PostgreSQL's CPU per page (docs/performance.md).
     */
    static String pageOf(DatabaseProduct database, String rows, String order) {
        if (database.isH2()) {
            return SELECT + " where t.id in (select t.id" + rows + ")" + order;
        }
        return COLUMNS + "  from (select t.*" + rows + ") t\n" + NAMES + order;
    }

    /** The (…, updated_at desc, id desc) index that serves a list: the most selective equality filter's. */
    private enum KeysetIndex {
        ORGANIZATION("tickets_org_updated_idx", "t.organization_id, "),
        OWNER("tickets_owner_updated_idx", "t.owner_id, "),
        GROUP("tickets_group_updated_idx", "t.working_group_id, "),
        REQUESTER("tickets_requester_updated_idx", "t.requester_id, "),
        STATUS("tickets_status_updated_idx", "t.status, "),
        /** PostgreSQL only: open tickets of one priority (a partial index). */
        OPEN_PRIORITY("tickets_priority_open_idx", "t.priority, "),
        OPEN("tickets_open_updated_idx", "t.is_open, "),
        ALL("tickets_updated_idx", "");

        final String name;
        final String leading;

        KeysetIndex(String name, String leading) {
            this.name = name;
            this.leading = leading;
        }

        static KeysetIndex choose(CurrentUser viewer, TicketFilter filter, boolean h2) {
            if (filter.ownerId() != null) {
                return OWNER;
            }
            if (filter.requesterId() != null) {
                return REQUESTER;
            }
            if (filter.organizationId() != null || viewer.isCustomer()) {
                return ORGANIZATION;
            }
            if (filter.groupId() != null) {
                return GROUP;
            }
            if (filter.statuses().size() == 1) {
                return STATUS;
            }
            if (!h2 && Boolean.TRUE.equals(filter.open()) && filter.priorities().size() == 1) {
                return OPEN_PRIORITY;
            }
            if (filter.open() != null || filter.nextUpdateOverdue()) {
                return OPEN;
            }
            return ALL;
        }
    }

    static String cursorKey(Ticket t) {
        return key(t.updatedAt(), t.id());
    }

    /** The cursor key of a ticket in a list in {@code order}. */
    static Function<Ticket, String> cursorKey(TicketOrder order) {
        return switch (order) {
            case UPDATED_DESC -> Tickets::cursorKey;
            case SLA_DUE -> t -> key(java.util.Objects.requireNonNull(t.slaDueAt(), "listed by due instant"), t.id());
            case NEXT_UPDATE_DUE -> t -> key(java.util.Objects.requireNonNull(t.nextUpdateDueAt(), "listed by next update"), t.id());
        };
    }

    private static String key(Instant at, TicketId id) {
        return at.getEpochSecond() + "." + at.getNano() + "_" + id.value();
    }

    /** A position in a list: the last change and id of the last ticket shown. */
    private record Cursor(Instant updatedAt, UUID id) {
        static Cursor parse(String key) {
            try {
                int underscore = key.indexOf('_');
                String[] time = key.substring(0, underscore).split("\\.");
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])),
                        UUID.fromString(key.substring(underscore + 1)));
            } catch (RuntimeException e) {
                throw new org.baton.api.BadParameter("cursor", "is not a cursor this API handed out");
            }
        }
    }

    /**
     * The SQL condition that limits tickets to those {@code viewer} may see: staff see their
     * organizations; a customer sees the tickets they requested, or their whole organization's where
     * it shares tickets among colleagues.
     */
    static String visibility(CurrentUser viewer, Map<String, Object> p) {
        if (viewer.isCustomer()) {
            p.put("viewerOrg", java.util.Objects.requireNonNull(viewer.organizationId(), "a customer has an organization").value());
            if (viewer.seesOrganizationWide()) {
                return " and t.organization_id = :viewerOrg";
            }
            p.put("viewerId", viewer.id().value());
            return " and t.organization_id = :viewerOrg and t.requester_id = :viewerId";
        }
        if (viewer.scope().all()) {
            return "";
        }
        if (viewer.scope().ids().isEmpty()) {
            return " and 1 = 0";
        }
        p.put("viewerOrgs", viewer.scope().ids().stream().map(OrganizationId::value).toList());
        return " and t.organization_id in (:viewerOrgs)";
    }

    private static <T> void in(StringBuilder where, Map<String, Object> p, String column, String name,
            java.util.Set<T> values, Function<T, String> text) {
        if (!values.isEmpty()) {
            where.append(" and ").append(column).append(" in (:").append(name).append(")");
            p.put(name, values.stream().map(text).toList());
        }
    }

    private static void equal(StringBuilder where, Map<String, Object> p, String column, String name, @Nullable UUID value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            p.put(name, value);
        }
    }

    private static Map<String, @Nullable Object> params(Ticket t) {
        Map<String, @Nullable Object> p = new HashMap<>();
        p.put("status", t.status().name());
        p.put("isOpen", t.status().isOpen());
        p.put("pendingReason", name(t.pendingReason()));
        p.put("impact", name(t.impact()));
        p.put("urgency", name(t.urgency()));
        p.put("priority", t.priority().name());
        p.put("requesterLocation", t.requesterLocation());
        p.put("requesterContact", t.requesterContact());
        p.put("category", t.category());
        p.put("subject", t.subject());
        p.put("description", t.description());
        p.put("ownerId", t.ownerId() == null ? null : t.ownerId().value());
        p.put("workingGroupId", t.workingGroupId() == null ? null : t.workingGroupId().value());
        p.put("assigneeId", t.assigneeId() == null ? null : t.assigneeId().value());
        p.put("handoffEta", timestamp(t.handoffEta()));
        p.put("handedOff", t.handedOff());
        p.put("ownershipTransferred", t.ownershipTransferred());
        p.put("reopened", t.reopened());
        p.put("firstContactResolved", t.firstContactResolved());
        p.put("resolutionCode", t.resolutionCode());
        p.put("resolutionNotes", t.resolutionNotes());
        p.put("expectedRestorationAt", timestamp(t.expectedRestorationAt()));
        p.put("restorationUnknownReason", t.restorationUnknownReason());
        p.put("nextUpdateDueAt", timestamp(t.nextUpdateDueAt()));
        p.put("lastStatusUpdateAt", timestamp(t.lastStatusUpdateAt()));
        p.put("dueAt", timestamp(t.dueAt()));
        p.put("mergedIntoId", t.mergedIntoId() == null ? null : t.mergedIntoId().value());
        p.put("updatedAt", timestamp(t.updatedAt()));
        p.put("resolvedAt", timestamp(t.resolvedAt()));
        p.put("closedAt", timestamp(t.closedAt()));
        p.put("version", t.version());
        return p;
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** The tickets of a query of {@link #SELECT}'s columns (or {@link #pageOf}'s), one per row. */
    static RowMapper<Ticket> rows() {
        return new RowReader();
    }

    /**
     * Reads the rows of one query, finding each column's position once, on its first row: by name for every value of
     * every row, pgjdbc looks the name up in a map each time, 45 lookups per ticket, and they were 13 % of Baton's time
     * in the list endpoint (a page of 50; JFR, 2026-12-06). A reader is made per query; it is not shared.
     */
    private static final class RowReader implements RowMapper<Ticket> {

        /** The columns read, in {@link #SELECT}. */
        private enum Column {
            ID, NUMBER, TYPE, STATUS, PENDING_REASON, IMPACT, URGENCY, PRIORITY, ORGANIZATION_ID, ORGANIZATION_NAME,
            REQUESTER_ID, REQUESTER_NAME, REQUESTER_LOCATION, REQUESTER_CONTACT, CHANNEL, CATEGORY, SUBJECT, DESCRIPTION,
            OWNER_ID, OWNER_NAME, WORKING_GROUP_ID, WORKING_GROUP_NAME, ASSIGNEE_ID, ASSIGNEE_NAME, HANDOFF_ETA, HANDED_OFF,
            OWNERSHIP_TRANSFERRED, REOPENED, FIRST_CONTACT_RESOLVED, RESOLUTION_CODE, RESOLUTION_NOTES,
            EXPECTED_RESTORATION_AT, RESTORATION_UNKNOWN_REASON, NEXT_UPDATE_DUE_AT, LAST_STATUS_UPDATE_AT, DUE_AT,
            MERGED_INTO_ID, CREATED_BY, CREATED_AT, UPDATED_AT, RESOLVED_AT, CLOSED_AT, SLA_DUE_AT, VERSION;

            private static final Column[] ALL = values();

            String label() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }

        private final int[] at = new int[Column.ALL.length];
        private @Nullable ResultSet positionsOf;

        @Override
        public Ticket mapRow(ResultSet rs, int n) throws SQLException {
            if (rs != positionsOf) {
                for (Column column : Column.ALL) {
                    at[column.ordinal()] = rs.findColumn(column.label());
                }
                positionsOf = rs;
            }
            UUID requester = uuid(rs, at(Column.REQUESTER_ID));
            UUID owner = uuid(rs, at(Column.OWNER_ID));
            UUID group = uuid(rs, at(Column.WORKING_GROUP_ID));
            UUID assignee = uuid(rs, at(Column.ASSIGNEE_ID));
            UUID merged = uuid(rs, at(Column.MERGED_INTO_ID));
            UUID createdBy = uuid(rs, at(Column.CREATED_BY));
            return new Ticket(
                    new TicketId(requiredUuid(rs, at(Column.ID))),
                    new TicketNumber(rs.getString(at(Column.NUMBER))),
                    TicketType.valueOf(rs.getString(at(Column.TYPE))),
                    TicketStatus.valueOf(rs.getString(at(Column.STATUS))),
                    optionalEnum(rs, at(Column.PENDING_REASON), PendingReason.class),
                    optionalEnum(rs, at(Column.IMPACT), Impact.class),
                    optionalEnum(rs, at(Column.URGENCY), Urgency.class),
                    Priority.valueOf(rs.getString(at(Column.PRIORITY))),
                    new OrganizationId(requiredUuid(rs, at(Column.ORGANIZATION_ID))),
                    rs.getString(at(Column.ORGANIZATION_NAME)),
                    requester == null ? null : new UserId(requester),
                    rs.getString(at(Column.REQUESTER_NAME)),
                    rs.getString(at(Column.REQUESTER_LOCATION)),
                    rs.getString(at(Column.REQUESTER_CONTACT)),
                    Channel.valueOf(rs.getString(at(Column.CHANNEL))),
                    rs.getString(at(Column.CATEGORY)),
                    rs.getString(at(Column.SUBJECT)),
                    rs.getString(at(Column.DESCRIPTION)),
                    owner == null ? null : new UserId(owner),
                    rs.getString(at(Column.OWNER_NAME)),
                    group == null ? null : new SupportGroupId(group),
                    rs.getString(at(Column.WORKING_GROUP_NAME)),
                    assignee == null ? null : new UserId(assignee),
                    rs.getString(at(Column.ASSIGNEE_NAME)),
                    instant(rs, at(Column.HANDOFF_ETA)),
                    rs.getBoolean(at(Column.HANDED_OFF)),
                    rs.getBoolean(at(Column.OWNERSHIP_TRANSFERRED)),
                    rs.getBoolean(at(Column.REOPENED)),
                    rs.getBoolean(at(Column.FIRST_CONTACT_RESOLVED)),
                    rs.getString(at(Column.RESOLUTION_CODE)),
                    rs.getString(at(Column.RESOLUTION_NOTES)),
                    instant(rs, at(Column.EXPECTED_RESTORATION_AT)),
                    rs.getString(at(Column.RESTORATION_UNKNOWN_REASON)),
                    instant(rs, at(Column.NEXT_UPDATE_DUE_AT)),
                    instant(rs, at(Column.LAST_STATUS_UPDATE_AT)),
                    instant(rs, at(Column.DUE_AT)),
                    merged == null ? null : new TicketId(merged),
                    createdBy == null ? null : new UserId(createdBy),
                    requiredInstant(rs, at(Column.CREATED_AT)),
                    requiredInstant(rs, at(Column.UPDATED_AT)),
                    instant(rs, at(Column.RESOLVED_AT)),
                    instant(rs, at(Column.CLOSED_AT)),
                    instant(rs, at(Column.SLA_DUE_AT)),
                    rs.getLong(at(Column.VERSION)));
        }

        private int at(Column column) {
            return at[column.ordinal()];
        }

        private static <E extends Enum<E>> @Nullable E optionalEnum(ResultSet rs, int column, Class<E> type) throws SQLException {
            String value = rs.getString(column);
            return value == null ? null : Enum.valueOf(type, value);
        }
    }

    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
