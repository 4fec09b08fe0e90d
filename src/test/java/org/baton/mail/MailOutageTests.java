package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.User;
import org.baton.outbox.PendingMessage;
import org.baton.ticket.TicketNumber;
import org.baton.ticket.TicketQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An SMTP outage delays mail and loses none: failed attempts back off, and once the server is back all goes out once. */
class MailOutageTests extends MailIntegration {

    @Autowired Fixtures fixtures;
    @Autowired TicketQueries tickets;
    @Autowired MeterRegistry meters;

    @AfterEach
    void serverBack() {
        if (!Smtp.server().isRunning()) {
            Smtp.start();
        }
    }

    @Test
    void mailQueuedDuringAnOutageBacksOffAndIsDeliveredOnceWhenTheServerIsBack() throws Exception {
        Organization org = fixtures.organization();
        fixtures.groupServing(org);
        User carol = fixtures.customerOf(org);
        String carolToken = fixtures.tokenFor(carol);
        deliverAllDue(Instant.now());
        double failedBefore = meters.counter("baton.mail.failed").count();
        double sentBefore = meters.counter("baton.mail.sent").count();

        Smtp.stop();
        List<String> numbers = List.of("Laptop fan is loud", "Monitor flickers", "Keyboard misses keys").stream()
                .map(subject -> opened(carolToken, "{\"type\": \"INCIDENT\", \"subject\": \"" + subject + "\"}"))
                .toList();
        Instant start = Instant.now();
        deliverAllDue(start);

        for (PendingMessage m : messages(numbers)) {
            assertThat(m.deliveredAt()).isNull();
            assertThat(m.dead()).isFalse();
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).containsIgnoringCase("connect");
            assertThat(m.nextAttemptAt()).isBetween(start.plusSeconds(24), start.plusSeconds(36));
        }
        assertThat(meters.counter("baton.mail.failed").count() - failedBefore).isGreaterThanOrEqualTo(3);
        assertThat(meters.get("baton.mail.queued").gauge().value()).isGreaterThanOrEqualTo(3);

        deliverAllDue(start.plusSeconds(10));
        assertThat(messages(numbers)).allSatisfy(m -> assertThat(m.attempts()).isEqualTo(1));

        Instant second = start.plusSeconds(40);
        deliverAllDue(second);
        assertThat(messages(numbers)).allSatisfy(m -> {
            assertThat(m.attempts()).isEqualTo(2);
            assertThat(m.nextAttemptAt()).isBetween(second.plusSeconds(48), second.plusSeconds(72));
        });

        Smtp.start();
        deliverAllDue(start.plus(Duration.ofHours(1)));
        deliverAllDue(start.plus(Duration.ofHours(2)));

        assertThat(messages(numbers)).allSatisfy(m -> assertThat(m.deliveredAt()).isEqualTo(start.plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        List<MimeMessage> received = Smtp.receivedBy(carol.email());
        assertThat(received).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrderElementsOf(numbers.stream().map(n -> "[" + n + "] We have your request").toList());
        assertThat(meters.counter("baton.mail.sent").count() - sentBefore).isGreaterThanOrEqualTo(3);
    }

    private List<PendingMessage> messages(List<String> numbers) {
        return numbers.stream().flatMap(n -> outbox.about(tickets.find(new TicketNumber(n)).orElseThrow().id().value()).stream())
                .filter(m -> m.kind().equals(MailTemplates.CUSTOMER))
                .toList();
    }
}
