package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.baton.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The OpenAPI description is public, lists the identity API, and documents every operation. */
@IntegrationTest
class IdentityOpenApiTests {

    @Autowired MockMvcTester mvc;

    @Test
    void describesTheIdentityApiWithBearerSecurity() {
        MvcTestResult docs = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(docs).hasStatusOk().bodyJson().extractingPath("$.info.title").isEqualTo("Baton API");
        assertThat(docs).bodyJson().extractingPath("$.openapi").asString().startsWith("3.1");
        assertThat(docs).bodyJson().extractingPath("$.paths").asMap().containsKeys("/api/v1/organizations", "/api/v1/organizations/{id}",
                "/api/v1/users", "/api/v1/users/{id}", "/api/v1/support-groups", "/api/v1/support-groups/{id}", "/api/v1/tokens",
                "/api/v1/tokens/{id}", "/api/v1/me");
        assertThat(docs).bodyJson().extractingPath("$.components.securitySchemes.bearerToken.scheme").isEqualTo("bearer");
        assertThat(docs).bodyJson().extractingPath("$.components.securitySchemes.basic.scheme").isEqualTo("basic");
        assertThat(docs).bodyJson().extractingPath("$.paths['/api/v1/organizations/{id}'].patch.responses['412'].content")
                .asMap().containsKey("application/problem+json");
    }

    @Test
    void everyOperationHasASummaryAndAProblemResponseForUnauthenticatedCalls() throws Exception {
        String docs = mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString();
        Map<String, Map<String, Map<String, Object>>> paths = JsonPath.read(docs, "$.paths");

        assertThat(paths).isNotEmpty();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            assertThat(operation.get("summary")).as(method + " " + path + " summary").isNotNull();
            assertThat(JsonPath.<Map<String, Object>>read(operation, "$.responses['401'].content['application/problem+json']"))
                    .as(method + " " + path + " 401").isNotNull();
        }));
    }
}
