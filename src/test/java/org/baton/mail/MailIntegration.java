package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import org.baton.IntegrationTest;
import org.baton.outbox.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The application pointed at the test JVM's mail server ({@link Smtp}), sending as {@code helpdesk@desk.example} with
 * links to {@code https://desk.example}. The background delivery is off (test profile): tests run
 * {@link MailDelivery#deliver} themselves, at instants they choose. The outbox is shared with every other test of the
 * run, so a test drains it ({@link #deliverAllDue}) and looks only at its own recipients' mail.
 */
@IntegrationTest
abstract class MailIntegration {

    static final String BASE_URL = "https://desk.example";

    @Autowired MockMvcTester mvc;
    @Autowired MailDelivery delivery;
    @Autowired Outbox outbox;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> Smtp.SMTP_PORT);
        properties.add("baton.mail.from", () -> "Baton Service Desk <helpdesk@desk.example>");
        properties.add("baton.base-url", () -> BASE_URL + "/");
    }

    /** Runs delivery at {@code now} until nothing is due; how many runs that took. */
    int deliverAllDue(Instant now) {
        int runs = 0;
        while (delivery.deliver(now) > 0) {
            if (++runs > 1000) {
                throw new AssertionError("delivery does not drain the outbox");
            }
        }
        return runs;
    }

    MvcTestResult api(String token, String method, String uri, String json) {
        var request = method.equals("GET") ? mvc.get().uri(uri) : mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json);
        return request.header(AUTHORIZATION, "Bearer " + token).exchange();
    }

    String opened(String token, String json) {
        MvcTestResult created = api(token, "POST", "/api/v1/tickets", json);
        assertThat(created).hasStatus(201);
        return JsonPath.read(body(created), "$.number");
    }

    static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
