package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import org.baton.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every client mistake on the identity API is a problem document with the right status, type and fields; never a 500. */
@IntegrationTest
class IdentityApiProblemTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    String admin;

    @BeforeEach
    void signIn() {
        admin = fixtures.tokenFor(fixtures.admin());
    }

    @Test
    void aBlankNameAndABadCodeAreBothNamedInOneAnswer() {
        MvcTestResult result = send("POST", "/api/v1/organizations", MediaType.APPLICATION_JSON, "{\"name\": \" \", \"code\": \"?\"}");

        assertProblem(result, 422, "/problems/invalid-input");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("name", "code");
    }

    @Test
    void aDuplicateCodeIsAFieldError() {
        Organization existing = fixtures.organization();
        String name = Fixtures.unique("Org ");

        MvcTestResult result = send("POST", "/api/v1/organizations", MediaType.APPLICATION_JSON,
                "{\"name\": \"" + name + "\", \"code\": \"" + existing.code().toLowerCase() + "\"}");

        assertProblem(result, 422, "/problems/invalid-input");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("code");
        assertThat(result).bodyJson().extractingPath("$.errors[0].message").asString().contains("already");
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(send("POST", "/api/v1/organizations", MediaType.APPLICATION_JSON, "{\"name\": "), 400, "/problems/malformed-request");
        assertProblem(send("POST", "/api/v1/users", MediaType.APPLICATION_JSON, "[1, 2"), 400, "/problems/malformed-request");
        assertProblem(send("POST", "/api/v1/users", MediaType.APPLICATION_JSON, "{\"organizationId\": \"not-a-uuid\"}"), 400,
                "/problems/malformed-request");
    }

    @Test
    void aBadLimitCursorOrFilterIsABadRequestNamingTheParameter() {
        String[][] cases = {
            {"/api/v1/organizations?limit=0", "limit"},
            {"/api/v1/organizations?limit=201", "limit"},
            {"/api/v1/organizations?limit=ten", "limit"},
            {"/api/v1/organizations?cursor=%25%25%25", "cursor"},
            {"/api/v1/organizations?active=maybe", "active"},
            {"/api/v1/users?role=WIZARD", "role"},
            {"/api/v1/users?organizationId=acme", "organizationId"},
            {"/api/v1/support-groups?limit=-1", "limit"},
        };
        for (String[] c : cases) {
            MvcTestResult result = send("GET", c[0], null, null);
            assertProblem(result, 400, "/problems/malformed-request");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo(c[1]);
        }
    }

    @Test
    void anUnknownRoleInABodyIsAFieldError() {
        MvcTestResult result = send("POST", "/api/v1/users", MediaType.APPLICATION_JSON,
                "{\"username\": \"wiz\", \"email\": \"wiz@desk.example\", \"displayName\": \"Wiz\", \"role\": \"WIZARD\"}");

        assertProblem(result, 422, "/problems/invalid-input");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("role");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        for (String uri : new String[] {"/api/v1/organizations/" + OrganizationId.random(), "/api/v1/organizations/acme",
                "/api/v1/users/" + UserId.random(), "/api/v1/users/123", "/api/v1/support-groups/" + SupportGroupId.random(),
                "/api/v1/support-groups/not-a-group"}) {
            assertProblem(send("GET", uri, null, null), 404, "/problems/not-found");
        }
    }

    @Test
    void aStaleIfMatchIsRefusedWithTheCurrentVersion() {
        Organization org = fixtures.organization();
        String uri = "/api/v1/organizations/" + org.id();
        assertThat(patch(uri, "\"0\"", "{\"name\": \"" + Fixtures.unique("Renamed ") + "\"}")).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");

        MvcTestResult stale = patch(uri, "\"0\"", "{\"active\": false}");

        assertProblem(stale, 412, "/problems/stale-version");
        assertThat(stale).hasHeader(HttpHeaders.ETAG, "\"1\"").bodyJson().extractingPath("$.currentVersion").isEqualTo(1);
        assertThat(send("GET", uri, null, null)).bodyJson().extractingPath("$.active").isEqualTo(true);
    }

    @Test
    void aPatchWithoutIfMatchIsRefusedAndNamesTheHeader() {
        Organization org = fixtures.organization();

        MvcTestResult result = patch("/api/v1/organizations/" + org.id(), null, "{\"active\": false}");

        assertProblem(result, 400, "/problems/malformed-request");
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("If-Match");
    }

    @Test
    void aPatchWithWrongTypesOrUnknownFieldsNamesEachField() {
        Organization org = fixtures.organization();

        MvcTestResult result = patch("/api/v1/organizations/" + org.id(), "\"0\"",
                "{\"name\": 42, \"active\": \"yes\", \"mailDomains\": \"acme.example\", \"version\": 7, \"colour\": \"red\"}");

        assertProblem(result, 422, "/problems/invalid-input");
        assertThat(result).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("name", "active", "mailDomains", "version", "colour");
        assertProblem(patch("/api/v1/organizations/" + org.id(), "\"0\"", "[]"), 422, "/problems/invalid-input");
        assertProblem(patch("/api/v1/organizations/" + org.id(), "\"0\"", "{\"name\": null}"), 422, "/problems/invalid-input");
    }

    @Test
    void aWrongContentTypeIsUnsupported() {
        Organization org = fixtures.organization();

        assertProblem(send("POST", "/api/v1/organizations", MediaType.TEXT_PLAIN, "name=Acme"), 415, "/problems/unsupported-media-type");
        assertProblem(send("POST", "/api/v1/tokens", MediaType.APPLICATION_FORM_URLENCODED, "name=x"), 415,
                "/problems/unsupported-media-type");
        MvcTestResult patch = mvc.patch().uri("/api/v1/organizations/" + org.id()).header(AUTHORIZATION, "Bearer " + admin)
                .header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_XML).content("<active>false</active>").exchange();
        assertProblem(patch, 415, "/problems/unsupported-media-type");
    }

    @Test
    void nullsInsideListsAreFieldErrorsNotFailures() {
        assertProblem(send("POST", "/api/v1/organizations", MediaType.APPLICATION_JSON,
                "{\"name\": \"N\", \"code\": \"NN\", \"mailDomains\": [null]}"), 422, "/problems/invalid-input");
        assertProblem(send("POST", "/api/v1/users", MediaType.APPLICATION_JSON,
                "{\"username\": \"n\", \"role\": \"AGENT\", \"groupIds\": [null]}"), 422, "/problems/invalid-input");
        assertProblem(send("POST", "/api/v1/users", MediaType.APPLICATION_JSON, "{}"), 422, "/problems/invalid-input");
        assertProblem(send("POST", "/api/v1/tokens", MediaType.APPLICATION_JSON, "{}"), 422, "/problems/invalid-input");
    }

    private MvcTestResult send(String method, String uri, MediaType type, String body) {
        var request = mvc.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri).header(AUTHORIZATION, "Bearer " + admin);
        if (type != null) {
            request = request.contentType(type).content(body);
        }
        return request.exchange();
    }

    private MvcTestResult patch(String uri, String ifMatch, String body) {
        var request = mvc.patch().uri(uri).header(AUTHORIZATION, "Bearer " + admin).contentType("application/merge-patch+json").content(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.exchange();
    }

    private static void assertProblem(MvcTestResult result, int status, String type) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(type);
    }
}
