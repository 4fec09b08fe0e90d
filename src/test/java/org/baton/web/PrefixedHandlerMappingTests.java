package org.baton.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/** The request mapping's shortcut for paths with variables sends every request where Spring's own mapping would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("integration")
class PrefixedHandlerMappingTests {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired ApplicationContext context;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theLiteralStartOfAPatternIsWhatEveryPathItMatchesBeginsWith() {
        assertThat(PrefixedHandlerMapping.literalStart("/api/v1/tickets/{number}")).isEqualTo("/api/v1/tickets");
        assertThat(PrefixedHandlerMapping.literalStart("/api/v1/tickets/{number}/timeline")).isEqualTo("/api/v1/tickets");
        // a capture of the rest also matches the path without it
        assertThat(PrefixedHandlerMapping.literalStart("/webjars/{*path}")).isEqualTo("/webjars");
        assertThat(PrefixedHandlerMapping.literalStart("/files/*.png")).isEqualTo("/files");
        assertThat(PrefixedHandlerMapping.literalStart("/files/a?c")).isEqualTo("/files");
        assertThat(PrefixedHandlerMapping.literalStart("/api/v1/tickets")).isEqualTo("/api/v1/tickets");
        assertThat(PrefixedHandlerMapping.literalStart("/queues/")).isEqualTo("/queues");
        assertThat(PrefixedHandlerMapping.literalStart("/{page}")).isEmpty();
        assertThat(PrefixedHandlerMapping.literalStart("/")).isEmpty();
    }

    @Test
    void aPathFitsAPatternsShapeWhenItBeginsWithItsStartAndHasItsSegments() {
        var byNumber = List.of(PrefixedHandlerMapping.Shape.of("/api/v1/tickets/{number}"));
        assertThat(fits("/api/v1/tickets/INC-1042", byNumber)).isTrue();
        assertThat(fits("/api/v1/tickets/INC-1042/timeline", byNumber)).isFalse();
        assertThat(fits("/api/v1/tickets", byNumber)).isFalse();
        assertThat(fits("/api/v1/users/42", byNumber)).isFalse();
        // a trailing slash or an empty segment: only the start is compared, Spring's patterns decide the rest
        assertThat(fits("/api/v1/tickets/INC-1042/", byNumber)).isTrue();
        assertThat(fits("/api/v1/tickets//INC-1042", byNumber)).isTrue();

        var rest = List.of(PrefixedHandlerMapping.Shape.of("/webjars/{*path}"));
        assertThat(fits("/webjars", rest)).isTrue();
        assertThat(fits("/webjars/htmx.org/2.0.4/dist/htmx.min.js", rest)).isTrue();
        assertThat(fits("/css/baton.css", rest)).isFalse();
        // a regular expression might span a slash: the count stays open
        assertThat(PrefixedHandlerMapping.Shape.of("/files/{name:.+}").open()).isTrue();
        assertThat(PrefixedHandlerMapping.Shape.of("/files/*.png")).isEqualTo(new PrefixedHandlerMapping.Shape("/files", 2, false));
    }

    @Test
    void everyMappedPathIsHandledAsSpringsOwnMappingHandlesIt() throws Exception {
        assertThat(mapping).isInstanceOf(PrefixedHandlerMapping.class);
        RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
        plain.setApplicationContext(context);
        plain.setEmbeddedValueResolver(new EmbeddedValueResolver(((ConfigurableApplicationContext) context).getBeanFactory()));
        plain.afterPropertiesSet();

        List<String> paths = new ArrayList<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = concrete(pattern.getPatternString());
                paths.add(path);
                paths.add(path + "/extra");
                paths.add(path.substring(0, Math.max(1, path.lastIndexOf('/'))));
                paths.add(path + "/");
                paths.add(path.replaceFirst("/", "//"));
            }
        }
        paths.addAll(List.of("/api/v1/no-such-resource", "/api/v1/%74ickets/INC-1", "/api/v1/tickets;v=1/INC-1", "/nothing/here"));
        assertThat(paths).hasSizeGreaterThan(100);

        int handled = 0;
        for (String path : paths) {
            for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)) {
                String ours = outcome(mapping, method, path);
                assertThat(ours).as(method + " " + path).isEqualTo(outcome(plain, method, path));
                if (ours.startsWith("handler ")) {
                    handled++;
                }
            }
        }
        // the comparison covered the controllers, not only misses
        assertThat(handled).isGreaterThan(100);
    }

    @Test
    void aPathWithEscapesOrVariablesReachesItsController() throws Exception {
        Organization org = fixtures.organization();
        User customer = fixtures.customerOf(org);
        String token = fixtures.tokenFor(fixtures.agentIn(fixtures.groupServingAll()));
        HttpResponse<String> created = send(token, HttpRequest.newBuilder(uri("/api/v1/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"INCIDENT\",\"subject\":\"Mapped\",\"requesterId\":\""
                        + customer.id().value() + "\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        Matcher number = Pattern.compile("\"number\":\"([A-Z]+-\\d+)\"").matcher(created.body());
        assertThat(number.find()).isTrue();

        assertThat(send(token, HttpRequest.newBuilder(uri("/api/v1/tickets/" + number.group(1)))).body())
                .contains("\"subject\":\"Mapped\"");
        // an escaped letter is matched decoded, as Spring does: the shortcut must not pass it over
        assertThat(send(token, HttpRequest.newBuilder(uri("/api/v1/%74ickets/" + number.group(1)))).body())
                .contains("\"subject\":\"Mapped\"");
        HttpResponse<String> wrongMethod = send(token, HttpRequest.newBuilder(uri("/api/v1/tickets/" + number.group(1))).DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(send(token, HttpRequest.newBuilder(uri("/api/v1/tickets/" + number.group(1) + "/no-such-thing"))).statusCode())
                .isEqualTo(404);
    }

    private static boolean fits(String path, List<PrefixedHandlerMapping.Shape> shapes) {
        return PrefixedHandlerMapping.fitsAny(PrefixedHandlerMapping.Lookup.of(path), shapes);
    }

    /** Where {@code handlerMapping} sends the request: the handler method, nothing, or the refusal it throws. */
    private static String outcome(RequestMappingHandlerMapping handlerMapping, HttpMethod method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
        request.addHeader("Accept", "application/json");
        if (Set.of("POST", "PUT", "PATCH").contains(method.name())) {
            request.setContentType("application/json");
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = handlerMapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            HandlerMethod handler = (HandlerMethod) chain.getHandler();
            return "handler " + handler.getBeanType().getName() + "#" + handler.getMethod().getName();
        } catch (Exception e) {
            return "refused " + e.getClass().getName();
        }
    }

    /** A path the pattern matches: each variable replaced by a value. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "a/b").replaceAll("\\{[^}]*}", "INC-7").replace("**", "a/b").replace("*", "x")
                .replace("?", "q");
    }

    private HttpResponse<String> send(String token, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
