package org.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.identity.Fixtures;
import org.baton.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Errors as the servlet container produces them (MockMvc skips the container's error dispatch):
 * a person gets the 404 page in the layout, an API client a problem document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("integration")
class ErrorPagesOverHttpTests {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aSignedInPersonGetsAFriendly404PageWithTheRequestId() throws Exception {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        signIn(agent.username(), Fixtures.PASSWORD);
        HttpResponse<String> page = http.send(get("/no/such/page").header("X-Request-Id", "trace-404-page").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("id=\"error-page\"").contains("Page not found").contains("trace-404-page")
                .contains(agent.displayName()).doesNotContain("Exception").doesNotContain("Whitelabel");
    }

    @Test
    void anApiClientGetsAProblemDocumentForAnUnknownAddress() throws Exception {
        String token = fixtures.tokenFor(fixtures.agentIn(fixtures.groupServingAll()));
        HttpResponse<String> response = http.send(get("/api/v1/no-such-resource").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"/problems/not-found\"").contains("\"status\":404");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    private void signIn(String username, String password) throws Exception {
        String form = http.send(get("/sign-in").build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> response = http.send(get("/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
    }
}
