package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.baton.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The ticket API's contract as published at /v3/api-docs: paths, headers, error responses and examples. */
@IntegrationTest
class TicketOpenApiTests {

    @Autowired MockMvcTester mvc;

    private String docs() throws Exception {
        return mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString();
    }

    @Test
    void publishesEveryTicketResource() throws Exception {
        Map<String, Object> paths = JsonPath.read(docs(), "$.paths");

        assertThat(paths).containsKeys("/api/v1/tickets", "/api/v1/tickets/{number}", "/api/v1/tickets/{number}/comments",
                "/api/v1/tickets/{number}/transitions", "/api/v1/tickets/{number}/handoffs", "/api/v1/tickets/{number}/handbacks",
                "/api/v1/tickets/{number}/ownership-transfers", "/api/v1/tickets/{number}/status-updates",
                "/api/v1/tickets/{number}/links", "/api/v1/tickets/{number}/timeline", "/api/v1/tickets/{number}/timeline/export",
                "/api/v1/ticket-types", "/api/v1/priority-matrix", "/api/v1/ticket-schedules");
    }

    @Test
    void theSignedInUserIsNeverDocumentedAsAParameterTheClientSends() throws Exception {
        List<String> names = JsonPath.read(docs(), "$.paths..parameters[*].name");
        assertThat(names).isNotEmpty().doesNotContain("user");
    }

    @Test
    void theCreateDocumentsItsIdempotencyKeyItsExampleAndItsProblems() throws Exception {
        String docs = docs();

        List<String> headers = JsonPath.read(docs, "$.paths['/api/v1/tickets'].post.parameters[*].name");
        assertThat(headers).contains("Idempotency-Key");
        Map<String, Object> responses = JsonPath.read(docs, "$.paths['/api/v1/tickets'].post.responses");
        assertThat(responses).containsKeys("201", "400", "401", "403", "422");
        String example = JsonPath.read(docs, "$.paths['/api/v1/tickets'].post.requestBody.content['application/json'].example")
                .toString();
        assertThat(example).contains("INCIDENT");
        assertThat(JsonPath.<String>read(docs, "$.paths['/api/v1/tickets'].post.requestBody.content['application/json'].schema['$ref']"))
                .endsWith("/NewTicket");
        assertThat(JsonPath.<String>read(docs, "$.paths['/api/v1/tickets'].post.responses['201'].content['application/json'].schema['$ref']"))
                .endsWith("/Ticket");
    }

    @Test
    void everyTicketCommandDocumentsItsExampleConflictsAndValidationProblems() throws Exception {
        String docs = docs();
        Map<String, String> bodies = Map.of("transitions", "Transition", "handoffs", "Handoff", "ownership-transfers", "OwnershipTransfer",
                "status-updates", "StatusUpdate");
        bodies.forEach((command, schema) -> {
            String path = "$.paths['/api/v1/tickets/{number}/" + command + "'].post";
            Map<String, Object> responses = JsonPath.read(docs, path + ".responses");
            assertThat(responses).as(command).containsKeys("200", "404", "412", "422");
            assertThat(JsonPath.<Object>read(docs, path + ".requestBody.content['application/json'].example")).as(command).isNotNull();
            assertThat(JsonPath.<String>read(docs, path + ".requestBody.content['application/json'].schema['$ref']")).as(command)
                    .endsWith("/" + schema);
        });
        assertThat(JsonPath.<Map<String, Object>>read(docs, "$.paths['/api/v1/tickets/{number}/transitions'].post.responses"))
                .containsKey("409");
    }
}
