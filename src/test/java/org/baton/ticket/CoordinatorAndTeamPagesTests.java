package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baton.ticket.Desk.body;
import static org.baton.ticket.Desk.read;

import java.time.Clock;
import java.time.Duration;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.baton.identity.User;
import org.baton.shared.SqlValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class CoordinatorAndTeamPagesTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc, fixtures);
    }

    @Test
    void theCoordinatorSeesOpenIncidentsByPriorityWithNoOwnerAndBreachesMarked() {
        String owned = desk.phoneIncident();
        String unowned = desk.portalIncident();
        jdbc.sql("update tickets set sla_due_at = :due where number = :n")
                .param("due", SqlValues.timestamp(clock.instant().minus(Duration.ofMinutes(20)))).param("n", owned).update();

        MvcTestResult board = desk.as(desk.coordinator).get("/coordinator");
        assertThat(board).hasStatusOk();
        String html = body(board);
        assertThat(html).contains("id=\"coordinator-table\"").contains("data-ticket=\"" + owned + "\"")
                .contains("data-ticket=\"" + unowned + "\"").contains("no owner").contains("breached 20 min ago")
                .contains("opened just now");
        int p2 = html.indexOf("data-ticket=\"" + owned + "\"");
        int p3 = html.indexOf("data-ticket=\"" + unowned + "\"");
        String ownedPriority = read(desk.get(desk.aliceToken, owned), "$.priority");
        String unownedPriority = read(desk.get(desk.aliceToken, unowned), "$.priority");
        if (ownedPriority.compareTo(unownedPriority) < 0) {
            assertThat(p2).isLessThan(p3);
        } else if (ownedPriority.compareTo(unownedPriority) > 0) {
            assertThat(p3).isLessThan(p2);
        }
        assertThat(desk.as(fixtures.admin()).get("/coordinator")).hasStatusOk();
    }

    @Test
    void agentsLeadsAndCustomersCannotOpenTheCoordinatorBoard() {
        assertThat(desk.as(desk.alice).get("/coordinator")).hasStatus(403);
        assertThat(desk.as(desk.lead).get("/coordinator")).hasStatus(403);
        assertThat(desk.as(desk.carol).get("/coordinator")).hasStatus(403);
    }

    @Test
    void aTeamLeadSeesTheWorkloadOfTheirGroupsMembers() {
        String first = desk.phoneIncident();
        desk.phoneIncident();
        jdbc.sql("update tickets set next_update_due_at = :due where number = :n")
                .param("due", SqlValues.timestamp(clock.instant().minus(Duration.ofMinutes(5)))).param("n", first).update();

        Browser lead = desk.as(desk.lead);
        MvcTestResult team = lead.get("/team");
        assertThat(team).hasStatusOk();
        String html = body(team);
        assertThat(html).contains("id=\"team-table\"").contains(desk.alice.displayName()).contains(desk.bob.displayName())
                .doesNotContain(desk.tech.displayName());
        assertThat(html).containsPattern("data-member=\"" + desk.alice.id() + "\"[^>]*>\\s*<td>.*?</td>\\s*<td class=\"text-end\">2</td>"
                + "\\s*<td class=\"text-end\">0</td>\\s*<td class=\"text-end sla-breached fw-semibold\">1</td>");

        MvcTestResult tickets = lead.get("/team?member=" + desk.alice.id());
        assertThat(body(tickets)).contains("id=\"member-tickets\"").contains("data-ticket=\"" + first + "\"");
        // a team lead looks only at the groups they lead
        assertThat(lead.get("/team?group=" + desk.field.id())).hasStatus(403);
        assertThat(desk.as(desk.coordinator).get("/team?group=" + desk.field.id())).hasStatusOk().bodyText().contains(desk.tech.displayName());
    }

    @Test
    void agentsAndCustomersCannotOpenTheTeamPageOrReassign() {
        String number = desk.phoneIncident();
        assertThat(desk.as(desk.alice).get("/team")).hasStatus(403);
        assertThat(desk.as(desk.carol).get("/team")).hasStatus(403);
        assertThat(desk.as(desk.bob).post("/team/reassign", "number", number, "ownerId", desk.bob.id().toString(), "reason", "mine now"))
                .hasStatus(403);
        assertThat(read(desk.get(desk.aliceToken, number), "$.owner.id").toString()).isEqualTo(desk.alice.id().toString());
    }

    @Test
    void aTransferWithoutAReasonShowsTheFieldErrorAndChangesNothing() {
        String number = desk.phoneIncident();
        Browser lead = desk.as(desk.lead);
        MvcTestResult form = lead.get("/team?member=" + desk.alice.id() + "&ticket=" + number);
        assertThat(body(form)).contains("id=\"reassign-form\"").contains("value=\"" + desk.bob.id() + "\"");

        MvcTestResult refused = lead.post("/team/reassign", "number", number, "ownerId", desk.bob.id().toString(), "reason", " ",
                "member", desk.alice.id().toString());
        assertThat(refused).hasStatus(422);
        assertThat(body(refused)).contains("id=\"reason-error\"").contains("id=\"reassign-form\"")
                .contains("<option value=\"" + desk.bob.id() + "\" selected=\"selected\"");
        assertThat(read(desk.get(desk.aliceToken, number), "$.owner.id").toString()).isEqualTo(desk.alice.id().toString());

        MvcTestResult noOwner = lead.post("/team/reassign", "number", number, "ownerId", "", "reason", "Alice is on leave");
        assertThat(noOwner).hasStatus(422);
        assertThat(body(noOwner)).contains("id=\"ownerId-error\"").contains("Alice is on leave");

        MvcTestResult done = lead.post("/team/reassign", "number", number, "ownerId", desk.bob.id().toString(),
                "reason", "Alice is on leave", "member", desk.alice.id().toString());
        assertThat(done).hasStatus3xxRedirection();
        assertThat(read(desk.get(desk.aliceToken, number), "$.owner.id").toString()).isEqualTo(desk.bob.id().toString());
        assertThat(lead.get(done.getResponse().getRedirectedUrl())).bodyText().contains(number + " is now owned by " + desk.bob.displayName());
    }
}
