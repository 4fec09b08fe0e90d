package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.Role;
import org.baton.identity.SupportGroup;
import org.baton.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Mail in, end to end through GreenMail: a new mail becomes a ticket, an agent's reply goes out, and the customer's
 * answer lands on the same ticket; the threading rules, the participant rule, and what is never answered.
 */
class InboundMailTests extends MailIntakeTestSupport {

    @Test
    void aNewMailOpensATicketForANewCustomerOfTheOrganizationOwningTheDomain() throws Exception {
        Organization acme = fixtures.organization();
        String address = Fixtures.unique("erin").toLowerCase() + "@" + acme.mailDomains().getFirst();
        String subject = Fixtures.unique("Printer offline ");
        MailTestServer.deliver(mail(address.toUpperCase(), "Erin Éxample", subject, "The printer on the 3rd floor is offline."));

        MailboxPoller.Poll poll = poll();

        assertThat(poll.tickets()).isEqualTo(1);
        String number = ticketOf(subject);
        Map<String, Object> ticket = ticket(number);
        assertThat(ticket.get("channel")).isEqualTo("EMAIL");
        assertThat(ticket.get("subject")).isEqualTo(subject);
        assertThat(ticket.get("description")).isEqualTo("The printer on the 3rd floor is offline.");
        assertThat(ticket.get("organization_id")).isEqualTo(acme.id().value());
        assertThat(ticket.get("requester_email")).isEqualTo(address);
        assertThat(ticket.get("requester_display")).isEqualTo("Erin Éxample");
        assertThat(ticket.get("requester_role")).isEqualTo("CUSTOMER");
        assertThat(notices(number)).singleElement().asString().contains("\"template\":\"RECEIVED\"").contains(number);
        assertThat(entries(number, "CREATED").getFirst().get("details").toString()).contains("\"mailbox\":\"support\"");
    }

