package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;
import static org.springframework.http.HttpHeaders.WWW_AUTHENTICATE;

import com.jayway.jsonpath.JsonPath;
import org.baton.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** A personal API token from creation to revocation, and the other ways a request is refused as unauthenticated. */
@IntegrationTest
class ApiTokenLifecycleTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void aCreatedTokenWorksIsListedWithoutItsSecretAndStopsWorkingWhenRevoked() throws Exception {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        String first = fixtures.tokenFor(agent);

        MvcTestResult created = mvc.post().uri("/api/v1/tokens").header(AUTHORIZATION, "Bearer " + first)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"nightly export\"}").exchange();
        assertThat(created).hasStatus(201).hasHeader(HttpHeaders.LOCATION, "http://localhost/api/v1/tokens/"
                + JsonPath.read(created.getResponse().getContentAsString(), "$.id"));
        String secret = JsonPath.read(created.getResponse().getContentAsString(), "$.token");
        assertThat(secret).startsWith("baton_");
        assertThat(created).bodyJson().extractingPath("$.state").isEqualTo("ACTIVE");

        assertThat(me(secret)).hasStatusOk().bodyJson().extractingPath("$.username").isEqualTo(agent.username());

        MvcTestResult listed = mvc.get().uri("/api/v1/tokens").header(AUTHORIZATION, "Bearer " + secret).exchange();
        assertThat(listed).hasStatusOk().bodyJson().extractingPath("$.items[*].name").asArray().contains("nightly export", "test token");
        assertThat(listed.getResponse().getContentAsString()).doesNotContain(secret).doesNotContain(first).doesNotContain("\"token\"");

        String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        assertThat(mvc.delete().uri("/api/v1/tokens/" + id).header(AUTHORIZATION, "Bearer " + first).exchange()).hasStatus(204);

        MvcTestResult refused = me(secret);
        assertThat(refused).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.type").isEqualTo("/problems/unauthenticated");
        assertThat(refused.getResponse().getHeader(WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(mvc.get().uri("/api/v1/tokens").header(AUTHORIZATION, "Bearer " + first).exchange()).bodyJson()
                .extractingPath("$.items[?(@.name == 'nightly export')].state").asArray().containsExactly("REVOKED");
    }

    @Test
    void anUnknownTokenAndNoCredentialsAreRefusedWithWwwAuthenticate() {
        for (MvcTestResult result : new MvcTestResult[] {me("baton_not-a-token-anyone-was-given"), me("nonsense"),
                mvc.get().uri("/api/v1/me").exchange()}) {
            assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.status").isEqualTo(401);
            assertThat(result.getResponse().getHeader(WWW_AUTHENTICATE)).startsWith("Bearer realm=\"baton\"");
        }
    }

    @Test
    void aDeactivatedUsersTokenStopsWorking() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        String token = fixtures.tokenFor(agent);
        assertThat(me(token)).hasStatusOk();

        fixtures.deactivate(agent);

        assertThat(me(token)).hasStatus(401).bodyJson().extractingPath("$.type").isEqualTo("/problems/unauthenticated");
    }

    @Test
    void nobodyCanRevokeAnotherUsersTokenNotEvenAnAdministrator() throws Exception {
        User owner = fixtures.agentIn(fixtures.groupServingAll());
        String ownersToken = fixtures.tokenFor(owner);
        String ownersTokenId = JsonPath.read(mvc.get().uri("/api/v1/tokens").header(AUTHORIZATION, "Bearer " + ownersToken)
                .exchange().getResponse().getContentAsString(), "$.items[0].id");

        String admin = fixtures.tokenFor(fixtures.admin());
        assertThat(mvc.delete().uri("/api/v1/tokens/" + ownersTokenId).header(AUTHORIZATION, "Bearer " + admin).exchange())
                .hasStatus(404).bodyJson().extractingPath("$.type").isEqualTo("/problems/not-found");
        assertThat(mvc.delete().uri("/api/v1/tokens/not-a-uuid").header(AUTHORIZATION, "Bearer " + admin).exchange())
                .hasStatus(404);
        assertThat(me(ownersToken)).hasStatusOk();
    }

    @Test
    void refusesATokenWithoutANameOrExpiringInThePast() {
        String token = fixtures.tokenFor(fixtures.customerOf(fixtures.organization()));

        assertThat(createToken(token, "{\"name\": \"  \"}")).hasStatus(422)
                .bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("name");
        assertThat(createToken(token, "{\"name\": \"old\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}")).hasStatus(422)
                .bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly("expiresAt");
        assertThat(createToken(token, "{\"name\": \"old\", \"expiresAt\": \"next tuesday\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.type").isEqualTo("/problems/malformed-request");
    }

    @Test
    void httpBasicWorksWhenSwitchedOnAndAWrongPasswordIsRefused() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());

        assertThat(mvc.get().uri("/api/v1/me").headers(h -> h.setBasicAuth(agent.username(), Fixtures.PASSWORD)).exchange())
                .hasStatusOk().bodyJson().extractingPath("$.role").isEqualTo("AGENT");
        MvcTestResult wrong = mvc.get().uri("/api/v1/me").headers(h -> h.setBasicAuth(agent.username(), "wrong-password")).exchange();
        assertThat(wrong).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private MvcTestResult me(String token) {
        return mvc.get().uri("/api/v1/me").header(AUTHORIZATION, "Bearer " + token).exchange();
    }

    private MvcTestResult createToken(String token, String json) {
        return mvc.post().uri("/api/v1/tokens").header(AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }
}
