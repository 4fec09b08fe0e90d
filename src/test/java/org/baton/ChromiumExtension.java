package org.baton;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts Playwright and one headless Chromium once per JVM (that costs 1–2 s) and gives each test method its
 * own {@link Chromium}, whose browser contexts are closed after the test. Playwright never downloads a
 * browser: it launches {@value #EXECUTABLE}. When that is missing, every test of the class is reported skipped with
 * the reason (an execution condition, evaluated before Spring starts the application), or the class fails when
 * {@code BATON_BROWSER_TESTS=required}.
 */
final class ChromiumExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    static final String EXECUTABLE = "/usr/bin/chromium";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChromiumExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try {
            requireChromium();
            return ConditionEvaluationResult.enabled("Chromium at " + EXECUTABLE);
        } catch (TestAbortedException e) {
            return ConditionEvaluationResult.disabled(e.getMessage());
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PlaywrightAssertions.setDefaultAssertionTimeout(Chromium.TIMEOUT_MS);
        // Launch once per JVM, before the application starts: a browser that cannot launch fails the class at once.
        browser(context);
    }

    private static void requireChromium() {
        requireChromium(Path.of(EXECUTABLE), System.getenv("BATON_BROWSER_TESTS"));
    }

    /** Returns if {@code executable} can run; else aborts the test (skipped), or fails it when {@code mode} is "required". */
    static void requireChromium(Path executable, @Nullable String mode) {
        if (Files.isExecutable(executable)) {
            return;
        }
        String message = "browser tests need Chromium at " + executable + " (apt-get install chromium)";
        if ("required".equals(mode)) {
            throw new IllegalStateException(message + ", and BATON_BROWSER_TESTS=required");
        }
        Assumptions.abort(message + "; skipped (set BATON_BROWSER_TESTS=required to fail instead)");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Chromium.class && context.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
        Path screenshots = Path.of("target", "screenshots", context.getRequiredTestClass().getSimpleName());
        Chromium chromium = new Chromium(browser(context), "http://localhost:" + port, screenshots,
                context.getRequiredTestMethod().getName());
        // Closed by JUnit when the test method ends; a failed test first gets screenshots of its open pages.
        context.getStore(NAMESPACE).put(Chromium.class, (AutoCloseable) () -> chromium.close(context.getExecutionException()));
        return chromium;
    }

    private static Browser browser(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Launched.class, key -> Launched.start(), Launched.class).browser();
    }

    /** Playwright and its browser for the whole JVM; JUnit closes them when the root store closes. */
    private record Launched(Playwright playwright, Browser browser) implements AutoCloseable {

        static Launched start() {
            Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            try {
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(EXECUTABLE))
                        .setHeadless(true)
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                                "--disable-sync", "--no-first-run", "--disable-quic")));
                return new Launched(playwright, browser);
            } catch (RuntimeException e) {
                playwright.close();
                throw e;
            }
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }
}
