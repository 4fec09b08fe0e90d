package org.baton;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Without Chromium a developer's build skips the browser tests; CI (BATON_BROWSER_TESTS=required) fails instead. */
class ChromiumExtensionTests {

    @TempDir Path dir;

    @Test
    void withoutChromiumBrowserTestsAreSkippedWithAClearMessage() {
        Path missing = dir.resolve("chromium");
        assertThatThrownBy(() -> ChromiumExtension.requireChromium(missing, null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("browser tests need Chromium at " + missing)
                .hasMessageContaining("BATON_BROWSER_TESTS=required");
        assertThatThrownBy(() -> ChromiumExtension.requireChromium(missing, "")).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void withoutChromiumBrowserTestsFailWhenTheyAreRequired() {
        Path missing = dir.resolve("chromium");
        assertThatThrownBy(() -> ChromiumExtension.requireChromium(missing, "required"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("browser tests need Chromium at " + missing);
    }

    @Test
    void anExecutableChromiumLetsThemRun() {
        Path sh = Path.of("/bin/sh");
        assertThatCode(() -> ChromiumExtension.requireChromium(sh, "required")).doesNotThrowAnyException();
        assertThatCode(() -> ChromiumExtension.requireChromium(sh, null)).doesNotThrowAnyException();
    }
}
