package org.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class ErrorPagesTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void anUnknownIdInAnAdminPageIsA404NotA500() {
        Browser admin = Browser.signedIn(mvc, fixtures.admin().username(), Fixtures.PASSWORD);
        assertThat(admin.get("/admin/organizations/not-a-uuid")).hasStatus(404);
        assertThat(admin.get("/admin/users/00000000-0000-0000-0000-000000000000")).hasStatus(404);
    }

    @Test
    void everyProblemTypeHasAPageThatExplainsIt() {
        assertThat(mvc.get().uri("/problems/stale-version")).hasStatusOk().bodyText().contains("id=\"explanation\"").contains("If-Match");
        assertThat(mvc.get().uri("/problems")).hasStatusOk().bodyText().contains("invalid-input");
        assertThat(mvc.get().uri("/problems/no-such-type")).hasStatus(404);
    }

    @Test
    void aGivenRequestIdIsEchoedAndAnUnsafeOneReplaced() {
        assertThat(mvc.get().uri("/sign-in").header("X-Request-Id", "abc12345-trace")).headers()
                .hasValue("X-Request-Id", "abc12345-trace");
        String replaced = mvc.get().uri("/sign-in").header("X-Request-Id", "bad id <script>").exchange().getResponse()
                .getHeader("X-Request-Id");
        assertThat(replaced).isNotEqualTo("bad id <script>").matches("[0-9a-f-]{36}");
    }

    @Test
    void healthReadinessAndMetricsAreServed() {
        assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk().bodyText().contains("UP");
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk().bodyText().contains("jvm_memory_used_bytes");
    }
}
