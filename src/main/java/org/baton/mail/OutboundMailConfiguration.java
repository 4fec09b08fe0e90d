package org.baton.mail;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.baton.outbox.Outbox;
import org.baton.shared.BatchLoop;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Outbound mail: its settings, the delivery, and the db-scheduler recurring task that runs it on exactly one node of a
 * cluster (another takes over when that node's heartbeats stop). One execution keeps delivering until the node shuts
 * down ({@code baton.mail.delivery.window}, default 24 h), looking for due mail every {@code baton.mail.delivery.interval}
 * (default 2 s) and at once after a full batch, so mail does not wait for db-scheduler's next poll.
 * {@code baton.mail.delivery.enabled=false} leaves delivery to tests that drive it themselves.
 */
@Configuration(proxyBeanMethods = false)
class OutboundMailConfiguration {

    static final String TASK = "mail-delivery";
    private static final Logger log = LoggerFactory.getLogger(OutboundMailConfiguration.class);

    @Bean
    MailSettings mailSettings(@Value("${baton.mail.from:Baton Service Desk <helpdesk@localhost>}") String from,
            @Value("${baton.mail.reply-to:}") @Nullable String replyTo,
            @Value("${baton.mail.message-id-domain:}") @Nullable String messageIdDomain,
            @Value("${baton.base-url:http://localhost:8080}") String baseUrl,
            @Value("${baton.mail.delivery.batch:50}") int batch,
            @Value("${baton.mail.delivery.first-retry:30s}") Duration firstRetry,
            @Value("${baton.mail.delivery.max-retry:1h}") Duration maxRetry,
            @Value("${baton.mail.delivery.permanent-failure-attempts:3}") int permanentFailureAttempts) {
        return MailSettings.of(from, replyTo, messageIdDomain, baseUrl, batch, firstRetry, maxRetry, permanentFailureAttempts);
    }

    @Bean
    MailDelivery mailDelivery(Outbox outbox, MailTemplates templates, ObjectProvider<JavaMailSender> senders, MailSettings settings,
            MeterRegistry meters) {
        return new MailDelivery(outbox, templates, senders, settings, meters, RandomGenerator.getDefault());
    }

    @Bean
    @ConditionalOnProperty(name = "baton.mail.delivery.enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> mailDeliveryTask(MailDelivery delivery, MailSettings settings, Clock clock,
            @Value("${baton.mail.delivery.interval:2s}") Duration interval,
            @Value("${baton.mail.delivery.window:24h}") Duration window) {
        return deliveryTask(delivery, settings.batch(), clock, interval, window);
    }

    /** The task itself; tests build it to run delivery on schedulers (nodes) of their own. */
    static RecurringTask<Void> deliveryTask(MailDelivery delivery, int batch, Clock clock, Duration interval, Duration window) {
        return Tasks.recurring(TASK, FixedDelay.of(Duration.ofMillis(100)))
                .execute((instance, context) -> deliverFor(delivery, batch, clock, interval, window, context));
    }

    static void deliverFor(MailDelivery delivery, int batch, Clock clock, Duration interval, Duration window, ExecutionContext context) {
        BatchLoop.run("Mail delivery", () -> delivery.deliver(clock.instant()), batch, clock, interval, window,
                () -> context.getSchedulerState().isShuttingDown());
    }

    /** Says once at start-up when there is no mail server, so that waiting mail is not a mystery. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> outboundMailNotice(MailDelivery delivery, Outbox outbox) {
        return event -> {
            if (!delivery.configured()) {
                log.warn("Outbound mail is off: spring.mail.host is not set. Notices stay in the outbox ({} waiting) and go out "
                        + "once a mail server is configured.", outbox.waiting(MailTemplates.KINDS));
            }
        };
    }

    /**
     * {@code outboundMail} health: UP with the queue's size while a mail server is configured (an outage delays mail
     * but loses none, so it never makes the desk DOWN), UNKNOWN when none is.
     */
    @Bean
    HealthIndicator outboundMailHealthIndicator(MailDelivery delivery, Outbox outbox) {
        return () -> {
            Map<String, Object> details = Map.of("waiting", outbox.waiting(MailTemplates.KINDS), "dead", outbox.dead(MailTemplates.KINDS));
            return delivery.configured()
                    ? Health.up().withDetails(details).build()
                    : Health.unknown().withDetail("reason", "spring.mail.host is not set; notices wait in the outbox").withDetails(details)
                            .build();
        };
    }
}
