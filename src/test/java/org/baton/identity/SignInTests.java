package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.baton.Browser;
import org.baton.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class SignInTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void signsInWithUsernameOrEmailAndLandsOnHome() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        for (String login : new String[] {agent.username(), agent.email().toUpperCase()}) {
            Browser browser = new Browser(mvc);
            assertThat(browser.signIn(login, Fixtures.PASSWORD)).hasStatus3xxRedirection().hasRedirectedUrl("/");
            assertThat(browser.get("/")).hasStatusOk().bodyText().contains(agent.displayName());
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameGenericMessageAndKeepTheUsername() throws Exception {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        Browser wrong = new Browser(mvc);
        assertThat(wrong.signIn(agent.username(), "not-the-password")).hasRedirectedUrl("/sign-in?error");
        Browser unknown = new Browser(mvc);
        assertThat(unknown.signIn("nobody-" + agent.username(), "whatever-password")).hasRedirectedUrl("/sign-in?error");

        String afterWrong = wrong.get("/sign-in?error").getResponse().getContentAsString();
        String afterUnknown = unknown.get("/sign-in?error").getResponse().getContentAsString();
        assertThat(afterWrong).contains("id=\"sign-in-error\"").contains("value=\"" + agent.username() + "\"");
        assertThat(afterUnknown).contains("id=\"sign-in-error\"");
        assertThat(errorOf(afterWrong)).isEqualTo(errorOf(afterUnknown));
    }

    @Test
    void locksTheAccountAfterRepeatedFailuresSoEvenTheRightPasswordFails() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        for (int i = 0; i < 3; i++) { // max-failures is 3 in the test profile
            assertThat(new Browser(mvc).signIn(agent.username(), "wrong-" + i)).hasRedirectedUrl("/sign-in?error");
        }
        assertThat(new Browser(mvc).signIn(agent.username(), Fixtures.PASSWORD)).hasRedirectedUrl("/sign-in?error");
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        new Browser(mvc).signIn(agent.username(), "wrong-1");
        new Browser(mvc).signIn(agent.username(), "wrong-2");
        assertThat(new Browser(mvc).signIn(agent.username(), Fixtures.PASSWORD)).hasRedirectedUrl("/");
        new Browser(mvc).signIn(agent.username(), "wrong-3");
        assertThat(new Browser(mvc).signIn(agent.username(), Fixtures.PASSWORD)).hasRedirectedUrl("/");
    }

    @Test
    void refusesASignInPostWithoutCsrfToken() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        assertThat(new Browser(mvc).postWithoutCsrf("/sign-in", "username", agent.username(), "password", Fixtures.PASSWORD))
                .hasStatus(403);
    }

    @Test
    void sendsAnonymousVisitorsToTheSignInPage() {
        assertThat(new Browser(mvc).get("/admin/users")).hasStatus3xxRedirection().redirectedUrl().endsWith("/sign-in");
    }

    @Test
    void aDeactivatedUserIsSignedOutOnTheirNextRequest() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        Browser browser = Browser.signedIn(mvc, agent.username(), Fixtures.PASSWORD);
        assertThat(browser.get("/")).hasStatusOk();
        fixtures.deactivate(agent);
        assertThat(browser.get("/")).hasStatus3xxRedirection().hasRedirectedUrl("/sign-in?deactivated");
        assertThat(new Browser(mvc).signIn(agent.username(), Fixtures.PASSWORD)).hasRedirectedUrl("/sign-in?error");
    }

    @Test
    void signOutEndsTheSession() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        Browser browser = Browser.signedIn(mvc, agent.username(), Fixtures.PASSWORD);
        assertThat(browser.post("/sign-out")).hasRedirectedUrl("/sign-in?signed-out");
        assertThat(browser.get("/")).hasStatus3xxRedirection();
    }

    private static String errorOf(String page) {
        int start = page.indexOf("id=\"sign-in-error\"");
        return page.substring(start, page.indexOf("</div>", start));
    }
}
