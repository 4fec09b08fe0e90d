package org.baton.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The next page's link: the request's URL with the new cursor, whatever the request's parameters. */
class CursorPageTests {

    @ParameterizedTest(name = "{0}://{1}:{2}{3}?{4}")
    @CsvSource(nullValues = "NULL", value = {
        "http, localhost, 8080, /api/v1/tickets, NULL",
        "http, localhost, 80, /api/v1/tickets, open=true&priority=P2&limit=50",
        "https, desk.example.com, 443, /api/v1/tickets, open=true&cursor=b2xk&limit=50",
        "https, desk.example.com, 8443, /api/v1/tickets, cursor=b2xk",
        "http, 127.0.0.1, 37119, /api/v1/tickets, status=NEW&status=PENDING&cursor=b2xk&cursor=b2xk2",
        "http, localhost, 8080, /api/v1/tickets, updatedSince=2026-12-01T00%3A00%3A00Z&cursor",
        "http, localhost, 8080, /api/v1/organizations, cursors=keep&xcursor=keep&&limit=2",
    })
    void linksTheSameURLAsSpringsBuilderWithTheCursorReplaced(String scheme, String host, int port, String path,
            @Nullable String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        request.setQueryString(query);

        String next = CursorPage.next(request, "MTc2NTA0_next");

        String spring = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("cursor", "MTc2NTA0_next").build().toUriString();
        assertThat(next).isEqualTo(spring);
        assertThat(next.split("[?&]cursor=", -1)).as("cursor parameters").hasSize(2);
        assertThat(next).endsWith("cursor=MTc2NTA0_next");
        assertThat(next).startsWith(scheme + "://" + host + (port == 80 || port == 443 ? "" : ":" + port) + path + "?");
    }
}
