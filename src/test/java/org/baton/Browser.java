package org.baton;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A browser for MockMvc tests: it keeps cookies between requests, so the database-backed session
 * (Spring Session, keyed by the {@code SESSION} cookie) works as it does for a person. Form posts
 * carry a CSRF token like a rendered form does.
 */
public final class Browser {

    private final MockMvcTester mvc;
    private final Map<String, Cookie> jar = new LinkedHashMap<>();

    public Browser(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /** A browser signed in as {@code login}; fails the test if sign-in does not land on the home page (a customer's: the portal). */
    public static Browser signedIn(MockMvcTester mvc, String login, String password) {
        Browser browser = new Browser(mvc);
        MvcTestResult result = browser.signIn(login, password);
        String target = result.getResponse().getRedirectedUrl();
        if (target == null || !(target.equals("/") || target.equals("/portal"))) {
            throw new AssertionError("sign-in as " + login + " went to " + target);
        }
        return browser;
    }

    public MvcTestResult signIn(String login, String password) {
        return post("/sign-in", "username", login, "password", password);
    }

    public MvcTestResult get(String uri) {
        return keep(mvc.get().uri(uri).cookie(cookies()).exchange());
    }

    /** A GET as htmx sends it, for fragment responses. */
    public MvcTestResult htmx(String uri) {
        return keep(mvc.get().uri(uri).header("HX-Request", "true").cookie(cookies()).exchange());
    }

    /** A form post with a valid CSRF token; {@code params} are name, value pairs. */
    public MvcTestResult post(String uri, String... params) {
        var request = mvc.post().uri(uri).with(csrf()).cookie(cookies());
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return keep(request.exchange());
    }

    /** A multipart form post (files and fields) with a valid CSRF token; {@code params} are name, value pairs. */
    public MvcTestResult upload(String uri, List<MockMultipartFile> files, String... params) {
        var request = mvc.post().uri(uri).with(csrf()).cookie(cookies()).multipart();
        files.forEach(request::file);
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return keep(request.exchange());
    }

    /** A form post without a CSRF token, as a forged cross-site request would be. */
    public MvcTestResult postWithoutCsrf(String uri, String... params) {
        var request = mvc.post().uri(uri).cookie(cookies());
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return keep(request.exchange());
    }

    private Cookie[] cookies() {
        return jar.isEmpty() ? new Cookie[] {new Cookie("baton-test", "1")} : jar.values().toArray(Cookie[]::new);
    }

    private MvcTestResult keep(MvcTestResult result) {
        for (Cookie cookie : result.getResponse().getCookies()) {
            if (cookie.getMaxAge() == 0) {
                jar.remove(cookie.getName());
            } else {
                jar.put(cookie.getName(), cookie);
            }
        }
        return result;
    }
}
