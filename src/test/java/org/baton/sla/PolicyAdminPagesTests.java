package org.baton.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.calendar.CalendarId;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The service-level admin pages: the target grid, field errors in their cells with the input kept, and who may come. */
@IntegrationTest
class PolicyAdminPagesTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired ServiceLevelPolicies policies;

    Browser admin() {
        return Browser.signedIn(mvc, fixtures.admin().username(), Fixtures.PASSWORD);
    }

    @Test
    void anAdminCreatesAnSlaFromTheGridAndSeesItListed() {
        Organization org = fixtures.organization();
        String name = Fixtures.unique("Gold");
        Browser admin = admin();
        assertThat(admin.get("/admin/service-levels/new?kind=SLA")).hasStatusOk().bodyText()
                .contains("id=\"targets-grid\"").contains("name=\"t_INCIDENT-P1-FIRST_RESPONSE\"");
        assertThat(admin.post("/admin/service-levels", "kind", "SLA", "name", name, "scope", org.id().toString(),
                        "calendarId", CalendarId.TWENTY_FOUR_SEVEN.toString(), "warnings", "80", "pauseOn", "CUSTOMER",
                        "t_INCIDENT-P1-FIRST_RESPONSE", "15m", "t_INCIDENT-P1-RESOLUTION", "4h 30m", "t_SERVICE_REQUEST-P3-RESOLUTION", "PT24H",
                        "t_INCIDENT-P2-NEXT_UPDATE", ""))
                .hasStatus3xxRedirection().hasRedirectedUrl("/admin/service-levels");
        ServiceLevelPolicy saved = policies.slaFor(org.id()).orElseThrow();
        assertThat(saved.name()).isEqualTo(name);
        assertThat(saved.warningPercents()).containsExactly(80);
        assertThat(saved.targets()).extracting(PolicyTarget::duration)
                .containsExactlyInAnyOrder(Duration.ofMinutes(15), Duration.ofMinutes(270), Duration.ofHours(24));
        assertThat(admin.get("/admin/service-levels")).hasStatusOk().bodyText().contains(name).contains(org.name())
                .contains("Policy " + name + " created.");
        assertThat(admin.get("/admin/service-levels/" + saved.id())).hasStatusOk().bodyText().contains("value=\"4h 30m\"");
    }

    @Test
    void badCellsAreMarkedWhereTheyAreAndNothingIsSaved() {
        Organization org = fixtures.organization();
        var result = admin().post("/admin/service-levels", "kind", "SLA", "name", "", "scope", org.id().toString(),
                "calendarId", CalendarId.TWENTY_FOUR_SEVEN.toString(), "warnings", "90, 75",
                "t_INCIDENT-P1-FIRST_RESPONSE", "soon", "t_INCIDENT-P1-RESOLUTION", "0m", "t_INCIDENT-P2-RESOLUTION", "8h");
        assertThat(result).hasStatus(422);
        assertThat(result).bodyText().contains("id=\"form-errors\"").contains("id=\"name-error\"").contains("id=\"warnings-error\"")
                .contains("id=\"t_INCIDENT-P1-FIRST_RESPONSE-error\"").contains("value=\"soon\"")
                .contains("id=\"t_INCIDENT-P1-RESOLUTION-error\"").contains("must be more than zero")
                .doesNotContain("id=\"t_INCIDENT-P2-RESOLUTION-error\"").contains("value=\"8h\"");
        assertThat(policies.slaFor(org.id())).isEmpty();
    }

    @Test
    void agentsAndCustomersCannotReachThePages() {
        Organization org = fixtures.organization();
        Browser agent = Browser.signedIn(mvc, fixtures.agentIn(fixtures.groupServing(org)).username(), Fixtures.PASSWORD);
        Browser customer = Browser.signedIn(mvc, fixtures.customerOf(org).username(), Fixtures.PASSWORD);
        assertThat(agent.get("/admin/service-levels")).hasStatus(403);
        assertThat(customer.get("/admin/service-levels/new")).hasStatus(403);
    }
}
