package org.baton.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.baton.IntegrationTest;
import org.baton.calendar.CalendarId;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.Role;
import org.baton.identity.SupportGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The service-level policy API: who may do what, and every refused value named by its field with nothing saved. */
@IntegrationTest
class PolicyApiTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    Organization org;
    SupportGroup group;
    String admin;
    String agent;
    String customer;

    @BeforeEach
    void people() {
        org = fixtures.organization();
        group = fixtures.groupServing(org);
        admin = fixtures.tokenFor(fixtures.admin());
        agent = fixtures.tokenFor(fixtures.staff(Role.AGENT, group));
        customer = fixtures.tokenFor(fixtures.customerOf(org));
    }

    String sla(String name, String targets) {
        return """
                {"kind": "SLA", "name": "%s", "organizationId": "%s", "calendarId": "%s", "targets": [%s]}
                """.formatted(name, org.id(), CalendarId.TWENTY_FOUR_SEVEN, targets);
    }

    @Test
    void anAdministratorCreatesReadsReplacesAndDeletesAPolicy() {
        String name = Fixtures.unique("Contract");
        MvcTestResult created = send("POST", admin, "/api/v1/service-level-policies", sla(name,
                "{\"ticketType\": \"INCIDENT\", \"priority\": \"P1\", \"target\": \"RESOLUTION\", \"duration\": \"PT4H\"}"), null);
        assertThat(created.getResponse().getStatus()).as(body(created)).isEqualTo(201);
        String location = created.getResponse().getHeader("Location");
        assertThat(location).contains("/api/v1/service-level-policies/");
        assertThat(JsonPath.<List<Integer>>read(body(created), "$.warningPercents")).containsExactly(75, 90);
        assertThat(JsonPath.<List<String>>read(body(created), "$.pauseOn")).containsExactly("CUSTOMER");
        String path = location.substring(location.indexOf("/api/"));
        MvcTestResult read = send("GET", agent, path, null, null);
        assertThat(read.getResponse().getStatus()).isEqualTo(200);
        assertThat(read.getResponse().getHeader("ETag")).isEqualTo("\"0\"");

        MvcTestResult replaced = send("PUT", admin, path, sla(name,
                "{\"ticketType\": \"INCIDENT\", \"priority\": \"P1\", \"target\": \"RESOLUTION\", \"duration\": \"PT2H\"}"), "\"0\"");
        assertThat(replaced.getResponse().getStatus()).as(body(replaced)).isEqualTo(200);
        assertThat(JsonPath.<String>read(body(replaced), "$.targets[0].duration")).isEqualTo("PT2H");

        MvcTestResult stale = send("PUT", admin, path, sla(name,
                "{\"ticketType\": \"INCIDENT\", \"priority\": \"P1\", \"target\": \"RESOLUTION\", \"duration\": \"PT1H\"}"), "\"0\"");
        assertThat(stale.getResponse().getStatus()).isEqualTo(412);
        assertThat(JsonPath.<String>read(body(send("GET", agent, path, null, null)), "$.targets[0].duration")).isEqualTo("PT2H");

        assertThat(send("DELETE", admin, path, null, "\"1\"").getResponse().getStatus()).isEqualTo(204);
        assertThat(send("GET", agent, path, null, null).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void refusesBadValuesNamingEachFieldAndSavesNothing() {
        String name = Fixtures.unique("Broken");
        MvcTestResult refused = send("POST", admin, "/api/v1/service-level-policies", """
                {"kind": "SLA", "name": "%s", "organizationId": "%s", "calendarId": "%s", "warningPercents": [90, 75],
                 "pauseOn": ["NAPTIME"],
                 "targets": [{"ticketType": "INCIDENT", "priority": "P1", "target": "RESOLUTION", "duration": "PT0S"},
                             {"ticketType": "INCIDENT", "priority": "P1", "target": "RESOLUTION", "duration": "-PT1H"},
                             {"ticketType": "INCIDENT", "priority": "P9", "target": "ACCEPT", "duration": "soon"}]}
                """.formatted(name, org.id(), java.util.UUID.randomUUID()), null);
        assertThat(refused.getResponse().getStatus()).isEqualTo(422);
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(JsonPath.<List<String>>read(body(refused), "$.errors[*].field")).contains("calendarId", "warningPercents[1]",
                "pauseOn[0]", "targets[0].duration", "targets[1].duration", "targets[2].priority", "targets[2].target",
                "targets[2].duration");
        assertThat(JsonPath.<List<String>>read(body(send("GET", agent, "/api/v1/service-level-policies?limit=200", null, null)),
                "$.items[*].name")).doesNotContain(name);
    }

    @Test
    void refusesASecondPolicyForTheSameOrganizationAndAnOlaWithoutAGroup() {
        String target = "{\"ticketType\": \"INCIDENT\", \"priority\": \"P1\", \"target\": \"RESOLUTION\", \"duration\": \"PT4H\"}";
        assertThat(send("POST", admin, "/api/v1/service-level-policies", sla(Fixtures.unique("One"), target), null)
                .getResponse().getStatus()).isEqualTo(201);
        MvcTestResult second = send("POST", admin, "/api/v1/service-level-policies", sla(Fixtures.unique("Two"), target), null);
        assertThat(second.getResponse().getStatus()).isEqualTo(422);
        assertThat(JsonPath.<List<String>>read(body(second), "$.errors[*].field")).containsExactly("organizationId");
        MvcTestResult ola = send("POST", admin, "/api/v1/service-level-policies", """
                {"kind": "OLA", "name": "%s", "calendarId": "%s", "targets": [{"priority": "P1", "target": "RESOLUTION", "duration": "PT1H"}]}
                """.formatted(Fixtures.unique("Ola"), CalendarId.TWENTY_FOUR_SEVEN), null);
        assertThat(ola.getResponse().getStatus()).isEqualTo(422);
        assertThat(JsonPath.<List<String>>read(body(ola), "$.errors[*].field")).contains("supportGroupId", "targets[0].target");
    }

    @Test
    void aCalendarAPolicyMeasuresOnIsNotDeleted() {
        MvcTestResult calendar = send("POST", admin, "/api/v1/calendars", """
                {"name": "%s", "timeZone": "Europe/Berlin",
                 "weeklyHours": {"MONDAY": [{"start": "09:00", "end": "17:00"}]}}""".formatted(Fixtures.unique("Mondays")), null);
        assertThat(calendar.getResponse().getStatus()).as(body(calendar)).isEqualTo(201);
        String calendarId = JsonPath.read(body(calendar), "$.id");
        String policyName = Fixtures.unique("On Mondays");
        MvcTestResult policy = send("POST", admin, "/api/v1/service-level-policies", """
                {"kind": "SLA", "name": "%s", "organizationId": "%s", "calendarId": "%s",
                 "targets": [{"ticketType": "INCIDENT", "priority": "P1", "target": "RESOLUTION", "duration": "PT4H"}]}
                """.formatted(policyName, org.id(), calendarId), null);
        assertThat(policy.getResponse().getStatus()).as(body(policy)).isEqualTo(201);
        MvcTestResult refused = send("DELETE", admin, "/api/v1/calendars/" + calendarId, null, "\"0\"");
        assertThat(refused.getResponse().getStatus()).as(body(refused)).isEqualTo(409);
        assertThat(JsonPath.<String>read(body(refused), "$.detail")).contains(policyName);
    }

    @Test
    void customersMayNotSeePoliciesAndAgentsMayNotChangeThem() {
        assertThat(send("GET", customer, "/api/v1/service-level-policies", null, null).getResponse().getStatus()).isEqualTo(403);
        assertThat(send("POST", agent, "/api/v1/service-level-policies", sla(Fixtures.unique("Nope"),
                "{\"ticketType\": \"INCIDENT\", \"priority\": \"P1\", \"target\": \"RESOLUTION\", \"duration\": \"PT4H\"}"), null)
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(send("GET", agent, "/api/v1/service-level-policies?kind=XLA", null, null).getResponse().getStatus()).isEqualTo(400);
    }

    MvcTestResult send(String method, String token, String uri, String json, String ifMatch) {
        var request = switch (method) {
            case "POST" -> mvc.post().uri(uri);
            case "PUT" -> mvc.put().uri(uri);
            case "DELETE" -> mvc.delete().uri(uri);
            default -> mvc.get().uri(uri);
        };
        request = request.header(AUTHORIZATION, "Bearer " + token);
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.exchange();
    }

    static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
