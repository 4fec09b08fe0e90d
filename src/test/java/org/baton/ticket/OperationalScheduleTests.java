package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baton.ticket.Desk.read;

import java.time.Instant;
import java.util.List;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class OperationalScheduleTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired OperationalSchedules schedules;
    @Autowired JdbcClient jdbc;
    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc, fixtures);
    }

    private MvcTestResult create(String token, String json) {
        return mvc.post().uri("/api/v1/ticket-schedules").header("Authorization", "Bearer " + token)
                .contentType("application/json").content(json).exchange();
    }

    @Test
    void aMonthlyScheduleCreatesOneTaskPerPeriodAndNeverTwo() {
        MvcTestResult created = create(desk.leadToken, """
                {"title": "Patch the file servers", "organizationId": "%s", "groupId": "%s", "ownerId": "%s",
                 "cadence": "MONTHLY", "firstPeriod": "2099-11-01", "timeZone": "Europe/Berlin"}"""
                .formatted(desk.org.id(), desk.serviceDesk.id(), desk.alice.id()));
        assertThat(created).hasStatus(201);
        String id = read(created, "$.id");

        int first = schedules.createDueTasks(Instant.parse("2100-01-15T08:00:00Z"));
        int again = schedules.createDueTasks(Instant.parse("2100-01-15T08:05:00Z"));

        List<String> subjects = jdbc.sql("select subject from tickets where schedule_id = :id order by schedule_period")
                .param("id", java.util.UUID.fromString(id)).query(String.class).list();
        assertThat(subjects).containsExactly("Patch the file servers — 2099-11", "Patch the file servers — 2099-12",
                "Patch the file servers — 2100-01");
        assertThat(first).isGreaterThanOrEqualTo(3);
        assertThat(again).isZero();
        // a run that read the schedule before the first one moved it on (another node) tries the same periods again:
        // the database's unique (schedule, period) refuses each second task, and nothing of those runs is kept
        jdbc.sql("update ticket_schedules set next_period = :p where id = :id")
                .param("p", java.time.LocalDate.parse("2099-11-01")).param("id", java.util.UUID.fromString(id)).update();
        assertThat(schedules.createDueTasks(Instant.parse("2100-01-15T08:10:00Z"))).isZero();
        assertThat(jdbc.sql("select count(*) from tickets where schedule_id = :id").param("id", java.util.UUID.fromString(id))
                .query(Long.class).single()).isEqualTo(3);
        String number = jdbc.sql("select number from tickets where schedule_id = :id and schedule_period = :p")
                .param("id", java.util.UUID.fromString(id)).param("p", java.time.LocalDate.parse("2099-12-01")).query(String.class).single();
        MvcTestResult task = desk.get(desk.aliceToken, number);
        assertThat(task).bodyJson().extractingPath("$.type").isEqualTo("OPERATIONAL_TASK");
        assertThat(task).bodyJson().extractingPath("$.priority").isEqualTo("PLANNED");
        assertThat(task).bodyJson().extractingPath("$.channel").isEqualTo("SCHEDULE");
        assertThat(task).bodyJson().extractingPath("$.status").isEqualTo("ASSIGNED");
        assertThat(task).bodyJson().extractingPath("$.owner.id").isEqualTo(desk.alice.id().toString());
        assertThat(task).bodyJson().extractingPath("$.workingGroup.name").isEqualTo(desk.serviceDesk.name());
        // due when the period ends: midnight of 1 January 2100 in Berlin
        assertThat(task).bodyJson().extractingPath("$.dueAt").isEqualTo("2099-12-31T23:00:00Z");
    }

    @Test
    void onlyTeamLeadsAndCoordinatorsCreateSchedulesAndBadFieldsAreNamed() {
        assertThat(create(desk.aliceToken, "{\"title\": \"x\"}")).hasStatus(403);

        MvcTestResult refused = create(desk.coordinatorToken, """
                {"title": "", "organizationId": "%s", "cadence": "HOURLY", "every": 0, "firstPeriod": "2099-11-01",
                 "timeZone": "Mars/Olympus"}""".formatted(desk.org.id()));

        assertThat(refused).hasStatus(422);
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).containsExactly("cadence");
        MvcTestResult refused2 = create(desk.coordinatorToken, """
                {"title": "", "organizationId": "%s", "cadence": "DAILY", "every": 0, "firstPeriod": "2099-11-01",
                 "timeZone": "Mars/Olympus"}""".formatted(desk.org.id()));
        List<String> fields2 = read(refused2, "$.errors[*].field");
        assertThat(fields2).containsExactlyInAnyOrder("title", "every", "timeZone");
    }
}
