package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import org.baton.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Nobody learns of another organization's data through the API, by reading, listing or probing. */
@IntegrationTest
class OrganizationIsolationApiTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void aCustomerCannotReadAnotherOrganizationAndItLooksLikeItDoesNotExist() {
        Organization a = fixtures.organization();
        Organization b = fixtures.organization();
        String token = fixtures.tokenFor(fixtures.customerOf(a));

        assertThat(get(token, "/api/v1/organizations/" + a.id())).hasStatusOk().bodyJson().extractingPath("$.code").isEqualTo(a.code());
        MvcTestResult other = get(token, "/api/v1/organizations/" + b.id());
        MvcTestResult unknown = get(token, "/api/v1/organizations/" + OrganizationId.random());
        for (MvcTestResult result : new MvcTestResult[] {other, unknown}) {
            assertThat(result).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.type").isEqualTo("/problems/not-found");
        }
    }

    @Test
    void aCustomerListsOnlyTheirOwnOrganizationEvenWhenSearchingForAnother() {
        Organization a = fixtures.organization();
        Organization b = fixtures.organization();
        String token = fixtures.tokenFor(fixtures.customerOf(a));

        assertThat(get(token, "/api/v1/organizations?limit=200")).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].id").asArray().containsExactly(a.id().toString());
        assertThat(get(token, "/api/v1/organizations?q=" + b.code())).hasStatusOk().bodyJson()
                .extractingPath("$.items").asArray().isEmpty();
    }

    @Test
    void aCustomerCannotSeeAnotherOrganizationsUsers() {
        Organization a = fixtures.organizationSharingTickets();
        Organization b = fixtures.organizationSharingTickets();
        User customer = fixtures.customerOf(a);
        User stranger = fixtures.customerOf(b);
        String token = fixtures.tokenFor(customer);

        assertThat(get(token, "/api/v1/users/" + stranger.id())).hasStatus(404)
                .bodyJson().extractingPath("$.type").isEqualTo("/problems/not-found");
        assertThat(get(token, "/api/v1/users?limit=200&organizationId=" + b.id())).hasStatusOk()
                .bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(get(token, "/api/v1/users?limit=200&q=" + stranger.username())).hasStatusOk()
                .bodyJson().extractingPath("$.items").asArray().isEmpty();
    }

    @Test
    void aCustomerWithoutSharedVisibilitySeesOnlyThemselves() {
        Organization org = fixtures.organization();
        User customer = fixtures.customerOf(org);
        User colleague = fixtures.customerOf(org);
        String token = fixtures.tokenFor(customer);

        assertThat(get(token, "/api/v1/users?limit=200")).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].username").asArray().containsExactly(customer.username());
        assertThat(get(token, "/api/v1/users/" + colleague.id())).hasStatus(404);
        assertThat(get(token, "/api/v1/users/" + customer.id())).hasStatusOk();
    }

    @Test
    void aCustomerWithSharedVisibilitySeesColleaguesButNoOneElse() {
        Organization shared = fixtures.organizationSharingTickets();
        Organization other = fixtures.organizationSharingTickets();
        User customer = fixtures.customerOf(shared);
        User colleague = fixtures.customerOf(shared);
        fixtures.customerOf(other);
        fixtures.agentIn(fixtures.groupServing(shared));
        String token = fixtures.tokenFor(customer);

        assertThat(get(token, "/api/v1/users?limit=200")).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].username").asArray().containsExactlyInAnyOrder(customer.username(), colleague.username());
        assertThat(get(token, "/api/v1/users/" + colleague.id())).hasStatusOk()
                .bodyJson().extractingPath("$.organizationId").isEqualTo(shared.id().toString());
    }

    @Test
    void anAgentServingOneOrganizationCannotSeeAnotherOrganizationsCustomersOrTheOrganizationItself() {
        Organization a = fixtures.organization();
        Organization b = fixtures.organization();
        User theirs = fixtures.customerOf(a);
        User notTheirs = fixtures.customerOf(b);
        String token = fixtures.tokenFor(fixtures.agentIn(fixtures.groupServing(a)));

        assertThat(get(token, "/api/v1/users/" + theirs.id())).hasStatusOk();
        assertThat(get(token, "/api/v1/users/" + notTheirs.id())).hasStatus(404);
        assertThat(get(token, "/api/v1/users?role=CUSTOMER&limit=200&q=" + notTheirs.username())).hasStatusOk()
                .bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(get(token, "/api/v1/users?role=CUSTOMER&limit=200&organizationId=" + a.id())).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].username").asArray().containsExactly(theirs.username());
        assertThat(get(token, "/api/v1/organizations/" + b.id())).hasStatus(404);
        assertThat(get(token, "/api/v1/organizations?limit=200")).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].id").asArray().containsExactly(a.id().toString());
    }

    @Test
    void customersMayNotSeeSupportGroups() {
        SupportGroup group = fixtures.groupServingAll();
        String token = fixtures.tokenFor(fixtures.customerOf(fixtures.organization()));

        for (String uri : new String[] {"/api/v1/support-groups", "/api/v1/support-groups/" + group.id()}) {
            assertThat(get(token, uri)).hasStatus(403).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.type").isEqualTo("/problems/forbidden");
        }
    }

    @Test
    void customersAndAgentsMayNotCreateOrganizationsOrUsers() {
        Organization org = fixtures.organization();
        String customer = fixtures.tokenFor(fixtures.customerOf(org));
        String agent = fixtures.tokenFor(fixtures.agentIn(fixtures.groupServingAll()));
        String code = Fixtures.unique("X");

        for (String token : new String[] {customer, agent}) {
            assertThat(post(token, "/api/v1/organizations", "{\"name\": \"Org " + code + "\", \"code\": \"" + code + "\"}"))
                    .hasStatus(403).bodyJson().extractingPath("$.type").isEqualTo("/problems/forbidden");
            assertThat(post(token, "/api/v1/users", "{\"username\": \"u" + code + "\", \"email\": \"u" + code
                            + "@desk.example\", \"displayName\": \"U\", \"role\": \"ADMIN\"}"))
                    .hasStatus(403).bodyJson().extractingPath("$.status").isEqualTo(403);
        }
        String admin = fixtures.tokenFor(fixtures.admin());
        assertThat(get(admin, "/api/v1/organizations?q=" + code)).bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(get(admin, "/api/v1/users?q=u" + code)).bodyJson().extractingPath("$.items").asArray().isEmpty();
    }

    @Test
    void aCustomerCannotChangeTheirOwnOrganizationAndCannotEvenFindAnother() {
        Organization own = fixtures.organization();
        Organization other = fixtures.organization();
        String token = fixtures.tokenFor(fixtures.customerOf(own));

        assertThat(patch(token, "/api/v1/organizations/" + own.id(), "0")).hasStatus(403);
        assertThat(patch(token, "/api/v1/organizations/" + other.id(), "0")).hasStatus(404);
    }

    private MvcTestResult get(String token, String uri) {
        return mvc.get().uri(uri).header(AUTHORIZATION, "Bearer " + token).exchange();
    }

    private MvcTestResult post(String token, String uri, String json) {
        return mvc.post().uri(uri).header(AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult patch(String token, String uri, String version) {
        return mvc.patch().uri(uri).header(AUTHORIZATION, "Bearer " + token).header("If-Match", "\"" + version + "\"")
                .contentType("application/merge-patch+json").content("{\"active\": false}").exchange();
    }
}
