package org.baton;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sign-in page, the calendar admin pages with their due-instant preview and the SLA grid, in a real browser. */
@BrowserTest
class BrowserSmokeTests {

    private static final String OFFICE = "08:00-12:00, 13:00-17:00";

    @Autowired Fixtures fixtures;

    @Test
    void aWrongPasswordShowsTheErrorAndKeepsTheUsernameAndTheRightOneSignsIn(Chromium chromium) {
        User admin = fixtures.admin();
        Page page = chromium.newPage();
        page.navigate("/sign-in");
        assertThat(page.locator("#sign-in-error")).hasCount(0);
        assertThat(page.locator("#username")).isFocused();
        chromium.screenshot(page, "sign-in");

        page.locator("#username").fill(admin.username());
        page.locator("#password").fill("not-" + Fixtures.PASSWORD);
        page.locator("#sign-in-form button[type=submit]").click();

        assertThat(page.locator("#sign-in-error")).isVisible();
        assertThat(page.locator("#sign-in-error")).containsText("Wrong username or password");
        assertThat(page.locator("#username")).hasValue(admin.username());
        assertThat(page.locator("#password")).isEmpty();
        chromium.screenshot(page, "sign-in-wrong-password");

        page.locator("#password").fill(Fixtures.PASSWORD);
        page.locator("#sign-in-form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile("/$"));
        assertThat(page.locator("h1")).containsText(admin.displayName());
    }

    @Test
    void anAdminCreatesACalendarAndPreviewsADueInstantWithHtmxAndWithoutJavaScript(Chromium chromium) {
        User admin = fixtures.admin();
        Page page = chromium.signedIn(admin.username(), Fixtures.PASSWORD);
        page.navigate("/admin/calendars");
        assertThat(page.locator("#calendars-table")).isVisible();
        assertThat(page.locator("#calendars-table tbody tr").first()).isVisible();
        chromium.screenshot(page, "calendars");

        String name = Fixtures.unique("Browser office ");
        page.locator("#new-calendar").click();
        assertThat(page.locator("#calendar-form")).isVisible();
        page.locator("#name").fill(name);
        page.locator("#timeZone").fill("Europe/Berlin");
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
            page.locator("#" + day).fill(OFFICE);
        }
        chromium.screenshot(page, "calendar-new");
        page.locator("#calendar-form button[type=submit]").click();

        assertThat(page).hasURL(Pattern.compile("/admin/calendars/[^/]+$"));
        assertThat(page.locator("h1")).hasText(name);
        assertThat(page.locator("#preview-form")).isVisible();
        String calendarUrl = page.url();

        // With htmx: only #preview-result is swapped; the page (and anything set on it) stays.
        page.evaluate("document.body.dataset.untouched = 'yes'");
        page.locator("#preview-start").fill("2026-12-01T10:00");
        page.locator("#preview-duration").fill("PT1H0M7S");
        page.locator("#preview-form button[type=submit]").click();
        assertThat(page.locator("#due-local")).hasText("Tue 1 Dec 2026 11:00:07 CET");
        assertThat(page).hasURL(calendarUrl);
        assertThat(page.locator("body")).hasAttribute("data-untouched", "yes");
        chromium.screenshot(page, "calendar-preview-htmx");

        // A second browser without JavaScript: the same form posts and the whole page comes back with the result.
        Page plain = chromium.newPageWithoutJavaScript();
        chromium.signIn(plain, admin.username(), Fixtures.PASSWORD);
        plain.navigate(calendarUrl);
        plain.locator("#preview-start").fill("2026-12-24T16:30");
        plain.locator("#preview-duration").fill("1h");
        plain.locator("#preview-form button[type=submit]").click();
        assertThat(plain).hasURL(calendarUrl + "/preview");
        assertThat(plain.locator("#calendar-form")).isVisible();
        assertThat(plain.locator("#due-local")).hasText("Fri 25 Dec 2026 08:30:00 CET");
        chromium.screenshot(plain, "calendar-preview-no-javascript");

        plain.locator("#preview-duration").fill("-PT1H");
        plain.locator("#preview-form button[type=submit]").click();
        assertThat(plain.locator("#preview-errors")).containsText("must not be negative");
        assertThat(plain.locator("#preview-duration")).hasValue("-PT1H");
        assertThat(plain.locator("#due-local")).hasCount(0);
        chromium.screenshot(plain, "calendar-preview-error-no-javascript");
    }

    @Test
    void anInvalidPreviewWithHtmxReplacesTheResultByTheErrors(Chromium chromium) {
        User admin = fixtures.admin();
        Page page = chromium.signedIn(admin.username(), Fixtures.PASSWORD);
        page.navigate("/admin/calendars/new");
        page.locator("#name").fill(Fixtures.unique("Browser office "));
        page.locator("#timeZone").fill("Europe/Berlin");
        page.locator("#monday").fill(OFFICE);
        page.locator("#calendar-form button[type=submit]").click();
        assertThat(page.locator("#preview-form")).isVisible();

        page.locator("#preview-start").fill("2026-11-30T10:00");
        page.locator("#preview-duration").fill("1h");
        page.locator("#preview-form button[type=submit]").click();
        assertThat(page.locator("#due-local")).hasText("Mon 30 Nov 2026 11:00:00 CET");

        page.locator("#preview-duration").fill("-PT1H");
        page.locator("#preview-form button[type=submit]").click();
        assertThat(page.locator("#preview-errors")).containsText("must not be negative");
        assertThat(page.locator("#due-local")).hasCount(0);
        chromium.screenshot(page, "calendar-preview-error-htmx");
    }

    @Test
    void anInvalidDurationInTheSlaGridMarksThatCellAndKeepsTheOthers(Chromium chromium) {
        User admin = fixtures.admin();
        Organization org = fixtures.organization();
        Page page = chromium.signedIn(admin.username(), Fixtures.PASSWORD);
        page.navigate("/admin/service-levels/new?kind=SLA");
        assertThat(page.locator("h1")).hasText("New SLA policy");
        assertThat(page.locator("#targets-grid")).isVisible();
        chromium.screenshot(page, "sla-grid");

        page.locator("#name").fill(Fixtures.unique("Browser SLA "));
        page.locator("#scope").selectOption(org.id().toString());
        page.locator("#t_INCIDENT-P1-FIRST_RESPONSE").fill("soon");
        page.locator("#t_INCIDENT-P1-RESOLUTION").fill("4h");
        page.locator("#policy-form button[type=submit]").click();

        assertThat(page.locator("#form-errors")).isVisible();
        assertThat(page.locator("#t_INCIDENT-P1-FIRST_RESPONSE")).hasClass(Pattern.compile("\\bis-invalid\\b"));
        assertThat(page.locator("#t_INCIDENT-P1-FIRST_RESPONSE")).hasValue("soon");
        assertThat(page.locator("#t_INCIDENT-P1-FIRST_RESPONSE-error")).isVisible();
        assertThat(page.locator("#t_INCIDENT-P1-RESOLUTION")).not().hasClass(Pattern.compile("\\bis-invalid\\b"));
        assertThat(page.locator("#t_INCIDENT-P1-RESOLUTION")).hasValue("4h");
        assertThat(page.locator("#scope")).hasValue(org.id().toString());
        chromium.screenshot(page, "sla-grid-invalid-cell");
    }
}
