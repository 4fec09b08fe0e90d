package org.baton.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Uploads far over the limit, as the servlet container cuts them off (MockMvc does not parse multipart bodies, so
 * this goes over HTTP): a 413 problem document naming the limit, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("integration")
class UploadLimitOverHttpTests {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired Attachments attachments;

    @Test
    void aFileFarOverTheLimitIsRefusedWith413() throws Exception {
        Organization org = fixtures.organization();
        String token = fixtures.tokenFor(fixtures.customerOf(org));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ticket = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tickets"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\": \"INCIDENT\", \"subject\": \"Disk image\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ticket.statusCode()).isEqualTo(201);
        String number = ticket.body().replaceAll("(?s).*\"number\":\"([A-Z]+-\\d+)\".*", "$1");

        // a file over the limit in a request the container accepts: refused by name, as a field error
        HttpResponse<String> overLimit = upload(http, "/api/v1/tickets/" + number + "/attachments", token, (int) attachments.maxSize() * 2);
        assertThat(overLimit.statusCode()).isEqualTo(422);
        assertThat(overLimit.body()).contains("\"field\":\"file\"").contains("\\\"disk.img\\\" is larger than 1.0 MB");

        // a request far over it: 413 before anything reads it
        HttpResponse<String> refused = upload(http, "/api/v1/tickets/" + number + "/attachments", token, (int) attachments.maxSize() * 7);
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"type\":\"/problems/payload-too-large\"").contains("at most 1.0 MB");

        // the same from a browser's form: the 413 page, not a 403 from a CSRF check that could not read the form
        HttpResponse<String> page = upload(http, "/tickets/" + number + "/reply", null, (int) attachments.maxSize() * 7);
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("Those files are too large").doesNotContain("Exception");
    }

    private HttpResponse<String> upload(HttpClient http, String path, @Nullable String token, int size) throws Exception {
        String boundary = "----baton-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + (token == null ? "files" : "file")
                + "\"; filename=\"disk.img\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[size]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
