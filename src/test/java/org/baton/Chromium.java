package org.baton;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The browser of one {@link BrowserTest} method. Every {@link #newPage()} opens a fresh browser context (its own
 * cookies, so its own session), so a test can have two people, or one person in two browsers, watch the same
 * change. Relative URLs go to the application under test. Everything opened is closed after the test.
 */
public final class Chromium {

    static final double TIMEOUT_MS = 15_000;

    private final Browser browser;
    private final String baseUrl;
    private final Path screenshots;
    private final String testName;
    private final List<BrowserContext> contexts = new ArrayList<>();

    Chromium(Browser browser, String baseUrl, Path screenshots, String testName) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        this.testName = testName;
    }

    /** A page in a fresh browser context, as a new browser window of a different person would be. */
    public Page newPage() {
        return newPage(options -> {});
    }

    /** A page in a fresh browser context with JavaScript off: what the plain HTML forms must cope with. */
    public Page newPageWithoutJavaScript() {
        return newPage(options -> options.setJavaScriptEnabled(false));
    }

    private Page newPage(Consumer<Browser.NewContextOptions> customization) {
        Browser.NewContextOptions options = new Browser.NewContextOptions().setBaseURL(baseUrl).setViewportSize(1400, 1000)
                .setLocale("en-GB").setTimezoneId("UTC");
        customization.accept(options);
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(TIMEOUT_MS);
        contexts.add(context);
        return context.newPage();
    }

    /** Signs in through the {@code /sign-in} form; fails the test unless it lands on the home page (a customer's: the portal). */
    public void signIn(Page page, String username, String password) {
        page.navigate("/sign-in");
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#sign-in-form button[type=submit]").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("^[a-z]+://[^/]+/(portal)?$"));
    }

    /** A fresh page signed in as {@code username}. */
    public Page signedIn(String username, String password) {
        Page page = newPage();
        signIn(page, username, password);
        return page;
    }

    /** Saves a full-page PNG as {@code target/screenshots/<test class>/<name>.png} and returns its path. */
    public Path screenshot(Page page, String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    void close(Optional<Throwable> failure) {
        try {
            if (failure.isPresent()) {
                int n = 0;
                for (BrowserContext context : contexts) {
                    for (Page page : context.pages()) {
                        try {
                            screenshot(page, testName + "-failed-" + ++n);
                        } catch (RuntimeException e) {
                            failure.get().addSuppressed(e);
                        }
                    }
                }
            }
        } finally {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
        }
    }
}
