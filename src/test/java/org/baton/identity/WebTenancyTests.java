package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.baton.Browser;
import org.baton.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** What each kind of user sees of the organizations in the browser UI. */
@IntegrationTest
class WebTenancyTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void aCustomerSeesOnlyTheirOwnOrganization() {
        Organization a = fixtures.organization();
        Organization b = fixtures.organization();
        var home = Browser.signedIn(mvc, fixtures.customerOf(a).username(), Fixtures.PASSWORD).get("/");
        assertThat(home).hasStatusOk().bodyText().contains(a.name()).doesNotContain(b.name()).doesNotContain(b.code());
    }

    @Test
    void anAgentSeesOnlyTheOrganizationsTheirGroupsServe() {
        Organization a = fixtures.organization();
        Organization b = fixtures.organization();
        var home = Browser.signedIn(mvc, fixtures.agentIn(fixtures.groupServing(a)).username(), Fixtures.PASSWORD).get("/");
        assertThat(home).bodyText().contains(a.name()).doesNotContain(b.name());
    }

    @Test
    void aCoordinatorSeesEveryOrganization() {
        Organization a = fixtures.organization();
        Organization b = fixtures.organization();
        var home = Browser.signedIn(mvc, fixtures.staff(Role.COORDINATOR).username(), Fixtures.PASSWORD).get("/");
        assertThat(home).bodyText().contains(a.name()).contains(b.name());
    }

    @Test
    void tokensAreShownOnceAndOthersCannotRevokeThem() throws Exception {
        User owner = fixtures.agentIn(fixtures.groupServingAll());
        Browser browser = Browser.signedIn(mvc, owner.username(), Fixtures.PASSWORD);
        var created = browser.post("/account/tokens", "name", "nightly report", "expiresInDays", "30");
        assertThat(created).hasStatusOk();
        String body = created.getResponse().getContentAsString();
        assertThat(body).contains("id=\"token-secret\"");
        String secret = body.replaceAll("(?s).*id=\"token-secret\">(baton_[^<]+)<.*", "$1");
        assertThat(secret).startsWith("baton_").hasSizeGreaterThan(40);
        assertThat(browser.get("/account/tokens")).bodyText().contains("nightly report").doesNotContain(secret);

        String id = body.replaceAll("(?s).*/account/tokens/([0-9a-f-]{36})/revoke.*", "$1");
        Browser stranger = Browser.signedIn(mvc, fixtures.agentIn(fixtures.groupServingAll()).username(), Fixtures.PASSWORD);
        assertThat(stranger.post("/account/tokens/" + id + "/revoke")).hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + secret)).hasStatus(200);

        assertThat(browser.post("/account/tokens/" + id + "/revoke")).hasRedirectedUrl("/account/tokens");
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + secret)).hasStatus(401);
    }

    @Test
    void aTokenWithoutNameIsRefusedWithAFieldError() {
        Browser browser = Browser.signedIn(mvc, fixtures.agentIn(fixtures.groupServingAll()).username(), Fixtures.PASSWORD);
        var result = browser.post("/account/tokens", "name", "  ", "expiresInDays", "30");
        assertThat(result).hasStatus(422);
        assertThat(result).bodyText().contains("id=\"name-error\"").doesNotContain("id=\"token-secret\"");
    }
}
