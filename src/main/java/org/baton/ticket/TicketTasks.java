package org.baton.ticket;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ticket module's background work, as db-scheduler recurring tasks, so each runs on one node of
 * the cluster at a time: creating scheduled operational tasks each minute, and forgetting
 * idempotency keys older than 24 hours each hour.
 */
@Configuration(proxyBeanMethods = false)
class TicketTasks {

    static final String SCHEDULES = "operational-task-schedules";
    static final String IDEMPOTENCY_CLEANUP = "idempotency-key-cleanup";
    private static final Logger log = LoggerFactory.getLogger(TicketTasks.class);

    @Bean
    RecurringTask<Void> operationalTaskSchedules(OperationalSchedules schedules, Clock clock) {
        return Tasks.recurring(SCHEDULES, FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) -> schedules.createDueTasks(clock.instant()));
    }

    @Bean
    RecurringTask<Void> idempotencyKeyCleanup(IdempotencyKeys keys, Clock clock) {
        return Tasks.recurring(IDEMPOTENCY_CLEANUP, FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int forgotten = keys.forgetOlderThan(clock.instant().minus(TicketIntake.KEY_LIFETIME));
                    if (forgotten > 0) {
                        log.info("Forgot {} idempotency keys older than 24 hours", forgotten);
                    }
                });
    }
}
