package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import org.baton.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ExpiredSessionsTests {

    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void removesExpiredSessionsAndKeepsLiveOnes() {
        String expired = insertSession(clock.millis() - 1_000);
        String live = insertSession(clock.millis() + 600_000);
        ExpiredSessions.removeExpired(jdbc, clock);
        assertThat(count(expired)).isZero();
        assertThat(count(live)).isOne();
    }

    @Test
    void theCleanupIsAClusterWideScheduledTask() {
        long scheduled = jdbc.sql("select count(*) from scheduled_tasks where task_name = :name")
                .param("name", ExpiredSessions.TASK).query(Long.class).single();
        assertThat(scheduled).isOne();
    }

    private String insertSession(long expiry) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into spring_session (primary_id, session_id, creation_time, last_access_time, max_inactive_interval, expiry_time) "
                        + "values (:id, :id, 0, 0, 1800, :expiry)")
                .param("id", id).param("expiry", expiry).update();
        return id;
    }

    private long count(String id) {
        return jdbc.sql("select count(*) from spring_session where primary_id = :id").param("id", id).query(Long.class).single();
    }
}
