package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.baton.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class OrganizationApiTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    @Test
    void anAdministratorCreatesAnOrganizationAndFindsItAtItsLocation() {
        String admin = fixtures.tokenFor(fixtures.admin());
        String code = Fixtures.unique("NEW");

        MvcTestResult created = mvc.post().uri("/api/v1/organizations").header(AUTHORIZATION, "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Org " + code + "\", \"code\": \"" + code.toLowerCase() + "\", \"mailDomains\": [\"@" + code.toLowerCase()
                        + ".example\"], \"sharedTicketVisibility\": true}")
                .exchange();

        assertThat(created).hasStatus(201).hasHeader(HttpHeaders.ETAG, "\"0\"");
        assertThat(created).bodyJson().extractingPath("$.code").isEqualTo(code);
        assertThat(created).bodyJson().extractingPath("$.mailDomains").asArray().containsExactly(code.toLowerCase() + ".example");
        assertThat(created).bodyJson().extractingPath("$.active").isEqualTo(true);
        String location = created.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).startsWith("http://localhost/api/v1/organizations/");
        assertThat(mvc.get().uri(location).header(AUTHORIZATION, "Bearer " + admin).exchange()).hasStatusOk()
                .hasHeader(HttpHeaders.ETAG, "\"0\"").bodyJson().extractingPath("$.name").isEqualTo("Org " + code);
    }

    @Test
    void aMergePatchChangesOnlyTheFieldsItNamesAndBumpsTheVersion() {
        Organization org = fixtures.organization();
        String admin = fixtures.tokenFor(fixtures.admin());
        String uri = "/api/v1/organizations/" + org.id();

        MvcTestResult patched = mvc.patch().uri(uri).header(AUTHORIZATION, "Bearer " + admin).header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json").content("{\"sharedTicketVisibility\": true, \"mailDomains\": null}").exchange();

        assertThat(patched).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(patched).bodyJson().extractingPath("$.sharedTicketVisibility").isEqualTo(true);
        assertThat(patched).bodyJson().extractingPath("$.mailDomains").asArray().isEmpty();
        assertThat(patched).bodyJson().extractingPath("$.name").isEqualTo(org.name());

        MvcTestResult plainJson = mvc.patch().uri(uri).header(AUTHORIZATION, "Bearer " + admin).header("If-Match", "W/\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"active\": false}").exchange();
        assertThat(plainJson).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"").bodyJson().extractingPath("$.active").isEqualTo(false);
        assertThat(plainJson).bodyJson().extractingPath("$.sharedTicketVisibility").isEqualTo(true);
    }

    @Test
    void pagesFollowTheCursorUntilTheLastPageWithoutRepeatingAnything() throws Exception {
        String stem = Fixtures.unique("PAGE");
        String admin = fixtures.tokenFor(fixtures.admin());
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = stem + "X" + i;
            mvc.post().uri("/api/v1/organizations").header(AUTHORIZATION, "Bearer " + admin).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": \"Org " + code + "\", \"code\": \"" + code + "\"}").exchange();
            expected.add(code);
        }

        List<String> seen = new ArrayList<>();
        String uri = "/api/v1/organizations?limit=2&q=" + stem;
        int pages = 0;
        while (uri != null) {
            MvcTestResult page = mvc.get().uri(uri).header(AUTHORIZATION, "Bearer " + admin).exchange();
            assertThat(page).hasStatusOk();
            String body = page.getResponse().getContentAsString();
            seen.addAll(JsonPath.read(body, "$.items[*].code"));
            pages++;
            String link = page.getResponse().getHeader(HttpHeaders.LINK);
            if (JsonPath.<List<?>>read(body, "$..nextCursor").isEmpty()) {
                assertThat(link).isNull();
                uri = null;
            } else {
                String cursor = JsonPath.read(body, "$.nextCursor");
                assertThat(link).contains("cursor=" + cursor).contains("limit=2").endsWith("; rel=\"next\"");
                uri = "/api/v1/organizations?limit=2&q=" + stem + "&cursor=" + cursor;
            }
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
    }

    @Test
    void filtersByActive() {
        String admin = fixtures.tokenFor(fixtures.admin());
        Organization org = fixtures.organization();
        mvc.patch().uri("/api/v1/organizations/" + org.id()).header(AUTHORIZATION, "Bearer " + admin).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"active\": false}").exchange();

        assertThat(mvc.get().uri("/api/v1/organizations?active=true&q=" + org.code()).header(AUTHORIZATION, "Bearer " + admin).exchange())
                .bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(mvc.get().uri("/api/v1/organizations?active=false&q=" + org.code()).header(AUTHORIZATION, "Bearer " + admin).exchange())
                .bodyJson().extractingPath("$.items[*].code").asArray().containsExactly(org.code());
    }
}