    @Test
    void aMailsFilesBecomeTheTicketsFilesAndOneOverTheLimitIsNamedAndKeptInTheRawMessage() throws Exception {
        Organization acme = fixtures.organization();
        User carol = fixtures.customerOf(acme);
        String subject = Fixtures.unique("Scanner log ");
        MimeMessage message = mail(carol.email(), carol.displayName(), subject, "The scanner's log and a screenshot are attached.");
        jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart text = new jakarta.mail.internet.MimeBodyPart();
        text.setText("The scanner's log and a screenshot are attached.", "UTF-8");
        parts.addBodyPart(text);
        jakarta.mail.internet.MimeBodyPart log = new jakarta.mail.internet.MimeBodyPart();
        // says it is a PDF; its bytes are plain text
        log.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                "12:01 scanner offline\n12:02 retry\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/pdf")));
        log.setFileName("scanner.pdf");
        parts.addBodyPart(log);
        jakarta.mail.internet.MimeBodyPart huge = new jakarta.mail.internet.MimeBodyPart();
        huge.setDataHandler(new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(new byte[1_200_000], "application/zip")));
        huge.setFileName("dump.zip"); // over the test profile's 1 MB limit
        parts.addBodyPart(huge);
        message.setContent(parts);
        message.saveChanges();
        MailTestServer.deliver(message);

        poll();

        String number = ticketOf(subject);
        List<Map<String, Object>> files = jdbc.sql("""
                select a.filename, a.content_type, a.declared_type, ta.visibility from attachments a
                  join ticket_attachments ta on ta.attachment_id = a.id join tickets t on t.id = ta.ticket_id where t.number = :n""")
                .param("n", number).query().listOfRows();
        assertThat(files).singleElement().satisfies(f -> assertThat(f).containsEntry("filename", "scanner.pdf")
                .containsEntry("content_type", "text/plain").containsEntry("declared_type", "application/pdf")
                .containsEntry("visibility", "PUBLIC"));
        assertThat(entries(number, "CREATED").getFirst().get("details").toString())
                .contains("not kept as an attachment (too large or empty), only in the raw message: dump.zip (1.1 MB)");
    }

    @Test
    void aKnownCustomerIsMatchedByAddressIgnoringCase() throws Exception {
        Organization acme = fixtures.organization();
        User carol = fixtures.customerOf(acme);
        String subject = Fixtures.unique("VPN drops ");
        MailTestServer.deliver(mail(carol.email().toUpperCase(), "Somebody Else", subject, "Since this morning."));

        poll();

        assertThat(ticket(ticketOf(subject)).get("requester_id")).isEqualTo(carol.id().value());
        assertThat(jdbc.sql("select count(*) from users where email_key = lower(:e)").param("e", carol.email()).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void anAgentsReplyGoesOutAndTheCustomersAnswerLandsOnTheSameTicket() throws Exception {
        Organization acme = fixtures.organization();
        SupportGroup desk = fixtures.groupServing(acme);
        User alice = fixtures.agentIn(desk);
        String aliceToken = fixtures.tokenFor(alice);
        User carol = fixtures.customerOf(acme);
        MailTestServer.GREENMAIL.setUser(carol.email(), carol.username(), "secret");
        String subject = Fixtures.unique("Laptop will not boot ");
        MailTestServer.deliver(mail(carol.email(), carol.displayName(), subject, "Black screen after the update."));
        poll();
        String number = ticketOf(subject);

        // the agent answers on the ticket; the reply is queued in the outbox for the customer
        assertThat(mvc.post().uri("/api/v1/tickets/" + number + "/comments").header(AUTHORIZATION, "Bearer " + aliceToken)
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\": \"Please hold the power button for 30 seconds.\"}")
                .exchange()).hasStatus2xxSuccessful();
        Map<String, Object> reply = jdbc.sql("select o.id, o.recipient, o.subject from outbox o join tickets t on t.id = o.aggregate_id "
                        + "where t.number = :n and o.payload like '%\"REPLY\"%'")
                .param("n", number).query().singleRow();
        assertThat(reply.get("recipient")).isEqualTo(carol.email());

        // it goes out as outbound delivery sends it: Message-ID <number.outboxId@domain>, In-Reply-To <number@domain>
        Properties smtp = new Properties();
        smtp.setProperty("mail.smtp.host", "127.0.0.1");
        smtp.setProperty("mail.smtp.port", Integer.toString(MailTestServer.smtpPort()));
        Session session = Session.getInstance(smtp);
        MimeMessage out = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + number + "." + reply.get("id") + "@" + MailTestServer.DOMAIN + ">");
            }
        };
        out.setFrom(new InternetAddress(MailTestServer.DESK));
        out.setRecipient(Message.RecipientType.TO, new InternetAddress(carol.email()));
        out.setSubject((String) reply.get("subject"));
        out.setHeader("In-Reply-To", "<" + number + "@" + MailTestServer.DOMAIN + ">");
        out.setHeader("References", "<" + number + "@" + MailTestServer.DOMAIN + ">");
        out.setText("Please hold the power button for 30 seconds.");
        Transport.send(out);

        // the customer reads it in their mailbox and answers it with their mail program's Reply
        Properties imap = new Properties();
        Store store = Session.getInstance(imap).getStore("imap");
        store.connect("127.0.0.1", MailTestServer.imapPort(), carol.username(), "secret");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        Message received = inbox.getMessages()[inbox.getMessageCount() - 1];
        assertThat(received.getSubject()).contains(number);
        MimeMessage answer = (MimeMessage) received.reply(false);
        answer.setFrom(new InternetAddress(carol.email()));
        answer.setRecipient(Message.RecipientType.TO, new InternetAddress(MailTestServer.DESK));
        answer.setSubject("Re: it works again");
        answer.setText("That did it, thank you!\n\nOn Tue, 1 Dec 2026 at 10:00, Baton wrote:\n> Please hold the power button for 30 seconds.\n");
        received.setFlag(Flags.Flag.DELETED, true);
        inbox.close(true);
        store.close();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(answer, answer.getAllRecipients());
        }
        MailTestServer.GREENMAIL.waitForIncomingEmail(5000, 1);

        MailboxPoller.Poll poll = poll();

        assertThat(poll.entries()).isEqualTo(1);
        assertThat(intake("Re: it works again").get("ticket_number")).isEqualTo(number);
        List<Map<String, Object>> comments = entries(number, "COMMENT");
        assertThat(comments).last().satisfies(c -> {
            assertThat(c.get("visibility")).isEqualTo("PUBLIC");
            assertThat(c.get("actor_name")).isEqualTo(carol.displayName());
            assertThat(c.get("body")).isEqualTo("That did it, thank you!");
            assertThat(c.get("details").toString()).contains("fullText").contains("Please hold the power button");
        });
        // the ticket page shows the trimmed reply, with the whole message a click away
        org.baton.Browser agent = org.baton.Browser.signedIn(mvc, alice.username(), Fixtures.PASSWORD);
        assertThat(agent.get("/tickets/" + number)).hasStatusOk().bodyText().contains("That did it, thank you!")
                .contains("Show the full message").contains("On Tue, 1 Dec 2026 at 10:00, Baton wrote:");
    }

    @Test
    void aReplyNamingTheTicketNumberInItsSubjectLandsOnThatTicket() throws Exception {
        Organization acme = fixtures.organization();
        User carol = fixtures.customerOf(acme);
        String[] request = mailedRequest(carol.email(), "Monitor flickers ", "It flickers.");
        String subject = request[0];
        String number = request[1];

        String reply = "RE: [" + number + "] " + subject + " " + Fixtures.unique("x");
        MailTestServer.deliver(mail(carol.email(), null, reply, "Still flickering."));
        poll();

        assertThat(intake(reply).get("ticket_number")).isEqualTo(number);
        assertThat(intake(reply).get("state")).isEqualTo("ENTRY");
        assertThat(entries(number, "COMMENT")).extracting(r -> r.get("body")).containsExactly("Still flickering.");
        assertThat(notices(number)).hasSize(1); // only the RECEIVED notice: nobody is told of the customer's own reply
    }

    @Test
    void aFollowUpReferencingTheCustomersOwnEarlierMailThreadsToo() throws Exception {
        Organization acme = fixtures.organization();
        User carol = fixtures.customerOf(acme);
        String subject = Fixtures.unique("Disk full ");
        MimeMessage first = mail(carol.email(), null, subject, "The share is full.");
        MailTestServer.deliver(first);
        poll();
        String number = ticketOf(subject);

        String followUp = Fixtures.unique("One more thing ");
        MimeMessage second = mail(carol.email(), null, followUp, "It is the S: drive.");
        second.setHeader("References", first.getMessageID());
        second.saveChanges();
        second.setHeader("References", first.getMessageID());
        MailTestServer.deliver(second);
        poll();

        assertThat(intake(followUp).get("ticket_number")).isEqualTo(number);
    }

    @Test
    void aStrangerNamingAnotherCustomersTicketOpensANewTicketLinkedToItAndTheNamedTicketIsUntouched() throws Exception {
        Organization acme = fixtures.organization();
        Organization other = fixtures.organization();
        User carol = fixtures.customerOf(acme);
        User mallory = fixtures.customerOf(other);
        String subject = Fixtures.unique("Payroll export ");
        MailTestServer.deliver(mail(carol.email(), null, subject, "Confidential."));
        poll();
        String named = ticketOf(subject);
        List<Map<String, Object>> before = timeline(named);

        String guess = "Re: " + named + " " + Fixtures.unique("hello ");
        MimeMessage intrusion = mail(mallory.email(), null, guess, "Please send me the export.");
        intrusion.setHeader("In-Reply-To", "<" + named + ".0@" + MailTestServer.DOMAIN + ">");
        MailTestServer.deliver(intrusion);
        poll();

        String opened = ticketOf(guess);
        assertThat(opened).isNotEqualTo(named);
        assertThat(ticket(opened).get("requester_id")).isEqualTo(mallory.id().value());
        assertThat(ticket(opened).get("organization_id")).isEqualTo(other.id().value());
        assertThat(jdbc.sql("select count(*) from ticket_links l join tickets s on s.id = l.source_id join tickets t on t.id = l.target_id "
                        + "where s.number = :s and t.number = :t and l.kind = 'RELATED_TO'")
                .param("s", opened).param("t", named).query(Integer.class).single()).isEqualTo(1);
        List<Map<String, Object>> after = timeline(named);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after.subList(before.size(), after.size())).extracting(r -> r.get("kind") + "/" + r.get("visibility"))
                .containsExactly("LINKED/INTERNAL");
        assertThat(after.toString()).doesNotContain("Please send me the export");
        assertThat(entries(opened, "CREATED").getFirst().get("details").toString()).contains("whose participants do not include");
    }

    @Test
    void aCopiedContactMayReplyAndAColleagueOnlyWhenTheOrganizationSharesTickets() throws Exception {
        Organization acme = fixtures.organization();
        Organization partner = fixtures.organization();
        User carol = fixtures.customerOf(acme);
        User dan = fixtures.customerOf(acme);
        User paul = fixtures.customerOf(partner);
        String subject = Fixtures.unique("Badge reader ");
        MimeMessage first = mail(carol.email(), null, subject, "The badge reader at gate 2 is dead.");
        first.setRecipients(Message.RecipientType.CC, new InternetAddress[] {new InternetAddress(paul.email())});
        MailTestServer.deliver(first);
        poll();
        String number = ticketOf(subject);

        String fromPaul = "Re: [" + number + "] " + Fixtures.unique("gate ");
        MailTestServer.deliver(mail(paul.email(), null, fromPaul, "We replaced the reader."));
        String fromDan = "Re: [" + number + "] " + Fixtures.unique("gate ");
        MailTestServer.deliver(mail(dan.email(), null, fromDan, "Me too."));
        poll();

        assertThat(intake(fromPaul).get("ticket_number")).isEqualTo(number);
        assertThat(intake(fromPaul).get("state")).isEqualTo("ENTRY");
        // acme does not share tickets among its customers: Dan's mail opens a ticket of his own, linked
        assertThat(intake(fromDan).get("state")).isEqualTo("TICKET");
        assertThat(intake(fromDan).get("ticket_number")).isNotEqualTo(number);

        Organization sharing = fixtures.organizationSharingTickets();
        User erin = fixtures.customerOf(sharing);
        User frank = fixtures.customerOf(sharing);
        String shared = Fixtures.unique("Projector ");
        MailTestServer.deliver(mail(erin.email(), null, shared, "No signal."));
        poll();
        String sharedNumber = ticketOf(shared);
        String fromFrank = "Re: [" + sharedNumber + "] " + Fixtures.unique("x");
        MailTestServer.deliver(mail(frank.email(), null, fromFrank, "Same in room 4."));
        poll();
        assertThat(intake(fromFrank).get("ticket_number")).isEqualTo(sharedNumber);
    }

    @Test
    void aReplyReopensAResolvedTicketAndAReplyToAClosedOneOpensANewLinkedTicket() throws Exception {
        Organization acme = fixtures.organization();
        SupportGroup desk = fixtures.groupServing(acme);
        String token = fixtures.tokenFor(fixtures.agentIn(desk));
        User carol = fixtures.customerOf(acme);
        String[] request = mailedRequest(carol.email(), "Email quota ", "Mailbox full.");
        String subject = request[0];
        String number = request[1];
        assertThat(mvc.post().uri("/api/v1/tickets/" + number + "/transitions").header(AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\": \"RESOLVED\", \"resolutionCode\": \"FIXED\", \"resolutionNotes\": \"Quota raised.\"}")
                .exchange()).hasStatus2xxSuccessful();

        String again = "Re: [" + number + "] " + Fixtures.unique("x");
        MailTestServer.deliver(mail(carol.email(), null, again, "It is full again."));
        poll();

        assertThat(intake(again).get("ticket_number")).isEqualTo(number);
        assertThat(ticket(number).get("status")).isEqualTo("IN_PROGRESS");
        assertThat(entries(number, "REOPENED")).hasSize(1);

        jdbc.sql("update tickets set status = 'CLOSED', is_open = false, closed_at = updated_at where number = :n").param("n", number).update();
        String late = "Re: [" + number + "] " + Fixtures.unique("x");
        MailTestServer.deliver(mail(carol.email(), null, late, "And again."));
        poll();
        assertThat(intake(late).get("state")).isEqualTo("TICKET");
        assertThat(intake(late).get("ticket_number")).isNotEqualTo(number);
    }

    @Test
    void automaticMailIsNeverAnswered() throws Exception {
        Organization acme = fixtures.organization();
        User carol = fixtures.customerOf(acme);
        String[] request = mailedRequest(carol.email(), "Wifi ", "Slow wifi.");
        String subject = request[0];
        String number = request[1];

        String vacation = "Out of office: [" + number + "] " + Fixtures.unique("x");
        MimeMessage outOfOffice = mail(carol.email(), null, vacation, "I am away until Monday.");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        MailTestServer.deliver(outOfOffice);
        String bare = Fixtures.unique("Automatic reply: holiday ");
        MimeMessage bareReply = mail(carol.email(), null, bare, "I am away.");
        bareReply.setHeader("X-Autoreply", "yes");
        MailTestServer.deliver(bareReply);
        String looped = Fixtures.unique("Loop ");
        MailTestServer.deliver(mail("desk@" + MailTestServer.DOMAIN, null, looped, "We have your request."));
        String alert = Fixtures.unique("ALERT disk 95% on db01 ");
        MimeMessage monitoring = mail("nagios@" + acme.mailDomains().getFirst(), null, alert, "Disk usage 95%.");
        monitoring.setHeader("Auto-Submitted", "auto-generated");
        MailTestServer.deliver(monitoring);
        poll();

        assertThat(intake(vacation).get("state")).isEqualTo("ENTRY");
        assertThat(entries(number, "INTERNAL_NOTE")).singleElement().satisfies(e -> assertThat(e.get("body").toString())
                .startsWith("Automatic mail: " + vacation));
        assertThat(intake(bare).get("state")).isEqualTo("IGNORED");
        assertThat(intake(looped).get("state")).isEqualTo("IGNORED");
        assertThat(intake(looped).get("outcome").toString()).contains("own address");
        assertThat(intake(alert).get("state")).isEqualTo("TICKET");
        assertThat(notices(ticketOf(alert))).isEmpty();
        assertThat(notices(number)).hasSize(1);
    }

    @Test
    void aBounceOfAnOutboundNoticeIsAddedToItsTicketAsAnInternalEntry() throws Exception {
        Organization acme = fixtures.organization();
        User carol = fixtures.customerOf(acme);
        String[] request = mailedRequest(carol.email(), "Phone line ", "No dial tone.");
        String subject = request[0];
        String number = request[1];
        String bounceSubject = Fixtures.unique("Undelivered Mail Returned to Sender ");
        String dsn = """
                From: Mail Delivery System <MAILER-DAEMON@mx.example>
                To: desk@desk.test
                Subject: %s
                Message-ID: <%s@mx.example>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                Your message could not be delivered: mailbox unavailable.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example
                Final-Recipient: rfc822; %s
                Action: failed
                Status: 5.1.1
                --b1
                Content-Type: text/rfc822-headers

                Message-ID: <%s.7f1c@desk.test>
                Subject: [%s] We have your request
                --b1--
                """.formatted(bounceSubject, Fixtures.unique("bounce"), carol.email(), number, number).replace("\n", "\r\n");
        MailTestServer.deliver(dsn.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        poll();

        assertThat(intake(bounceSubject).get("state")).isEqualTo("ENTRY");
        assertThat(intake(bounceSubject).get("ticket_number")).isEqualTo(number);
        assertThat(entries(number, "INTERNAL_NOTE")).singleElement().satisfies(e -> assertThat(e.get("body").toString())
                .contains("mailbox unavailable"));
        assertThat(notices(number)).hasSize(1);
    }

    @Test
    void aSenderOpeningTicketAfterTicketIsStoppedAsASuspectedLoop() throws Exception {
        Organization acme = fixtures.organization();
        User robot = fixtures.customerOf(acme);
        String stem = Fixtures.unique("Ticket storm ");
        for (int i = 1; i <= 6; i++) {
            MailTestServer.deliver(mail(robot.email(), null, stem + i, "Message " + i));
        }
        MailboxPoller.Poll poll = poll();

        assertThat(poll.tickets()).isEqualTo(5);
        assertThat(intake(stem + 6).get("state")).isEqualTo("FAILED");
        assertThat(intake(stem + 6).get("outcome").toString()).startsWith("suspected mail loop");
    }

    @Test
    void aMessageStoredButNotProcessedBeforeACrashIsProcessedOnTheNextPollAndOnlyOnce() throws Exception {
        Organization acme = fixtures.organization();
        User carol = fixtures.customerOf(acme);
        String subject = Fixtures.unique("Crash ");
        MimeMessage message = mail(carol.email(), null, subject, "Stored, then the node died.");
        MailTestServer.deliver(message);
        // the node stored the raw message, then died: not processed, still on the server
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        message.writeTo(raw);
        byte[] bytes = raw.toByteArray();
        messages.keepAll("support", List.of(new InboundMessages.Incoming(MailboxPoller.key(message.getMessageID(), bytes),
                InboundParser.summaryOf(bytes), bytes)), java.time.Instant.now());

        MailboxPoller.Poll poll = poll();
        poller.poll();

        assertThat(poll.tickets()).isEqualTo(1);
        assertThat(poll.alreadyStored()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from tickets where subject = :s").param("s", subject).query(Integer.class).single()).isEqualTo(1);
        assertThat(intake(subject).get("state")).isEqualTo("TICKET");
    }

    @Test
    void mailFromStaffIsNotTakenInAsACustomer() throws Exception {
        User agent = fixtures.staff(Role.AGENT);
        String subject = Fixtures.unique("From an agent ");
        MailTestServer.deliver(mail(agent.email(), null, subject, "Hi"));
        poll();
        assertThat(intake(subject).get("state")).isEqualTo("FAILED");
        assertThat(intake(subject).get("outcome").toString()).contains("member of staff");
    }
}
