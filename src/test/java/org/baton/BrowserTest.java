package org.baton;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test that drives Debian's Chromium ({@code /usr/bin/chromium}) with Playwright against the whole
 * application on a random port, with the in-memory H2 database of the {@code test} profile. Test methods
 * take a {@link Chromium} parameter: fresh browser contexts (one per simulated person), sign-in and
 * full-page screenshots under {@code target/screenshots/}.
 *
 * <p>Without {@code /usr/bin/chromium} these tests are skipped, unless {@code BATON_BROWSER_TESTS=required}
 * (as in CI), which makes them fail instead. They are tagged {@code browser}, not {@code integration}, so the
 * PostgreSQL suite does not run them a second time.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("browser")
public @interface BrowserTest {}
