package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.baton.Browser;
import org.baton.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class AdminPagesTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Directory directory;

    private Browser admin() {
        return Browser.signedIn(mvc, fixtures.admin().username(), Fixtures.PASSWORD);
    }

    @Test
    void customersAndAgentsCannotReachAdministration() {
        Organization org = fixtures.organization();
        Browser customer = Browser.signedIn(mvc, fixtures.customerOf(org).username(), Fixtures.PASSWORD);
        Browser agent = Browser.signedIn(mvc, fixtures.agentIn(fixtures.groupServingAll()).username(), Fixtures.PASSWORD);
        for (String page : new String[] {"/admin/organizations", "/admin/users", "/admin/support-groups", "/admin/users/new"}) {
            assertThat(customer.get(page)).hasStatus(403);
            assertThat(agent.get(page)).hasStatus(403);
        }
        assertThat(customer.post("/admin/organizations", "name", "Evil Corp", "code", "EVIL")).hasStatus(403);
        assertThat(directory.organizations()).noneMatch(o -> o.code().equals("EVIL"));
    }

    @Test
    void anAdminCreatesAnOrganizationThatThenAppearsInTheList() {
        Browser admin = admin();
        String code = Fixtures.unique("C");
        assertThat(admin.post("/admin/organizations", "name", "Fabrikam " + code, "code", code.toLowerCase(),
                        "mailDomains", "fabrikam-" + code.toLowerCase() + ".example\n", "active", "true"))
                .hasStatus3xxRedirection().hasRedirectedUrl("/admin/organizations");
        assertThat(admin.get("/admin/organizations?q=" + code)).hasStatusOk().bodyText()
                .contains("Fabrikam " + code).contains(code).contains("Organization Fabrikam " + code + " created.");
        Organization saved = directory.organizationByMailDomain("fabrikam-" + code.toLowerCase() + ".example").orElseThrow();
        assertThat(saved.code()).isEqualTo(code);
        assertThat(saved.active()).isTrue();
    }

    @Test
    void anInvalidOrganizationFormShowsFieldErrorsAndKeepsTheInput() {
        Organization existing = fixtures.organization();
        Browser admin = admin();
        var result = admin.post("/admin/organizations", "name", "", "code", existing.code(), "mailDomains", "not a domain!");
        assertThat(result).hasStatus(422);
        assertThat(result).bodyText()
                .contains("id=\"name-error\"")
                .contains("another organization already uses this code")
                .contains("id=\"mailDomains-error\"")
                .contains("value=\"" + existing.code() + "\"")
                .contains("not a domain!");
        assertThat(directory.organizations()).filteredOn(o -> o.code().equals(existing.code())).hasSize(1);
    }

    @Test
    void editingAStaleOrganizationIsRefusedAndLosesNothing() {
        Organization org = fixtures.organization();
        Browser first = admin();
        Browser second = admin();
        String id = org.id().toString();
        assertThat(first.post("/admin/organizations/" + id, "name", org.name() + " Ltd", "code", org.code(), "version", "0", "active", "true"))
                .hasRedirectedUrl("/admin/organizations");
        var stale = second.post("/admin/organizations/" + id, "name", org.name() + " GmbH", "code", org.code(), "version", "0", "active", "true");
        assertThat(stale).hasStatus(409);
        assertThat(stale).bodyText().contains("id=\"conflict\"").contains(org.name() + " GmbH");
        assertThat(directory.organization(org.id()).orElseThrow().name()).isEqualTo(org.name() + " Ltd");
    }

    @Test
    void anAdminCreatesACustomerWhoCanThenSignIn() {
        Organization org = fixtures.organization();
        Browser admin = admin();
        String username = Fixtures.unique("newcust");
        assertThat(admin.post("/admin/users", "displayName", "New Customer", "username", username,
                        "email", username + "@" + org.mailDomains().getFirst(), "role", "CUSTOMER", "organizationId", org.id().toString(),
                        "timeZone", "Europe/Berlin", "password", "a-long-enough-secret", "active", "true"))
                .hasRedirectedUrl("/admin/users");
        Browser customer = Browser.signedIn(mvc, username, "a-long-enough-secret");
        assertThat(customer.get("/")).hasStatusOk().bodyText().contains(org.name()).contains("Europe/Berlin");
    }

    @Test
    void userFormRefusesACustomerWithoutOrganizationAndABadTimeZone() {
        Browser admin = admin();
        String username = Fixtures.unique("nobody");
        var result = admin.post("/admin/users", "displayName", "No Org", "username", username, "email", "bad-address",
                "role", "CUSTOMER", "organizationId", "", "timeZone", "Mars/Olympus", "password", "short");
        assertThat(result).hasStatus(422);
        assertThat(result).bodyText().contains("id=\"organizationId-error\"").contains("id=\"email-error\"")
                .contains("id=\"timeZone-error\"").contains("id=\"password-error\"").contains("value=\"" + username + "\"");
        assertThat(directory.userByLogin(username)).isEmpty();
    }

    @Test
    void settingAPasswordLiftsALockout() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        for (int i = 0; i < 3; i++) {
            new Browser(mvc).signIn(agent.username(), "wrong-" + i);
        }
        assertThat(new Browser(mvc).signIn(agent.username(), Fixtures.PASSWORD)).hasRedirectedUrl("/sign-in?error");
        assertThat(admin().post("/admin/users/" + agent.id() + "/password", "password", "a-brand-new-password"))
                .hasRedirectedUrl("/admin/users/" + agent.id());
        assertThat(new Browser(mvc).signIn(agent.username(), "a-brand-new-password")).hasRedirectedUrl("/");
    }

    @Test
    void anAdminPutsAnAgentIntoAGroupServingOneOrganization() {
        Organization served = fixtures.organization();
        Organization other = fixtures.organization();
        User agent = fixtures.agentIn();
        Browser admin = admin();
        String name = Fixtures.unique("On-site ");
        assertThat(admin.post("/admin/support-groups", "name", name, "kind", "FIELD_SERVICES", "organizationIds", served.id().toString(),
                        "memberIds", agent.id().toString(), "active", "true"))
                .hasRedirectedUrl("/admin/support-groups");
        assertThat(admin.get("/admin/support-groups")).bodyText().contains(name).contains(served.code());
        var home = Browser.signedIn(mvc, agent.username(), Fixtures.PASSWORD).get("/");
        assertThat(home).bodyText().contains(name).contains(served.name()).doesNotContain(other.name());
    }

    @Test
    void aGroupServingNobodyIsRefused() {
        var result = admin().post("/admin/support-groups", "name", Fixtures.unique("Nobody "), "kind", "NETWORK", "active", "true");
        assertThat(result).hasStatus(422);
        assertThat(result).bodyText().contains("id=\"organizationIds-error\"");
    }

    @Test
    void searchAsYouTypeReturnsOnlyTheRowsFragment() throws Exception {
        Organization org = fixtures.organization();
        var fragment = admin().htmx("/admin/organizations?q=" + org.code());
        assertThat(fragment).hasStatusOk();
        String body = fragment.getResponse().getContentAsString();
        assertThat(body).contains("id=\"organization-rows\"").contains(org.name()).doesNotContain("<html").doesNotContain("<nav");
    }
}
