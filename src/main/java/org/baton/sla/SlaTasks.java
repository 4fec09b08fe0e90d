package org.baton.sla;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.baton.shared.BatchLoop;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SLA sweep as a db-scheduler recurring task, so exactly one node of a cluster runs it at a time (another
 * takes over when a node dies, after its heartbeats stop). One execution keeps sweeping for a window
 * ({@code baton.sla.sweep.window}, default 24 h, in effect until the node shuts down), checking for due clocks every
 * {@code baton.sla.sweep.interval} (default 200 ms), so a warning fires within a fraction of a second of its instant
 * without db-scheduler polling that often. The window is long because between two executions nothing sweeps until
 * db-scheduler's next poll (5 s): with 30 s windows that pause made the p99 lateness 4.8 s (bench/sla.sh). {@code baton.sla.sweep.enabled=false} leaves the sweep to tests that drive it themselves.
 */
@Configuration(proxyBeanMethods = false)
class SlaTasks {

    static final String SWEEP = "sla-sweep";
    static final int BATCH = 200;

    @Bean
    @ConditionalOnProperty(name = "baton.sla.sweep.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> slaSweepTask(SlaSweep sweep, Clock clock,
            @Value("${baton.sla.sweep.interval:200ms}") Duration interval,
            @Value("${baton.sla.sweep.window:24h}") Duration window) {
        return sweepTask(sweep, clock, interval, window);
    }

    /** The task itself; tests build it to run the sweep on schedulers of their own. */
    static RecurringTask<Void> sweepTask(SlaSweep sweep, Clock clock, Duration interval, Duration window) {
        return Tasks.recurring(SWEEP, FixedDelay.of(Duration.ofMillis(100)))
                .execute((instance, context) -> sweepFor(sweep, clock, interval, window, context));
    }

    static void sweepFor(SlaSweep sweep, Clock clock, Duration interval, Duration window, ExecutionContext context) {
        BatchLoop.run("SLA sweep", () -> sweep.fireDue(clock.instant(), BATCH), BATCH, clock, interval, window,
                () -> context.getSchedulerState().isShuttingDown());
    }
}
