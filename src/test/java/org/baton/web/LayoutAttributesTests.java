package org.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.baton.identity.Role;
import org.baton.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Every page's layout knows who is signed in, where they are and when the page was made; a redirect carries none of it. */
@IntegrationTest
class LayoutAttributesTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void aPageShowsWhoIsSignedInMarksWhereTheyAreAndWhenItWasMade() throws Exception {
        User coordinator = fixtures.staff(Role.COORDINATOR);
        Browser browser = Browser.signedIn(mvc, coordinator.username(), Fixtures.PASSWORD);
        Instant before = Instant.now().minusSeconds(1);

        String page = browser.get("/coordinator").getResponse().getContentAsString();

        assertThat(page).contains("id=\"signed-in-as\"").contains(coordinator.displayName()).contains("Coordinator");
        // the navigation marks the page the user is on, from the request's path
        assertThat(page).containsPattern("class=\"nav-link active\"[^>]*id=\"nav-coordinator\"");
        String renderedAt = page.replaceAll("(?s).*<meta name=\"baton-rendered-at\" content=\"([^\"]+)\".*", "$1");
        assertThat(Instant.parse(renderedAt)).isAfter(before).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void anAgentsHomePageMarksHomeAndOffersNoCoordinatorPage() throws Exception {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        Browser browser = Browser.signedIn(mvc, agent.username(), Fixtures.PASSWORD);
        String home = browser.get("/").getResponse().getContentAsString();
        assertThat(home).containsPattern("class=\"nav-link active\"[^>]*>Home<");
        assertThat(home).doesNotContain("id=\"nav-coordinator\"");
    }

    @Test
    void aRedirectAfterAFormCarriesNoLayoutValuesInItsAddress() throws Exception {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        Browser browser = Browser.signedIn(mvc, agent.username(), Fixtures.PASSWORD);
        String created = browser.post("/account/tokens", "name", "layout check", "expiresInDays", "30").getResponse()
                .getContentAsString();
        String id = created.replaceAll("(?s).*/account/tokens/([0-9a-f-]{36})/revoke.*", "$1");

        assertThat(browser.post("/account/tokens/" + id + "/revoke")).hasRedirectedUrl("/account/tokens");
    }
}
