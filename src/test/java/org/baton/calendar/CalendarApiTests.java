package org.baton.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.baton.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class CalendarApiTests {

    private static final String BASE = "/api/v1/calendars";
    private static final String BUILT_IN = BASE + "/" + CalendarId.TWENTY_FOUR_SEVEN;

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired BusinessCalendars businessCalendars;

    private String admin() {
        return "Bearer " + fixtures.tokenFor(fixtures.admin());
    }

    private static String officeBody(String name) {
        return """
                {"name": "%s", "timeZone": "Europe/Berlin", "holidayCountry": "DE", "holidaySubdivision": "by",
                 "weeklyHours": {"MONDAY": [{"start": "08:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}],
                                 "TUESDAY": [{"start": "08:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}],
                                 "WEDNESDAY": [{"start": "08:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}],
                                 "THURSDAY": [{"start": "08:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}],
                                 "FRIDAY": [{"start": "08:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}]},
                 "closedDays": [{"date": "2026-12-24", "name": "Christmas Eve"}]}
                """.formatted(name);
    }

    private MvcTestResult create(String token, String body) {
        return mvc.post().uri(BASE).header(AUTHORIZATION, token).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private String createdId(String token, String name) throws Exception {
        MvcTestResult created = create(token, officeBody(name));
        assertThat(created).hasStatus(201);
        return JsonPath.read(created.getResponse().getContentAsString(), "$.id");
    }

    @Test
    void anAdministratorCreatesACalendarAndFindsItAtItsLocation() {
        String admin = admin();
        String name = Fixtures.unique("Office ");

        MvcTestResult created = create(admin, officeBody(name));

        assertThat(created).hasStatus(201).hasHeader(HttpHeaders.ETAG, "\"0\"");
        assertThat(created).bodyJson().extractingPath("$.weeklyHours.MONDAY[1].start").isEqualTo("13:00");
        assertThat(created).bodyJson().extractingPath("$.holidaySubdivision").isEqualTo("by");
        assertThat(created).bodyJson().extractingPath("$.closedDays[0].name").isEqualTo("Christmas Eve");
        assertThat(created).bodyJson().extractingPath("$.builtIn").isEqualTo(false);
        String location = created.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).startsWith("http://localhost/api/v1/calendars/");
        assertThat(mvc.get().uri(location).header(AUTHORIZATION, admin).exchange()).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"0\"")
                .bodyJson().extractingPath("$.name").isEqualTo(name);
    }

    @Test
    void previewsADueInstantOnAStoredCalendar() throws Exception {
        String admin = admin();
        String id = createdId(admin, Fixtures.unique("Preview "));

        // Tue 2026-12-01 09:00Z is 10:00 in Berlin: 2 h until lunch, 4 h in the afternoon, 2 h from 08:00 on Wednesday
        MvcTestResult due = mvc.get().uri(BASE + "/" + id + "/due?start=2026-12-01T09:00:00Z&duration=PT8H").header(AUTHORIZATION, admin)
                .exchange();

        assertThat(due).hasStatusOk();
        assertThat(due).bodyJson().extractingPath("$.dueAt").isEqualTo("2026-12-02T09:00:00Z");
        assertThat(due).bodyJson().extractingPath("$.dueAtLocal").isEqualTo("2026-12-02T10:00+01:00");
        assertThat(due).bodyJson().extractingPath("$.businessTimeBetween").isEqualTo("PT8H");
        assertThat(due).bodyJson().extractingPath("$.elapsed").isEqualTo("PT24H");
        assertThat(due).bodyJson().extractingPath("$.calendarId").isEqualTo(id);
        assertThat(due).bodyJson().extractingPath("$.nextOpenPeriods[0].start").isEqualTo("2026-12-01T09:00:00Z");
        assertThat(due).bodyJson().extractingPath("$.nextOpenPeriods[0].end").isEqualTo("2026-12-01T11:00:00Z");
    }

    @Test
    void previewsAnUnsavedCalendarWithoutSavingIt() {
        String agent = "Bearer " + fixtures.tokenFor(fixtures.agentIn(fixtures.groupServingAll()));
        String name = Fixtures.unique("Unsaved ");

        MvcTestResult preview = mvc.post().uri(BASE + "/preview").header(AUTHORIZATION, agent).contentType(MediaType.APPLICATION_JSON)
                .content("{\"calendar\": " + officeBody(name) + ", \"start\": \"2026-06-03T13:00:00Z\", \"duration\": \"PT4H\"}").exchange();

        // Wed 15:00 CEST: 2 h until 17:00; Thu 06-04 Corpus Christi in Bavaria; Fri 08:00 CEST + 2 h = 08:00Z
        assertThat(preview).hasStatusOk().bodyJson().extractingPath("$.dueAt").isEqualTo("2026-06-05T08:00:00Z");
        assertThat(preview).bodyJson().extractingPath("$.calendarName").isEqualTo(name);
        assertThat(mvc.get().uri(BASE + "?q=" + name).header(AUTHORIZATION, admin()).exchange()).bodyJson()
                .extractingPath("$.items").asArray().isEmpty();
    }

    @Test
    void badPreviewParametersAreProblemsNamingTheParameter() throws Exception {
        String admin = admin();
        String due = BUILT_IN + "/due";
        for (String[] c : new String[][] {
            {"?start=2026-12-01T09:00:00&duration=PT8H", "start"},
            {"?start=yesterday&duration=PT8H", "start"},
            {"?start=2026-12-01T09:00:00Z&duration=8h", "duration"},
            {"?start=2026-12-01T09:00:00Z&duration=-PT1H", "duration"},
            {"?start=2026-12-01T09:00:00Z", "duration"}}) {
            MvcTestResult result = mvc.get().uri(due + c[0]).header(AUTHORIZATION, admin).exchange();
            assertThat(result).as(c[0]).hasStatus(400).hasContentType("application/problem+json");
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").as(c[0]).isEqualTo(c[1]);
        }
        MvcTestResult preview = mvc.post().uri(BASE + "/preview").header(AUTHORIZATION, admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"calendar\": {\"name\": \"x\", \"timeZone\": \"Mars/Olympus\", \"weeklyHours\": {\"MONDAY\": "
                        + "[{\"start\": \"09:00\", \"end\": \"9pm\"}]}}, \"start\": \"soon\", \"duration\": \"-PT1H\"}")
                .exchange();
        assertThat(preview).hasStatus(422);
        assertThat(JsonPath.<List<String>>read(preview.getResponse().getContentAsString(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("calendar.timeZone", "calendar.weeklyHours.MONDAY[0].end", "start", "duration");
    }

    @Test
    void invalidCalendarsAreRefusedWith422NamingEachFieldAndNothingIsSaved() throws Exception {
        String admin = admin();
        String name = Fixtures.unique("Broken ");
        MvcTestResult refused = create(admin, """
                {"name": "%s", "timeZone": "Europe/Berlln", "holidayCountry": "DE", "holidaySubdivision": "xx",
                 "weeklyHours": {"MONDAY": [{"start": "22:00", "end": "06:00"}], "TUESDAY": [{"start": "05:00", "end": "12:00"}],
                                 "WEDNESDAY": [{"start": "09:00", "end": "09:00"}], "THURSDAY": [{"start": 9, "end": "17:00"}]},
                 "closedDays": [{"date": "24.12.2026"}], "version": 3}
                """.formatted(name));

        assertThat(refused).hasStatus(422).hasContentType("application/problem+json");
        assertThat(refused).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-input");
        assertThat(JsonPath.<List<String>>read(refused.getResponse().getContentAsString(), "$.errors[*].field")).contains("version",
                "weeklyHours.THURSDAY[0].start");
        MvcTestResult rules = create(admin, """
                {"name": "%s", "timeZone": "Europe/Berlln", "holidayCountry": "DE", "holidaySubdivision": "xx",
                 "weeklyHours": {"MONDAY": [{"start": "22:00", "end": "06:00"}], "TUESDAY": [{"start": "05:00", "end": "12:00"}],
                                 "WEDNESDAY": [{"start": "09:00", "end": "09:00"}]},
                 "closedDays": [{"date": "24.12.2026"}]}
                """.formatted(name));
        assertThat(rules).hasStatus(422);
        assertThat(JsonPath.<List<String>>read(rules.getResponse().getContentAsString(), "$.errors[*].field")).containsExactlyInAnyOrder(
                "timeZone", "holidaySubdivision", "weeklyHours.TUESDAY[0]", "weeklyHours.WEDNESDAY[0]", "closedDays[0].date");
        assertThat(create(admin, "{\"name\": \"" + name + "\", \"timeZone\": \"UTC\"}")).hasStatus(422).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("weeklyHours");
        assertThat(mvc.get().uri(BASE + "?q=" + name).header(AUTHORIZATION, admin).exchange()).bodyJson().extractingPath("$.items")
                .asArray().isEmpty();
    }

    @Test
    void aSecondCalendarWithTheSameNameIgnoringCaseIsRefused() throws Exception {
        String admin = admin();
        String name = Fixtures.unique("Twin ");
        createdId(admin, name);

        assertThat(create(admin, officeBody(name.toUpperCase()))).hasStatus(422).bodyJson().extractingPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void aMergePatchChangesOneWeekdayAndAStaleIfMatchIsRefusedWith412() throws Exception {
        String admin = admin();
        String id = createdId(admin, Fixtures.unique("Patch "));
        String uri = BASE + "/" + id;

        MvcTestResult patched = mvc.patch().uri(uri).header(AUTHORIZATION, admin).header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .content("{\"weeklyHours\": {\"SATURDAY\": [{\"start\": \"09:00\", \"end\": \"13:00\"}], \"FRIDAY\": null}}").exchange();

        assertThat(patched).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(patched).bodyJson().extractingPath("$.weeklyHours.SATURDAY[0].end").isEqualTo("13:00");
        assertThat(patched).bodyJson().extractingPath("$.weeklyHours").asMap().doesNotContainKey("FRIDAY").containsKey("MONDAY");
        assertThat(patched).bodyJson().extractingPath("$.closedDays[0].date").isEqualTo("2026-12-24");

        MvcTestResult stale = mvc.patch().uri(uri).header(AUTHORIZATION, admin).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"timeZone\": \"Europe/London\"}").exchange();
        assertThat(stale).hasStatus(412).hasHeader(HttpHeaders.ETAG, "\"1\"");
        assertThat(stale).bodyJson().extractingPath("$.currentVersion").isEqualTo(1);
        assertThat(mvc.get().uri(uri).header(AUTHORIZATION, admin).exchange()).bodyJson().extractingPath("$.timeZone").isEqualTo("Europe/Berlin");

        MvcTestResult readOnly = mvc.patch().uri(uri).header(AUTHORIZATION, admin).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content("{\"id\": \"x\", \"colour\": \"blue\"}").exchange();
        assertThat(readOnly).hasStatus(422);
        assertThat(JsonPath.<List<String>>read(readOnly.getResponse().getContentAsString(), "$.errors[*].message"))
                .containsExactlyInAnyOrder("is read-only", "is not a field of a calendar");

        assertThat(mvc.patch().uri(uri).header(AUTHORIZATION, admin).contentType(MediaType.APPLICATION_JSON).content("{}").exchange())
                .hasStatus(400);
    }

    @Test
    void aChangeIsSeenAtOnceThroughBusinessCalendarsOnThisNode() throws Exception {
        String admin = admin();
        String id = createdId(admin, Fixtures.unique("Seen "));
        CalendarId calendar = CalendarId.parse(id);
        java.time.Instant tuesday10Berlin = java.time.Instant.parse("2026-12-01T09:00:00Z");
        assertThat(businessCalendars.businessTime(calendar).orElseThrow().isOpen(tuesday10Berlin)).isTrue();

        mvc.patch().uri(BASE + "/" + id).header(AUTHORIZATION, admin).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"timeZone\": \"America/New_York\"}").exchange();

        // 09:00Z is 04:00 in New York: closed
        assertThat(businessCalendars.businessTime(calendar).orElseThrow().isOpen(tuesday10Berlin)).isFalse();
        assertThat(businessCalendars.name(CalendarId.TWENTY_FOUR_SEVEN)).contains("24×7");
        assertThat(businessCalendars.businessTime(CalendarId.random())).isEmpty();
    }

    @Test
    void theBuiltIn24x7CalendarCannotBeDeletedNorLoseItsAlwaysOpenFlag() throws Exception {
        String admin = admin();

        MvcTestResult delete = mvc.delete().uri(BUILT_IN).header(AUTHORIZATION, admin).exchange();
        assertThat(delete).hasStatus(409).hasContentType("application/problem+json");
        assertThat(delete).bodyJson().extractingPath("$.reason").isEqualTo("built-in-calendar");

        String etag = mvc.get().uri(BUILT_IN).header(AUTHORIZATION, admin).exchange().getResponse().getHeader(HttpHeaders.ETAG);
        MvcTestResult change = mvc.patch().uri(BUILT_IN).header(AUTHORIZATION, admin).header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"twentyFourSeven\": false, \"weeklyHours\": {\"MONDAY\": [{\"start\": \"09:00\", \"end\": \"17:00\"}]}}").exchange();
        assertThat(change).hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("twentyFourSeven");
        assertThat(mvc.get().uri(BUILT_IN).header(AUTHORIZATION, admin).exchange()).bodyJson().extractingPath("$.twentyFourSeven").isEqualTo(true);
        assertThat(businessCalendars.businessTime(CalendarId.TWENTY_FOUR_SEVEN).orElseThrow()
                .addTo(java.time.Instant.parse("2026-12-25T10:00:00Z"), java.time.Duration.ofHours(1)))
                .isEqualTo("2026-12-25T11:00:00Z");
    }

    @Test
    void anAdministratorDeletesACalendarWhichIsThenGone() throws Exception {
        String admin = admin();
        String id = createdId(admin, Fixtures.unique("Gone "));

        assertThat(mvc.delete().uri(BASE + "/" + id).header(AUTHORIZATION, admin).header("If-Match", "\"7\"").exchange()).hasStatus(412);
        assertThat(mvc.delete().uri(BASE + "/" + id).header(AUTHORIZATION, admin).header("If-Match", "\"0\"").exchange()).hasStatus(204);
        assertThat(mvc.get().uri(BASE + "/" + id).header(AUTHORIZATION, admin).exchange()).hasStatus(404);
        assertThat(businessCalendars.businessTime(CalendarId.parse(id))).isEmpty();
    }

    @Test
    void customersAreRefusedAndStaffMayReadButNotChange() throws Exception {
        String customer = "Bearer " + fixtures.tokenFor(fixtures.customerOf(fixtures.organization()));
        String coordinator = "Bearer " + fixtures.tokenFor(fixtures.staff(Role.COORDINATOR));
        String lead = "Bearer " + fixtures.tokenFor(fixtures.staff(Role.TEAM_LEAD));
        String agent = "Bearer " + fixtures.tokenFor(fixtures.agentIn(fixtures.groupServingAll()));

        for (String uri : new String[] {BASE, BUILT_IN, BUILT_IN + "/due?duration=PT1H"}) {
            assertThat(mvc.get().uri(uri).header(AUTHORIZATION, customer).exchange()).as(uri).hasStatus(403);
            for (String staff : new String[] {coordinator, lead, agent}) {
                assertThat(mvc.get().uri(uri).header(AUTHORIZATION, staff).exchange()).as(uri).hasStatusOk();
            }
        }
        assertThat(create(customer, officeBody(Fixtures.unique("Evil ")))).hasStatus(403);
        assertThat(create(coordinator, officeBody(Fixtures.unique("Coord ")))).hasStatus(403);
        assertThat(mvc.delete().uri(BUILT_IN).header(AUTHORIZATION, agent).exchange()).hasStatus(403);
        assertThat(mvc.get().uri(BASE).exchange()).hasStatus(401);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String admin = admin();
        assertThat(mvc.get().uri(BASE + "/" + CalendarId.random()).header(AUTHORIZATION, admin).exchange()).hasStatus(404)
                .hasContentType("application/problem+json");
        assertThat(mvc.get().uri(BASE + "/not-a-uuid/due?duration=PT1H").header(AUTHORIZATION, admin).exchange()).hasStatus(404);
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatingAnything() throws Exception {
        String admin = admin();
        String stem = Fixtures.unique("Page ");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            createdId(admin, stem + " " + i);
            expected.add(stem + " " + i);
        }
        List<String> seen = new ArrayList<>();
        String uri = BASE + "?limit=2&q=" + stem;
        while (uri != null) {
            MvcTestResult page = mvc.get().uri(uri).header(AUTHORIZATION, admin).exchange();
            String body = page.getResponse().getContentAsString();
            seen.addAll(JsonPath.read(body, "$.items[*].name"));
            uri = JsonPath.<List<?>>read(body, "$..nextCursor").isEmpty() ? null
                    : BASE + "?limit=2&q=" + stem + "&cursor=" + JsonPath.read(body, "$.nextCursor");
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }
}
