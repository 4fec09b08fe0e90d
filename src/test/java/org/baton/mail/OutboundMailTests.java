package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.Browser;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.SupportGroup;
import org.baton.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Notices reach the customer's mailbox: a ticket opened through the API, then handed off, updated, answered and
 * resolved, each arrives once over SMTP as plain text and HTML with the threading headers of the contract
 * (docs/email.md), read back over IMAP.
 */
class OutboundMailTests extends MailIntegration {

    /** The inbound side's pattern for a ticket's Message-ID (docs/email.md); domain desk.example. */
    static final Pattern CONTRACT = Pattern.compile("<([A-Z]{3}-\\d+)(\\.[^@]*)?@desk\\.example>");

    @Autowired Fixtures fixtures;

    Organization org;
    SupportGroup desk;
    SupportGroup network;
    User carol;
    User alice;
    String aliceToken;

    @BeforeEach
    void aDesk() {
        org = fixtures.organization();
        desk = fixtures.groupServing(org);
        network = fixtures.groupServing(org);
        carol = fixtures.customerOf(org);
        alice = fixtures.agentIn(desk);
        aliceToken = fixtures.tokenFor(alice);
    }

    String phoneIncident(String subject) {
        return opened(aliceToken, """
                {"type": "INCIDENT", "subject": "%s", "requesterId": "%s", "channel": "PHONE", "impact": "MEDIUM", "urgency": "HIGH"}"""
                .formatted(subject, carol.id()));
    }

    @Test
    void aNewTicketSendsTheCustomerExactlyOneMailWithTextHtmlAndThreadingHeaders() throws Exception {
        String number = phoneIncident("VPN drops <every> few minutes & more");

        deliverAllDue(Instant.now());
        deliverAllDue(Instant.now());

        List<MimeMessage> received = Smtp.receivedBy(carol.email());
        assertThat(received).hasSize(1);
        MimeMessage mail = received.getFirst();
        assertThat(mail.getSubject()).isEqualTo("[" + number + "] We have your request");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Baton Service Desk <helpdesk@desk.example>");
        String messageId = mail.getMessageID();
        Matcher id = CONTRACT.matcher(messageId);
        assertThat(id.matches()).as(messageId).isTrue();
        assertThat(id.group(1)).isEqualTo(number);
        assertThat(id.group(2)).isNotEmpty();
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<" + number + "@desk.example>");
        assertThat(mail.getHeader("References", null)).contains("<" + number + "@desk.example>");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("Hello " + carol.displayName() + ",", number, "\"VPN drops <every> few minutes & more\"",
                "keep [" + number + "] in the subject", BASE_URL + "/tickets/" + number);
        assertThat(html).contains(number, "VPN drops &lt;every&gt; few minutes &amp; more", "href=\"" + BASE_URL + "/tickets/" + number + "\"")
                .doesNotContain("<every>");

        // the same mail, read from Carol's mailbox over IMAP
        List<String> subjects = imapSubjects(carol.email());
        assertThat(subjects).containsExactly("[" + number + "] We have your request");
    }

    @Test
    void aHandOffNamesTheGroupAndTheEtaAndAStatusUpdateItsActionAndNextUpdate() throws Exception {
        String number = phoneIncident("Docking station dead");
        Instant eta = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        assertThat(api(aliceToken, "POST", "/api/v1/tickets/" + number + "/handoffs", """
                {"groupId": "%s", "reason": "Needs a new dock", "need": "ON_SITE_VISIT", "eta": "%s"}""".formatted(network.id(), eta)))
                .hasStatusOk();
        Instant next = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        assertThat(api(aliceToken, "POST", "/api/v1/tickets/" + number + "/status-updates", """
                {"actionTaken": "Ordered a replacement dock.", "restorationUnknownReason": "the courier gives no date", "nextUpdateAt": "%s"}"""
                .formatted(next))).hasStatusOk();

        deliverAllDue(Instant.now());

        MimeMessage handOff = only(carol.email(), "[" + number + "] Now with " + network.name());
        String eta24 = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", java.util.Locale.ENGLISH)
                .format(eta.atZone(java.time.ZoneOffset.UTC));
        assertThat(part(handOff, "text/plain")).contains("Now with: " + network.name(), "Expected done by: " + eta24);
        assertThat(part(handOff, "text/html")).contains(network.name(), eta24);
        MimeMessage update = only(carol.email(), "[" + number + "] Status update");
        assertThat(part(update, "text/plain")).contains("Action taken: Ordered a replacement dock.",
                "Restoration time unknown: the courier gives no date", "Next update by: ");
        assertThat(update.getHeader("References", null)).isEqualTo("<" + number + "@desk.example>");
        assertThat(update.getMessageID()).isNotEqualTo(handOff.getMessageID());
    }

