package org.baton.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes expired browser sessions every 10 minutes. A db-scheduler recurring task, so it runs on
 * one node of the cluster at a time (Spring Session's own per-node cron is switched off).
 */
@Configuration(proxyBeanMethods = false)
class ExpiredSessions {

    static final String TASK = "expired-session-cleanup";
    private static final Logger log = LoggerFactory.getLogger(ExpiredSessions.class);

    @Bean
    RecurringTask<Void> expiredSessionCleanup(JdbcClient jdbc, Clock clock) {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofMinutes(10)))
                .execute((instance, context) -> removeExpired(jdbc, clock));
    }

    static int removeExpired(JdbcClient jdbc, Clock clock) {
        int removed = jdbc.sql("delete from spring_session where expiry_time < :now").param("now", clock.millis()).update();
        if (removed > 0) {
            log.info("Removed {} expired browser sessions", removed);
        }
        return removed;
    }
}
