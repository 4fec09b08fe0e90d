package org.baton.attachment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Discards, once an hour on one node of the cluster (db-scheduler), the files that were stored but never claimed
 * within {@code baton.attachments.unclaimed-lifetime} (default 24 h): a reply or form that failed after its files
 * were stored leaves them unreachable, and this is where they go.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentTasks {

    static final String CLEANUP = "unclaimed-attachment-cleanup";
    private static final Logger log = LoggerFactory.getLogger(AttachmentTasks.class);

    @Bean
    RecurringTask<Void> unclaimedAttachmentCleanup(Attachments attachments, Clock clock,
            @Value("${baton.attachments.unclaimed-lifetime:24h}") Duration lifetime) {
        return Tasks.recurring(CLEANUP, FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int discarded = attachments.discardUnclaimedBefore(clock.instant().minus(lifetime));
                    if (discarded > 0) {
                        log.info("Discarded {} attachments nothing claimed within {}", discarded, lifetime);
                    }
                });
    }
}
