package org.baton.ticket;

import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baton.identity.CurrentUser;
import org.baton.identity.UserId;
import org.baton.shared.DatabaseProduct;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What coordinators and team leads watch: the open incidents across the desk, and each team member's load.
 * Always within what the viewer may see.
 */
@Repository
class Workloads {

    /** The coordinator board shows at most this many incidents, the most urgent first. */
    static final int BOARD_LIMIT = 300;

    private final JdbcClient jdbc;
    private final DatabaseProduct database;

    Workloads(JdbcClient jdbc, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** One member's load: open tickets they own, open tickets assigned to them, and of those the late ones. */
    record Load(UserId member, int owned, int assigned, int overdueUpdates, int breached) {}

    /** Open incidents, by priority (P1 first), then oldest first. */
    List<Ticket> openIncidents(CurrentUser viewer) {
        Map<String, Object> p = new HashMap<>();
        String where = " where t.is_open = true and t.type = 'INCIDENT'" + Tickets.visibility(viewer, p);
        String page = " from tickets t" + where + " order by t.priority, t.created_at, t.id fetch first " + BOARD_LIMIT
                + " rows only";
        return jdbc.sql(Tickets.pageOf(database, page, " order by t.priority, t.created_at, t.id"))
                .params(p).query(Tickets.rows()).list();
    }

    List<Load> loads(CurrentUser viewer, List<UserId> members, Instant now) {
        if (members.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>();
        String visible = Tickets.visibility(viewer, p);
        p.put("members", members.stream().map(UserId::value).toList());
        p.put("now", timestamp(now));
        String sql = """
                select m.id,
                  (select count(*) from tickets t where t.owner_id = m.id and t.is_open = true%1$s) as owned,
                  (select count(*) from tickets t where t.assignee_id = m.id and t.is_open = true%1$s) as assigned,
                  (select count(*) from tickets t where (t.owner_id = m.id or t.assignee_id = m.id) and t.is_open = true
                      and t.next_update_due_at < :now%1$s) as overdue,
                  (select count(*) from tickets t where (t.owner_id = m.id or t.assignee_id = m.id) and t.is_open = true
                      and t.sla_due_at < :now%1$s) as breached
                  from users m where m.id in (:members)
                """.formatted(visible);
        return jdbc.sql(sql).params(p).query((rs, n) -> new Load(new UserId(requiredUuid(rs, "id")), rs.getInt("owned"),
                rs.getInt("assigned"), rs.getInt("overdue"), rs.getInt("breached"))).list();
    }

    /** The open tickets a member owns or works on, the most urgent first. */
    List<Ticket> openTicketsOf(CurrentUser viewer, UserId member) {
        Map<String, Object> p = new HashMap<>();
        String where = " where (t.owner_id = :member or t.assignee_id = :member) and t.is_open = true" + Tickets.visibility(viewer, p);
        p.put("member", member.value());
        String page = " from tickets t" + where + " order by t.priority, t.updated_at desc, t.id fetch first 200 rows only";
        return jdbc.sql(Tickets.pageOf(database, page, " order by t.priority, t.updated_at desc, t.id"))
                .params(p).query(Tickets.rows()).list();
    }
}
