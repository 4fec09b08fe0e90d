package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Map;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The whole application with one IMAP mailbox configured on the test GreenMail ({@link MailTestServer}); the recurring
 * poll is off, so each test delivers its mail and polls. Every mail test class extends this one, so they share one
 * context. The mailbox names no organization: mail from a domain no organization owns goes to failed intake.
 */
@IntegrationTest
abstract class MailIntakeTestSupport {

    @Autowired MailboxPoller poller;
    @Autowired InboundMessages messages;
    @Autowired JdbcClient jdbc;
    @Autowired Fixtures fixtures;
    @Autowired MockMvcTester mvc;

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry registry) {
        registry.add("baton.mail.inbound.enabled", () -> "false");
        registry.add("baton.mail.inbound.mailboxes[0].name", () -> "support");
        registry.add("baton.mail.inbound.mailboxes[0].host", () -> "127.0.0.1");
        registry.add("baton.mail.inbound.mailboxes[0].port", MailTestServer::imapPort);
        registry.add("baton.mail.inbound.mailboxes[0].protocol", () -> "imap");
        registry.add("baton.mail.inbound.mailboxes[0].username", () -> "helpdesk");
        registry.add("baton.mail.inbound.mailboxes[0].password", () -> "secret");
        registry.add("baton.mail.inbound.mailboxes[0].address", () -> MailTestServer.DESK);
        registry.add("baton.mail.from", () -> "Baton Service Desk <desk@" + MailTestServer.DOMAIN + ">");
        registry.add("baton.mail.message-id-domain", () -> MailTestServer.DOMAIN);
    }

    /** A plain-text mail to the desk. */
    static MimeMessage mail(String from, @Nullable String name, String subject, String text) {
        try {
            MimeMessage m = new MimeMessage(MailTestServer.SESSION);
            m.setFrom(name == null ? new InternetAddress(from) : new InternetAddress(from, name, "UTF-8"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(MailTestServer.DESK));
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            m.setSentDate(new java.util.Date());
            m.saveChanges();
            return m;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code customer} mails the desk a new request and it is taken in: its subject (unique) and ticket number. */
    String[] mailedRequest(String email, String stem, String text) {
        String subject = Fixtures.unique(stem);
        MailTestServer.deliver(mail(email, null, subject, text));
        poll();
        return new String[] {subject, ticketOf(subject)};
    }

    /** A message without any sender, taken in (it fails): its id in mail_intake. */
    java.util.UUID failedWithoutSender(String subject) throws MessagingException {
        MailTestServer.deliver(("Subject: " + subject + "\r\n\r\nno from\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        poll();
        return jdbc.sql("select id from mail_intake where subject = :s").param("s", subject).query(java.util.UUID.class).single();
    }

    MailboxPoller.Poll poll() {
        MailboxPoller.Poll poll = poller.poll();
        assertThat(poll.unreachable()).isEmpty();
        assertThat(MailTestServer.waiting()).as("messages left on the server").isZero();
        return poll;
    }

    /** What became of the message with this subject: state, ticket number and outcome. */
    Map<String, Object> intake(String subject) {
        return jdbc.sql("select state, ticket_number, outcome, from_address from mail_intake where subject = :s")
                .param("s", subject).query().singleRow();
    }

    String ticketOf(String subject) {
        Map<String, Object> row = intake(subject);
        assertThat(row.get("ticket_number")).as("ticket of \"" + subject + "\": " + row).isNotNull();
        return (String) row.get("ticket_number");
    }

    /** The timeline of a ticket as kind/visibility/actor/body rows, oldest first. */
    List<Map<String, Object>> timeline(String number) {
        return jdbc.sql("select e.kind, e.visibility, e.actor_name, e.body, e.details from ticket_events e join tickets t on t.id = e.ticket_id "
                        + "where t.number = :n order by e.id")
                .param("n", number).query().listOfRows();
    }

    List<Map<String, Object>> entries(String number, String kind) {
        return timeline(number).stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    /** The customer notices queued for a ticket: their template names. */
    List<String> notices(String number) {
        return jdbc.sql("select o.payload from outbox o join tickets t on t.id = o.aggregate_id where t.number = :n order by o.created_at")
                .param("n", number).query(String.class).list();
    }

    Map<String, Object> ticket(String number) {
        return jdbc.sql("select t.*, u.email as requester_email, u.display_name as requester_display, u.role as requester_role "
                        + "from tickets t left join users u on u.id = t.requester_id where t.number = :n")
                .param("n", number).query().singleRow();
    }
}
