package org.baton.mail;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mail intake as one db-scheduler recurring task ({@code mail-intake}), so exactly one node of a cluster polls the
 * mailboxes at a time, every {@code baton.mail.inbound.interval} (default 30 s). It exists only when a mailbox is
 * configured and {@code baton.mail.inbound.enabled} is not false.
 */
@Configuration(proxyBeanMethods = false)
class InboundMailTasks {

    static final String POLL = "mail-intake";
    private static final Logger log = LoggerFactory.getLogger(InboundMailTasks.class);

    @Bean
    @ConditionalOnProperty(name = "baton.mail.inbound.mailboxes[0].host")
    @ConditionalOnProperty(name = "baton.mail.inbound.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> mailIntakeTask(MailboxPoller poller, InboundMailSettings settings) {
        return Tasks.recurring(POLL, FixedDelay.of(settings.interval())).execute((instance, context) -> {
            MailboxPoller.Poll poll = poller.poll();
            if (poll.fetched() > 0 || !poll.unreachable().isEmpty()) {
                log.info("Mail intake: {}", poll);
            }
        });
    }
}
