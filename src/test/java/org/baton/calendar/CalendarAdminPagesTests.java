package org.baton.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.List;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class CalendarAdminPagesTests {

    private static final String OFFICE = "08:00-12:00, 13:00-17:00";

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Calendars calendars;

    private Browser admin() {
        return Browser.signedIn(mvc, fixtures.admin().username(), Fixtures.PASSWORD);
    }

    private BusinessCalendar saved(String name) {
        List<BusinessCalendar> found = calendars.page(name, null, 2);
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private BusinessCalendar createdThroughTheForm(Browser admin, String name) {
        MvcTestResult created = admin.post("/admin/calendars", "name", name, "timeZone", "Europe/Berlin", "monday", OFFICE, "tuesday", OFFICE,
                "wednesday", OFFICE, "thursday", OFFICE, "friday", OFFICE, "holidayCountry", "DE", "holidaySubdivision", "by",
                "closedDays", "2026-12-24 Christmas Eve\n2026-12-31 New Year's Eve\n", "version", "0");
        BusinessCalendar calendar = saved(name);
        assertThat(created).hasStatus3xxRedirection().hasRedirectedUrl("/admin/calendars/" + calendar.id());
        return calendar;
    }

    @Test
    void anAdminCreatesACalendarFromOneLinePerWeekdayAndFindsItInTheList() {
        Browser admin = admin();
        String name = Fixtures.unique("Berlin office ");

        BusinessCalendar calendar = createdThroughTheForm(admin, name);

        assertThat(calendar.definition().weeklyOpenTime()).hasHours(40);
        assertThat(calendar.definition().holidays()).isEqualTo(new HolidayRegion("DE", "by"));
        assertThat(calendar.definition().closedDays()).extracting(ClosedDay::name).containsExactly("Christmas Eve", "New Year's Eve");
        assertThat(admin.get("/admin/calendars/" + calendar.id())).hasStatusOk().bodyText()
                .contains("Calendar " + name + " created.").contains("value=\"" + OFFICE + "\"").contains("id=\"preview-form\"");
        assertThat(admin.get("/admin/calendars?q=" + name)).hasStatusOk().bodyText()
                .contains("id=\"calendar-" + calendar.id() + "\"").contains("Mon–Fri 08:00-12:00, 13:00-17:00").contains("Germany – Bavaria");
    }

    @Test
    void anInvalidCalendarFormShowsEachFieldErrorKeepsTheInputAndSavesNothing() {
        Browser admin = admin();
        String name = Fixtures.unique("Broken ");

        MvcTestResult result = admin.post("/admin/calendars", "name", name, "timeZone", "Europe/Berln", "monday", "22:00-06:00",
                "tuesday", "05:00-12:00, 8am-noon", "wednesday", "09:00-09:00", "thursday", "nine to five", "holidayCountry", "DE",
                "holidaySubdivision", "zz", "closedDays", "2026-12-24 Christmas Eve\n24.12.2026 again");

        assertThat(result).hasStatus(422);
        assertThat(result).bodyText().contains("id=\"form-errors\"")
                .contains("id=\"timeZone-error\"")
                .contains("id=\"thursday-error\">&#39;nine to five&#39; is not a range such as 08:00-12:00")
                .contains("value=\"05:00-12:00, 8am-noon\"")
                .contains("value=\"Europe/Berln\"");
        assertThat(calendars.page(name, null, 2)).isEmpty();

        MvcTestResult rules = admin.post("/admin/calendars", "name", name, "timeZone", "Europe/Berln", "monday", "22:00-06:00",
                "tuesday", "05:00-12:00, 8am-noon", "wednesday", "09:00-09:00", "holidayCountry", "DE", "holidaySubdivision", "zz",
                "closedDays", "2026-12-24 Christmas Eve\n24.12.2026 again");
        assertThat(rules).hasStatus(422);
        assertThat(rules).bodyText()
                .contains("id=\"tuesday-error\">").contains("Tuesday 05:00-12:00 overlaps Monday 22:00-06:00")
                .contains("&#39;8am&#39; is not a time of day")
                .contains("id=\"wednesday-error\">is empty")
                .contains("id=\"holidaySubdivision-error\"")
                .contains("id=\"closedDays-error\">line 2: &#39;24.12.2026&#39; is not a date")
                .contains("24.12.2026 again");
        assertThat(calendars.page(name, null, 2)).isEmpty();
    }

    @Test
    void savingAStaleCalendarIsAConflictThatKeepsTheInputAndChangesNothing() {
        Browser first = admin();
        Browser second = admin();
        String name = Fixtures.unique("Shared ");
        BusinessCalendar calendar = createdThroughTheForm(first, name);
        String uri = "/admin/calendars/" + calendar.id();

        assertThat(first.post(uri, "name", name, "timeZone", "Europe/London", "monday", "09:00-17:00", "version", "0"))
                .hasRedirectedUrl(uri);
        MvcTestResult stale = second.post(uri, "name", name, "timeZone", "America/New_York", "monday", "10:00-18:00", "version", "0");

        assertThat(stale).hasStatus(409);
        assertThat(stale).bodyText().contains("id=\"conflict\"").contains("value=\"10:00-18:00\"").contains("value=\"America/New_York\"");
        assertThat(saved(name).definition().zone().getId()).isEqualTo("Europe/London");
    }

    @Test
    void thePreviewIsAFullPageForAPlainPostAndOnlyTheResultForHtmx() {
        Browser admin = admin();
        BusinessCalendar calendar = createdThroughTheForm(admin, Fixtures.unique("Preview "));
        String uri = "/admin/calendars/" + calendar.id() + "/preview";

        // Thu 24 Dec 16:00 is a closed day; 25th, 26th holidays; weekend; Mon 28th 08:00-12:00 and 13:00-17:00
        MvcTestResult page = admin.post(uri, "start", "2026-12-24T16:00", "duration", "8h");
        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("id=\"calendar-form\"").contains("id=\"preview-result\"")
                .contains("id=\"due-local\">Mon 28 Dec 2026 17:00:00 CET").contains("id=\"due-utc\">2026-12-28 16:00:00 UTC")
                .contains("Mon 28 Dec 08:00 – 12:00 (4 h)");

        MvcTestResult fragment = htmxPost(uri, "start", "2026-12-01T10:00", "duration", "PT1H0M7S");
        assertThat(fragment).hasStatusOk();
        assertThat(fragment).bodyText().contains("id=\"preview-result\"").contains("id=\"due-local\">Tue 1 Dec 2026 11:00:07 CET")
                .contains("id=\"business-time\">1 h 0 min 7 s").doesNotContain("id=\"calendar-form\"").doesNotContain("<html");

        MvcTestResult bad = htmxPost(uri, "start", "tomorrow", "duration", "-PT1H");
        assertThat(bad).hasStatus(422);
        assertThat(bad).bodyText().contains("id=\"preview-errors\"").contains("must not be negative").contains("is not a date and time");
    }

    @Test
    void theListAnswersHtmxWithTheRowsOnly() {
        Browser admin = admin();
        String name = Fixtures.unique("Rows ");
        createdThroughTheForm(admin, name);

        MvcTestResult rows = admin.htmx("/admin/calendars?q=" + name);

        assertThat(rows).hasStatusOk().bodyText().contains("id=\"calendar-rows\"").contains(name).doesNotContain("id=\"new-calendar\"")
                .doesNotContain("<html");
        assertThat(admin.get("/admin/calendars")).bodyText().contains("id=\"new-calendar\"").contains("24×7");
    }

    @Test
    void theBuiltInCalendarCannotBeDeletedButAnotherCan() {
        Browser admin = admin();
        String builtIn = "/admin/calendars/" + CalendarId.TWENTY_FOUR_SEVEN;
        assertThat(admin.get(builtIn)).hasStatusOk().bodyText().doesNotContain("id=\"delete-calendar\"");
        assertThat(admin.post(builtIn + "/delete")).hasStatus(409).bodyText().contains("id=\"refusal\"").contains("cannot be deleted");
        assertThat(calendars.byId(CalendarId.TWENTY_FOUR_SEVEN)).isPresent();

        BusinessCalendar calendar = createdThroughTheForm(admin, Fixtures.unique("Doomed "));
        assertThat(admin.post("/admin/calendars/" + calendar.id() + "/delete", "version", "0")).hasRedirectedUrl("/admin/calendars");
        assertThat(calendars.byId(calendar.id())).isEmpty();
    }

    @Test
    void customersAndAgentsCannotReachCalendarAdministration() {
        Browser customer = Browser.signedIn(mvc, fixtures.customerOf(fixtures.organization()).username(), Fixtures.PASSWORD);
        Browser agent = Browser.signedIn(mvc, fixtures.agentIn(fixtures.groupServingAll()).username(), Fixtures.PASSWORD);
        for (Browser browser : List.of(customer, agent)) {
            assertThat(browser.get("/admin/calendars")).hasStatus(403);
            assertThat(browser.post("/admin/calendars", "name", "Evil", "timeZone", "UTC", "twentyFourSeven", "true")).hasStatus(403);
        }
        assertThat(calendars.page("Evil", null, 5)).noneMatch(c -> c.name().equals("Evil"));
        assertThat(admin().get("/admin/calendars/" + CalendarId.random())).hasStatus(404);
    }

    /** A form post as htmx sends it, by a signed-in administrator: session cookie, CSRF token and the HX-Request header. */
    private MvcTestResult htmxPost(String uri, String... params) {
        Cookie session = signedInSession();
        var request = mvc.post().uri(uri).with(csrf()).cookie(session).header("HX-Request", "true");
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    private Cookie signedInSession() {
        MvcTestResult signIn = mvc.post().uri("/sign-in").with(csrf()).param("username", fixtures.admin().username())
                .param("password", Fixtures.PASSWORD).exchange();
        Cookie session = signIn.getResponse().getCookie("SESSION");
        assertThat(session).as("session cookie after sign-in").isNotNull();
        return session;
    }
}
