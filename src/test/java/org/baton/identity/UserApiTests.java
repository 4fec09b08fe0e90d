package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import org.baton.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class UserApiTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void meShowsTheCallerWithRoleAndGroups() {
        SupportGroup group = fixtures.groupServingAll();
        User lead = fixtures.staff(Role.TEAM_LEAD, group);

        MvcTestResult me = mvc.get().uri("/api/v1/me").header(AUTHORIZATION, "Bearer " + fixtures.tokenFor(lead)).exchange();

        assertThat(me).hasStatusOk().bodyJson().extractingPath("$.role").isEqualTo("TEAM_LEAD");
        assertThat(me).bodyJson().extractingPath("$.username").isEqualTo(lead.username());
        assertThat(me).bodyJson().extractingPath("$.timeZone").isEqualTo("UTC");
        assertThat(me).bodyJson().extractingPath("$.groupIds").asArray().containsExactly(group.id().toString());
    }

    @Test
    void anAdministratorCreatesACustomerWhoCanThenSignInAndNoPasswordDataIsEverShown() throws Exception {
        Organization org = fixtures.organization();
        String admin = fixtures.tokenFor(fixtures.admin());
        String name = Fixtures.unique("newcust");

        MvcTestResult created = mvc.post().uri("/api/v1/users").header(AUTHORIZATION, "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"" + name + "\", \"email\": \"" + name + "@" + org.mailDomains().getFirst()
                        + "\", \"displayName\": \"New Customer\", \"role\": \"customer\", \"organizationId\": \"" + org.id()
                        + "\", \"timeZone\": \"Europe/Berlin\", \"password\": \"a-long-passphrase\"}")
                .exchange();

        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.role").isEqualTo("CUSTOMER");
        assertThat(created).bodyJson().extractingPath("$.organizationId").isEqualTo(org.id().toString());
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).startsWith("http://localhost/api/v1/users/");
        assertThat(created.getResponse().getContentAsString()).doesNotContainIgnoringCase("password").doesNotContain("a-long-passphrase");
        assertThat(mvc.get().uri("/api/v1/me").headers(h -> h.setBasicAuth(name, "a-long-passphrase")).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.timeZone").isEqualTo("Europe/Berlin");
    }

    @Test
    void aShortPasswordAndACustomerWithoutOrganizationAreFieldErrors() {
        String admin = fixtures.tokenFor(fixtures.admin());
        String name = Fixtures.unique("short");

        MvcTestResult result = mvc.post().uri("/api/v1/users").header(AUTHORIZATION, "Bearer " + admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"" + name + "\", \"email\": \"" + name + "@x.example\", \"displayName\": \"S\", "
                        + "\"role\": \"CUSTOMER\", \"password\": \"short\"}")
                .exchange();

        assertThat(result).hasStatus(422).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("organizationId", "password");
    }

    @Test
    void filtersUsersByRoleGroupAndActive() {
        SupportGroup group = fixtures.groupServingAll();
        User member = fixtures.agentIn(group);
        User leaver = fixtures.agentIn(group);
        fixtures.deactivate(leaver);
        String admin = fixtures.tokenFor(fixtures.admin());

        assertThat(list(admin, "supportGroupId=" + group.id())).bodyJson().extractingPath("$.items[*].username").asArray()
                .containsExactlyInAnyOrder(member.username(), leaver.username());
        assertThat(list(admin, "supportGroupId=" + group.id() + "&active=true")).bodyJson().extractingPath("$.items[*].username")
                .asArray().containsExactly(member.username());
        assertThat(list(admin, "supportGroupId=" + group.id() + "&role=CUSTOMER")).bodyJson().extractingPath("$.items").asArray().isEmpty();
    }

    @Test
    void staffSeeSupportGroupsWithTheirMembersAndOrganizations() {
        Organization org = fixtures.organization();
        SupportGroup group = fixtures.groupServing(org);
        User agent = fixtures.agentIn(group);
        String token = fixtures.tokenFor(agent);

        MvcTestResult one = mvc.get().uri("/api/v1/support-groups/" + group.id()).header(AUTHORIZATION, "Bearer " + token).exchange();
        assertThat(one).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"0\"");
        assertThat(one).bodyJson().extractingPath("$.memberIds").asArray().containsExactly(agent.id().toString());
        assertThat(one).bodyJson().extractingPath("$.organizationIds").asArray().containsExactly(org.id().toString());
        assertThat(one).bodyJson().extractingPath("$.kind").isEqualTo("FIELD_SERVICES");
        assertThat(mvc.get().uri("/api/v1/support-groups?limit=200").header(AUTHORIZATION, "Bearer " + token).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.items[*].name").asArray().contains(group.name());
    }

    private MvcTestResult list(String token, String query) {
        return mvc.get().uri("/api/v1/users?limit=200&" + query).header(AUTHORIZATION, "Bearer " + token).exchange();
    }
}
