package org.baton.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.baton.IntegrationTest;
import org.baton.calendar.CalendarId;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.Role;
import org.baton.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The sweep on real db-scheduler nodes sharing the database: one node sweeps, is stopped midway (while
 * thresholds keep passing), then two nodes start as a cluster. Every warning and breach goes out exactly once:
 * none lost while no node ran, none sent again after the restart, none sent by both nodes.
 */
@IntegrationTest
class SweepRestartTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired SlaSweep sweep;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void noWarningIsLostOrSentTwiceAcrossAStopARestartAndTwoNodes() throws Exception {
        Organization org = fixtures.organization();
        User customer = fixtures.customerOf(org);
        fixtures.staff(Role.COORDINATOR);
        String admin = fixtures.tokenFor(fixtures.admin());
        String token = fixtures.tokenFor(customer);
        // first response 8 s (warning at 4 s, breach at 8 s), resolution 14 s (warning at 7 s, breach at 14 s)
        create(admin, "/api/v1/service-level-policies", """
                {"kind": "SLA", "name": "%s", "organizationId": "%s", "calendarId": "%s", "warningPercents": [50],
                 "targets": [{"ticketType": "INCIDENT", "priority": "P2", "target": "FIRST_RESPONSE", "duration": "PT8S"},
                             {"ticketType": "INCIDENT", "priority": "P2", "target": "RESOLUTION", "duration": "PT14S"}]}
                """.formatted(Fixtures.unique("Fast SLA"), org.id(), CalendarId.TWENTY_FOUR_SEVEN));
        Instant first = Instant.now();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            numbers.add(JsonPath.read(create(token, "/api/v1/tickets", """
                    {"type": "INCIDENT", "subject": "Sweep %d", "impact": "MEDIUM", "urgency": "HIGH"}""".formatted(i)), "$.number"));
        }
        List<UUID> clocks = jdbc.sql("select c.id from sla_clocks c join tickets t on t.id = c.ticket_id where t.number in (:n)")
                .param("n", numbers).query(UUID.class).list();
        assertThat(clocks).hasSize(numbers.size() * 2);

        Scheduler a = node("node-a");
        a.start();
        sleepUntil(first.plusSeconds(6));
        a.stop();
        assertThat(firings(clocks)).as("node A fired the early warnings before it stopped").isNotEmpty();
        sleepUntil(first.plusSeconds(9));
        Scheduler b = node("node-b");
        Scheduler c = node("node-c");
        b.start();
        c.start();
        Instant deadline = Instant.now().plusSeconds(30);
        while (firings(clocks).size() < clocks.size() * 2 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        b.stop();
        c.stop();

        List<Map<String, Object>> fired = firings(clocks);
        assertThat(fired).as("every warning and every breach of every clock, once").hasSize(clocks.size() * 2);
        for (UUID clock : clocks) {
            assertThat(fired.stream().filter(f -> clock.equals(f.get("clock_id"))).map(f -> ((Number) f.get("percent")).intValue()))
                    .containsExactlyInAnyOrder(50, 100);
        }
        List<Map<String, Object>> messages = jdbc.sql("""
                select o.aggregate_id, o.recipient, o.subject from outbox o join tickets t on t.id = o.aggregate_id
                 where t.number in (:n) and o.kind = 'STAFF_NOTIFICATION'""").param("n", numbers).query().listOfRows();
        assertThat(messages).isNotEmpty();
        assertThat(messages.stream().map(m -> m.get("aggregate_id") + "|" + m.get("recipient") + "|" + m.get("subject")))
                .as("nobody is told the same thing twice").doesNotHaveDuplicates();
    }

    @Test
    void concurrentSweepsFireEachThresholdOnce() throws Exception {
        Organization org = fixtures.organization();
        User customer = fixtures.customerOf(org);
        create(fixtures.tokenFor(fixtures.admin()), "/api/v1/service-level-policies", """
                {"kind": "SLA", "name": "%s", "organizationId": "%s", "calendarId": "%s",
                 "targets": [{"ticketType": "INCIDENT", "priority": "P2", "target": "FIRST_RESPONSE", "duration": "PT1M"}]}
                """.formatted(Fixtures.unique("Race SLA"), org.id(), CalendarId.TWENTY_FOUR_SEVEN));
        String token = fixtures.tokenFor(customer);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            numbers.add(JsonPath.read(create(token, "/api/v1/tickets", """
                    {"type": "INCIDENT", "subject": "Race %d", "impact": "MEDIUM", "urgency": "HIGH"}""".formatted(i)), "$.number"));
        }
        List<UUID> clocks = jdbc.sql("select c.id from sla_clocks c join tickets t on t.id = c.ticket_id where t.number in (:n)")
                .param("n", numbers).query(UUID.class).list();
        Instant later = Instant.now().plus(Duration.ofMinutes(2));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sweeps.add(() -> {
                    int n = 0;
                    for (int round = 0; round < 5; round++) {
                        n += sweep.fireDue(later, 7);
                    }
                    return n;
                });
            }
            for (Future<Integer> f : pool.invokeAll(sweeps)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        while (sweep.fireDue(later, 200) > 0) {
            // drain what the racing sweeps left
        }
        assertThat(firings(clocks)).as("the breach of each clock, once (the warnings had passed with it)").hasSize(clocks.size());
    }

    Scheduler node(String name) {
        return Scheduler.create(dataSource)
                .startTasks(SlaTasks.sweepTask(sweep, Clock.systemUTC(), Duration.ofMillis(100), Duration.ofSeconds(2)))
                .tableName("scheduled_tasks")
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(name))
                .pollingInterval(Duration.ofMillis(200))
                .heartbeatInterval(Duration.ofSeconds(1))
                .threads(2)
                .build();
    }

    List<Map<String, Object>> firings(List<UUID> clocks) {
        return jdbc.sql("select clock_id, percent from sla_firings where clock_id in (:ids)").param("ids", clocks).query().listOfRows();
    }

    String create(String token, String uri, String json) {
        MvcTestResult result = mvc.post().uri(uri).header(AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
        try {
            String body = result.getResponse().getContentAsString();
            assertThat(result.getResponse().getStatus()).as(body).isEqualTo(201);
            return body;
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