    @Test
    void aResolvedMailLinksToTheTicketPageWhereTheCustomerConfirmsOrReopens() throws Exception {
        String number = phoneIncident("Outlook keeps asking for the password");
        assertThat(api(aliceToken, "POST", "/api/v1/tickets/" + number + "/transitions", "{\"to\": \"IN_PROGRESS\"}")).hasStatusOk();
        assertThat(api(aliceToken, "POST", "/api/v1/tickets/" + number + "/transitions", """
                {"to": "RESOLVED", "resolutionCode": "FIXED", "resolutionNotes": "Reset the cached credentials."}""")).hasStatusOk();

        deliverAllDue(Instant.now());

        MimeMessage resolved = only(carol.email(), "[" + number + "] Resolved");
        String text = part(resolved, "text/plain");
        String html = part(resolved, "text/html");
        String confirm = BASE_URL + "/tickets/" + number + "#customer-actions";
        String reopen = BASE_URL + "/tickets/" + number + "#reopen-form";
        assertThat(text).contains(confirm, reopen, "reply to this mail to reopen");
        assertThat(html).contains("href=\"" + confirm + "\"", "href=\"" + reopen + "\"");
        Browser customer = Browser.signedIn(mvc, carol.username(), Fixtures.PASSWORD);
        assertThat(customer.get(confirm.substring(BASE_URL.length(), confirm.indexOf('#')))).hasStatusOk().bodyText()
                .contains("id=\"customer-actions\"", "id=\"close-form\"", "id=\"reopen-form\"");
    }

    @Test
    void anAgentsPublicReplyGoesOutWithoutAutoSubmittedAndAnInternalNoteNever() throws Exception {
        String number = phoneIncident("Shared drive is read-only");
        deliverAllDue(Instant.now());
        assertThat(api(aliceToken, "POST", "/api/v1/tickets/" + number + "/comments",
                "{\"body\": \"Internal: quota exceeded on \\u003cfs01\\u003e\", \"visibility\": \"INTERNAL\"}")).hasStatus(201);
        assertThat(api(aliceToken, "POST", "/api/v1/tickets/" + number + "/comments",
                "{\"body\": \"We freed space; please try again.\"}")).hasStatus(201);

        deliverAllDue(Instant.now());

        List<MimeMessage> received = Smtp.receivedBy(carol.email());
        assertThat(received).extracting(MimeMessage::getSubject)
                .containsExactly("[" + number + "] We have your request", "[" + number + "] New reply");
        MimeMessage reply = received.get(1);
        assertThat(part(reply, "text/plain")).contains("We freed space; please try again.", "From: " + alice.displayName())
                .doesNotContain("quota");
        assertThat(reply.getHeader("Auto-Submitted")).isNull();
    }

    private static MimeMessage only(String recipient, String subject) throws Exception {
        List<MimeMessage> matching = new ArrayList<>();
        for (MimeMessage m : Smtp.receivedBy(recipient)) {
            if (subject.equals(m.getSubject())) {
                matching.add(m);
            }
        }
        assertThat(matching).as("mail '%s' to %s", subject, recipient).hasSize(1);
        return matching.getFirst();
    }

    static String part(Part mail, String type) throws Exception {
        if (mail.isMimeType(type)) {
            return (String) mail.getContent();
        }
        if (mail.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static List<String> imapSubjects(String address) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", Smtp.IMAP_PORT, address, address);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                subjects.add(m.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }
}
