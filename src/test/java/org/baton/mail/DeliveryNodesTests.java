package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.baton.identity.Fixtures;
import org.baton.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery task on two db-scheduler nodes sharing the database: one of them delivers at a time, so every queued
 * mail arrives, and arrives once, while both run; a node that stops hands over to the other.
 */
class DeliveryNodesTests extends MailIntegration {

    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate transactions;

    @Test
    void twoNodesDeliverEveryMailExactlyOnce() throws Exception {
        deliverAllDue(Instant.now());
        List<String> recipients = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String to = Fixtures.unique("node" + i + "-") + "@acme.example";
            recipients.add(to);
            ids.add(transactions.execute(tx -> outbox.enqueue(new OutboxMessage(MailTemplates.CUSTOMER, null, to, "Hello " + to,
                    Map.of("template", "VERIFY_EMAIL", "text", "Hello")))));
        }

        Scheduler a = node("mail-node-a");
        Scheduler b = node("mail-node-b");
        a.start();
        b.start();
        try {
            Instant deadline = Instant.now().plusSeconds(30);
            while (ids.stream().anyMatch(id -> outbox.find(id).orElseThrow().deliveredAt() == null) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            a.stop();
            String late = Fixtures.unique("late") + "@acme.example";
            UUID afterStop = transactions.execute(tx -> outbox.enqueue(new OutboxMessage(MailTemplates.CUSTOMER, null, late, "Late",
                    Map.of("template", "VERIFY_EMAIL", "text", "Still here"))));
            recipients.add(late);
            ids.add(afterStop);
            deadline = Instant.now().plusSeconds(30);
            while (outbox.find(afterStop).orElseThrow().deliveredAt() == null && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
        } finally {
            a.stop();
            b.stop();
        }

        assertThat(ids).allSatisfy(id -> assertThat(outbox.find(id).orElseThrow().deliveredAt()).isNotNull());
        for (String to : recipients) {
            assertThat(Smtp.receivedBy(to)).as("mail to %s", to).hasSize(1);
        }
    }

    private Scheduler node(String name) {
        return Scheduler.create(dataSource)
                .startTasks(OutboundMailConfiguration.deliveryTask(delivery, 50, Clock.systemUTC(), Duration.ofMillis(100), Duration.ofSeconds(2)))
                .tableName("scheduled_tasks")
                .schedulerName(new SchedulerName.Fixed(name))
                .pollingInterval(Duration.ofMillis(200))
                .heartbeatInterval(Duration.ofSeconds(1))
                .threads(2)
                .build();
    }
}
