package org.baton.sla;

import java.util.ArrayList;
import java.util.List;
import org.baton.calendar.CalendarId;
import org.baton.calendar.CalendarUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A calendar that a policy, one of its targets or a running clock measures on is in use and is not deleted. */
@Component
class SlaCalendarUsage implements CalendarUsage {

    private final JdbcClient jdbc;

    SlaCalendarUsage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> usesOf(CalendarId calendar) {
        List<String> uses = new ArrayList<>();
        jdbc.sql("""
                select distinct p.kind, p.name from sla_policies p
                 where p.calendar_id = :id or exists (select 1 from sla_targets t where t.policy_id = p.id and t.calendar_id = :id)
                 order by p.name""")
                .param("id", calendar.value())
                .query((rs, n) -> uses.add(rs.getString("kind") + " policy " + rs.getString("name")))
                .list();
        long clocks = jdbc.sql("select count(*) from sla_clocks where calendar_id = :id and state <> 'STOPPED'")
                .param("id", calendar.value()).query(Long.class).single();
        if (clocks > 0) {
            uses.add(clocks + " running service-level clock" + (clocks == 1 ? "" : "s"));
        }
        return uses;
    }
}
