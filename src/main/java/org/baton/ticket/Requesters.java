package org.baton.ticket;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.baton.identity.CurrentUser;
import org.baton.identity.OrganizationId;
import org.baton.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The customers an agent may log a contact for, found as the agent types: active customers of active
 * organizations in the agent's scope whose name, email address or organization contains the text.
 */
@Repository
class Requesters {

    static final int LIMIT = 10;

    /** One customer offered as the requester. */
    record Option(UserId id, String name, String organizationName, String email, String location) {}

    private final JdbcClient jdbc;

    Requesters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Option> search(CurrentUser viewer, String text) {
        String q = text.strip().toLowerCase(Locale.ROOT);
        if (q.length() < 2 || !viewer.isStaff() || (!viewer.scope().all() && viewer.scope().ids().isEmpty())) {
            return List.of();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        p.put("limit", LIMIT);
        String scope = "";
        if (!viewer.scope().all()) {
            p.put("orgs", viewer.scope().ids().stream().map(OrganizationId::value).toList());
            scope = " and u.organization_id in (:orgs)";
        }
        return jdbc.sql("""
                select u.id, u.display_name, u.email, u.location, o.name as organization_name
                  from users u join organizations o on o.id = u.organization_id
                 where u.role = 'CUSTOMER' and u.active and o.active
                   and (lower(u.display_name) like :q escape '\\' or lower(u.email) like :q escape '\\'
                        or lower(o.name) like :q escape '\\')""" + scope + """

                 order by u.display_name, u.id
                 limit :limit""")
                .params(p)
                .query((rs, n) -> new Option(new UserId(rs.getObject("id", UUID.class)), rs.getString("display_name"),
                        rs.getString("organization_name"), rs.getString("email"), rs.getString("location")))
                .list();
    }
}
