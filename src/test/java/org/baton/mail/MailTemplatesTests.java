package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baton.mail.OutboundMailTests.part;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.baton.calendar.CalendarId;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.User;
import org.baton.outbox.OutboxMessage;
import org.baton.ticket.TicketNumber;
import org.baton.ticket.TicketQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** What the templates other than the customer journey's put into a mail: the SLA promise, staff notices, plain notices. */
class MailTemplatesTests extends MailIntegration {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    @Autowired Fixtures fixtures;
    @Autowired TransactionTemplate transactions;
    @Autowired TicketQueries tickets;

    @Test
    void theReceivedMailPromisesTheFirstResponseOfTheServiceLevel() throws Exception {
        Organization org = fixtures.organization();
        fixtures.groupServing(org);
        User carol = fixtures.customerOf(org);
        String adminToken = fixtures.tokenFor(fixtures.admin());
        assertThat(api(adminToken, "POST", "/api/v1/service-level-policies", """
                {"kind": "SLA", "name": "%s", "organizationId": "%s", "calendarId": "%s",
                 "targets": [{"ticketType": "INCIDENT", "priority": "P3", "target": "FIRST_RESPONSE", "duration": "PT4H"}]}
                """.formatted(Fixtures.unique("SLA"), org.id(), CalendarId.TWENTY_FOUR_SEVEN))).hasStatus(201);
        String number = opened(fixtures.tokenFor(carol), "{\"type\": \"INCIDENT\", \"subject\": \"Printer jams\"}");
        Instant created = tickets.find(new TicketNumber(number)).orElseThrow().createdAt();

        deliverAllDue(Instant.now());

        MimeMessage mail = Smtp.receivedBy(carol.email()).getFirst();
        String promise = MINUTES.format(created.plus(Duration.ofHours(4)).atZone(ZoneOffset.UTC));
        assertThat(part(mail, "text/plain")).contains("Expected first response by: " + promise + " (UTC)");
        assertThat(part(mail, "text/html")).contains("Expected first response by", promise);
    }

    @Test
    void aStaffSlaWarningGreetsTheAgentNamesTheTargetAndThreadsWithTheTicket() throws Exception {
        Organization org = fixtures.organization();
        User alice = fixtures.agentIn(fixtures.groupServing(org));
        User carol = fixtures.customerOf(org);
        String number = opened(fixtures.tokenFor(carol), "{\"type\": \"INCIDENT\", \"subject\": \"Wi-Fi slow\"}");
        UUID ticket = tickets.find(new TicketNumber(number)).orElseThrow().id().value();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("template", "SLA_WARNING");
        payload.put("userId", alice.id().toString());
        payload.put("ticketNumber", number);
        payload.put("ticketSubject", "Wi-Fi slow");
        payload.put("target", "FIRST_RESPONSE");
        payload.put("cycle", 1);
        payload.put("percent", 75);
        payload.put("dueAt", "2026-12-24T10:00:00Z");
        payload.put("firedAt", "2026-12-24T09:00:00Z");
        UUID id = transactions.execute(tx -> outbox.enqueue(new OutboxMessage(MailTemplates.STAFF, ticket, alice.email(),
                number + ": First response target 75% used: 1 h of business time left.", payload)));

        deliverAllDue(Instant.now());

        MimeMessage mail = Smtp.receivedBy(alice.email()).getFirst();
        assertThat(mail.getMessageID()).isEqualTo("<" + number + "." + id + "@desk.example>");
        assertThat(mail.getHeader("References", null)).isEqualTo("<" + number + "@desk.example>");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(part(mail, "text/plain")).contains("Hello " + alice.displayName() + ",", "Target: FIRST_RESPONSE",
                "Due: Thu 24 Dec 2026, 10:00 (UTC)", "Used: 75 %", "An automatic notice from Baton").doesNotContain("keep [");
    }

    @Test
    void aNoticeOfAnUnknownTemplateIsSentFromItsTextWithAnAbsoluteLinkAndNoTicketThread() throws Exception {
        String address = Fixtures.unique("erin") + "@newcomer.example";
        UUID id = transactions.execute(tx -> outbox.enqueue(new OutboxMessage(MailTemplates.CUSTOMER, null, address,
                "Confirm your email address", Map.of("template", "VERIFY_EMAIL", "text", "Confirm <this> address to use the portal.",
                        "link", "/portal/verify?token=t0k&n=1"))));

        deliverAllDue(Instant.now());

        List<MimeMessage> received = Smtp.receivedBy(address);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getMessageID()).isEqualTo("<baton." + id + "@desk.example>").doesNotMatch(OutboundMailTests.CONTRACT);
        assertThat(mail.getHeader("In-Reply-To")).isNull();
        assertThat(mail.getHeader("References")).isNull();
        assertThat(part(mail, "text/plain")).contains("Hello,", "Confirm <this> address to use the portal.",
                "Open this link: " + BASE_URL + "/portal/verify?token=t0k&n=1");
        assertThat(part(mail, "text/html")).contains("Confirm &lt;this&gt; address", "href=\"" + BASE_URL + "/portal/verify?token=t0k&amp;n=1\"");
    }
}
