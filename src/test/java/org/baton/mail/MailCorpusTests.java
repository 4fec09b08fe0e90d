package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.baton.identity.Directory;
import org.baton.identity.DirectoryAdministration;
import org.baton.identity.OrganizationDetails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Real-world and malformed messages (src/test/resources/mail/corpus) go through IMAP into the intake: nothing crashes,
 * and every one of them ends as a ticket, an entry, ignored with a reason, or failed intake with its raw source.
 */
class MailCorpusTests extends MailIntakeTestSupport {

    static final Path CORPUS = Path.of("src/test/resources/mail/corpus");

    @Autowired Directory directory;
    @Autowired DirectoryAdministration administration;

    static List<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    @Test
    void everyMessageOfTheCorpusEndsAsATicketAnEntryIgnoredOrFailedIntakeAndNoneIsLost() throws Exception {
        if (directory.organizationByMailDomain("corp.example").isEmpty()) {
            administration.createOrganization(new OrganizationDetails("Corpus Corp", "CORPUS",
                    List.of("corp.example", "gmail.example", "icloud.example"), false, true));
        }
        List<Path> files = corpus();
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        Instant start = Instant.now().minusMillis(5).truncatedTo(ChronoUnit.MILLIS);
        for (Path file : files) {
            MailTestServer.deliver(Files.readAllBytes(file));
        }

        MailboxPoller.Poll poll = poll();

        assertThat(poll.fetched()).isEqualTo(files.size());
        assertThat(poll.tickets() + poll.entries() + poll.ignored() + poll.failed()).isEqualTo(files.size());
        List<Map<String, Object>> rows = jdbc.sql("select state, subject, outcome, size_bytes from mail_intake where received_at >= :start")
                .param("start", java.sql.Timestamp.from(start)).query().listOfRows();
        assertThat(rows).hasSize(files.size());
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("state")).isIn("TICKET", "ENTRY", "IGNORED", "FAILED");
            assertThat(((Number) r.get("size_bytes")).intValue()).isPositive();
        });
        assertThat(rows).filteredOn(r -> !"TICKET".equals(r.get("state"))).allSatisfy(r -> assertThat(r.get("outcome")).isNotNull());
        Map<Object, Object> bySubject = new java.util.HashMap<>();
        rows.forEach(r -> bySubject.put(r.get("subject"), r.get("state")));
        assertThat(bySubject).containsEntry("Drucker im 2. OG druckt nicht", "TICKET")
                .containsEntry("Contraseña caducada", "TICKET")
                .containsEntry("Undelivered Mail Returned to Sender", "IGNORED")
                .containsEntry("Automatische Antwort: [INC-9990003] Resolved", "IGNORED")
                .containsEntry("No sender at all", "FAILED")
                .containsEntry("PROBLEM: db01 disk 95%", "TICKET")
                .containsEntry("Växeln är trasig – ring tillbaka", "TICKET")
                .containsEntry("Truncated multipart", "TICKET");
        String outlook = jdbc.sql("select ticket_number from mail_intake where subject = 'Drucker im 2. OG druckt nicht' and received_at >= :start")
                .param("start", java.sql.Timestamp.from(start)).query(String.class).single();
        Map<String, Object> created = entries(outlook, "CREATED").getFirst();
        assertThat(created.get("details").toString()).contains("\"filename\":\"image001.png\"")
                .doesNotContain("<script").doesNotContain("tracker.example").doesNotContain("javascript:");
        // the inline image is stored as the ticket's file, its type sniffed from its bytes, claimed by the ticket
        Map<String, Object> file = jdbc.sql("""
                select a.filename, a.content_type, a.size_bytes, a.claimed_at, ta.visibility from attachments a
                  join ticket_attachments ta on ta.attachment_id = a.id join tickets t on t.id = ta.ticket_id
                 where t.number = :n""").param("n", outlook).query().singleRow();
        assertThat(file).containsEntry("filename", "image001.png").containsEntry("content_type", "image/png")
                .containsEntry("visibility", "PUBLIC");
        assertThat(file.get("claimed_at")).isNotNull();
        assertThat(ticket(outlook).get("description").toString()).isEqualTo("Hallo,\n\nder Drucker im 2. OG druckt seit heute früh nicht mehr.\n\nGrüße\nHans Müller");
    }
}
