package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.baton.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Files on tickets: through the reply form and the API, shown on the timeline, downloaded only by those who may see them. */
@IntegrationTest
class TicketAttachmentTests {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
    static final byte[] HTML = "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(document.cookie)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    private static final Pattern LINK = Pattern.compile("href=\"(/tickets/[A-Z]+-\\d+/attachments/[0-9a-f-]{36})\"[^>]*>(?:<span[^>]*></span>)?<span>([^<]+)</span>");

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc, fixtures);
    }

    private static MockMultipartFile file(String name, String declaredType, byte[] bytes) {
        return new MockMultipartFile("files", name, declaredType, bytes);
    }

    /** The download links on the ticket page, by file name. */
    private static java.util.Map<String, String> links(MvcTestResult page) {
        java.util.Map<String, String> links = new java.util.LinkedHashMap<>();
        Matcher m = LINK.matcher(Desk.body(page));
        while (m.find()) {
            links.put(m.group(2), m.group(1));
        }
        return links;
    }

    @Test
    void aCustomerRepliesWithAFileAndSeesItOnTheTimeline() {
        String number = desk.portalIncident();
        Browser carol = desk.as(desk.carol);

        MvcTestResult sent = carol.upload("/tickets/" + number + "/reply", List.of(file("error.png", "text/plain", PNG)),
                "body", "Here is the error.", "visibility", "PUBLIC");
        assertThat(sent).hasStatus3xxRedirection();

        MvcTestResult page = carol.get("/tickets/" + number);
        assertThat(Desk.body(page)).contains("error.png").contains("PNG image").contains("Here is the error.");
        String href = links(page).get("error.png");
        assertThat(href).isNotNull();

        MvcTestResult download = carol.get(href);
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(PNG);
        // the agent sees it too
        assertThat(desk.as(desk.alice).get(href)).hasStatusOk();
    }

    @Test
    void aCustomerOfAnotherOrganizationGetsNotFound() {
        String number = desk.portalIncident();
        desk.as(desk.carol).upload("/tickets/" + number + "/reply", List.of(file("plan.txt", "text/plain", "floor plan".getBytes())),
                "body", "The plan.", "visibility", "PUBLIC");
        String href = links(desk.as(desk.alice).get("/tickets/" + number)).get("plan.txt");

        assertThat(desk.as(desk.stranger).get(href)).hasStatus(404);
        assertThat(desk.fetch(desk.strangerToken, "/api" + href.replace("/tickets/", "/v1/tickets/"))).hasStatus(404);
        assertThat(desk.fetch(desk.outsideToken, "/api" + href.replace("/tickets/", "/v1/tickets/"))).hasStatus(404);
    }

    @Test
    void anInternalNotesFileIsHiddenFromTheRequester() {
        String number = desk.portalIncident();
        Browser alice = desk.as(desk.alice);
        assertThat(alice.upload("/tickets/" + number + "/reply", List.of(file("firewall.log", "text/plain", "deny 10.0.0.1".getBytes())),
                "body", "Firewall log, do not share.", "visibility", "INTERNAL")).hasStatus3xxRedirection();
        String href = links(alice.get("/tickets/" + number)).get("firewall.log");
        assertThat(href).isNotNull();
        assertThat(alice.get(href)).hasStatusOk();

        Browser carol = desk.as(desk.carol);
        assertThat(Desk.body(carol.get("/tickets/" + number))).doesNotContain("firewall.log");
        assertThat(carol.get(href)).hasStatus(404);
        assertThat(desk.fetch(desk.carolToken, "/api" + href.replace("/tickets/", "/v1/tickets/"))).hasStatus(404);
        // and another ticket's path does not reach it either
        String other = desk.portalIncident();
        assertThat(alice.get(href.replace(number, other))).hasStatus(404);
    }

    @Test
    void htmlIsServedAsAFileToSaveWithNosniff() {
        String number = desk.portalIncident();
        Browser carol = desk.as(desk.carol);
        carol.upload("/tickets/" + number + "/reply", List.of(file("invoice.html", "application/pdf", HTML)), "body", "Invoice",
                "visibility", "PUBLIC");
        String href = links(carol.get("/tickets/" + number)).get("invoice.html");

        MvcTestResult download = desk.as(desk.alice).get(href);
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentType()).isEqualTo("application/octet-stream");
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getResponse().getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"invoice.html\"; filename*=UTF-8''invoice.html");
    }

    @Test
    void aFileOverTheLimitIsAFieldErrorNamingItAndTheTextIsKept() {
        String number = desk.portalIncident();
        MvcTestResult refused = desk.as(desk.carol).upload("/tickets/" + number + "/reply",
                List.of(file("dump.bin", "application/octet-stream", new byte[1024 * 1024 + 1])), "body", "A memory dump",
                "visibility", "PUBLIC");

        assertThat(refused).hasStatus(422);
        String html = Desk.body(refused);
        assertThat(html).contains("id=\"reply-files-error\"").contains("&quot;dump.bin&quot; is larger than 1.0 MB")
                .contains(">A memory dump</textarea>");
    }

    @Test
    void theApiAttachesAFileWithItsSniffedTypeAndRefusesOneOverTheLimit() {
        String number = desk.portalIncident();
        MvcTestResult created = mvc.post().uri("/api/v1/tickets/" + number + "/attachments").header(AUTHORIZATION, "Bearer " + desk.aliceToken)
                .multipart().file(new MockMultipartFile("file", "../../screenshot.txt", "text/plain", PNG)).param("visibility", "INTERNAL")
                .exchange();
        assertThat(created).hasStatus(201);
        String body = Desk.body(created);
        assertThat((String) JsonPath.read(body, "$.filename")).isEqualTo("screenshot.txt");
        assertThat((String) JsonPath.read(body, "$.contentType")).isEqualTo("image/png");
        assertThat((String) JsonPath.read(body, "$.visibility")).isEqualTo("INTERNAL");
        assertThat((Integer) JsonPath.read(body, "$.size")).isEqualTo(PNG.length);
        String location = created.getResponse().getHeader("Location");
        assertThat(location).isEqualTo(JsonPath.read(body, "$.href"));
        assertThat(desk.fetch(desk.aliceToken, location)).hasStatusOk();
        assertThat(desk.fetch(desk.carolToken, location)).hasStatus(404);
        assertThat(Desk.body(desk.timeline(desk.aliceToken, number))).contains("ATTACHMENT_ADDED");

        MvcTestResult tooLarge = mvc.post().uri("/api/v1/tickets/" + number + "/attachments").header(AUTHORIZATION, "Bearer " + desk.carolToken)
                .multipart().file(new MockMultipartFile("file", "big.iso", "application/octet-stream", new byte[1024 * 1024 + 1])).exchange();
        assertThat(tooLarge).hasStatus(422);
        assertThat((String) JsonPath.read(Desk.body(tooLarge), "$.errors[0].field")).isEqualTo("file");
        assertThat((String) JsonPath.read(Desk.body(tooLarge), "$.errors[0].message")).contains("\"big.iso\"");

        MvcTestResult internalByCustomer = mvc.post().uri("/api/v1/tickets/" + number + "/attachments").header(AUTHORIZATION, "Bearer " + desk.carolToken)
                .multipart().file(new MockMultipartFile("file", "a.txt", "text/plain", "a".getBytes())).param("visibility", "INTERNAL").exchange();
        assertThat(internalByCustomer).hasStatus(403);
        MvcTestResult none = mvc.post().uri("/api/v1/tickets/" + number + "/attachments").header(AUTHORIZATION, "Bearer " + desk.carolToken)
                .multipart().param("visibility", "PUBLIC").exchange();
        assertThat(none).hasStatus(422);
    }
}
