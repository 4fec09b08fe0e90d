package org.baton.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.baton.IntegrationTest;
import org.baton.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class AttachmentsTests {

    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    @Autowired
    Attachments attachments;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void sniffedTypeBeatsTheDeclaredType() {
        StoredAttachment stored = attachments.store("notes.txt", "text/plain", PNG, null);

        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.declaredType()).isEqualTo("text/plain");
        assertThat(stored.filename()).isEqualTo("notes.txt");
        assertThat(stored.size()).isEqualTo(PNG.length);
        assertThat(attachments.info(stored.id())).contains(stored);
    }

    @Test
    void htmlCalledAPdfIsSniffedAsHtmlAndServedAsAFileToSave() throws Exception {
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        StoredAttachment stored = attachments.store("invoice.pdf", "application/pdf", html, null);

        assertThat(stored.contentType()).isEqualTo("text/html");
        ResponseEntity<Resource> download = attachments.download(stored);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"invoice.pdf\"; filename*=UTF-8''invoice.pdf");
        try (InputStream in = download.getBody().getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(html);
        }
    }

    @Test
    void keepsOnlyTheNameOfAPathAndDropsControlCharacters() {
        StoredAttachment stored = attachments.store("../../etc/\u0000pass\u202Ewd.txt", null, "x".getBytes(StandardCharsets.UTF_8), null);
        assertThat(stored.filename()).isEqualTo("passwd.txt");

        assertThat(attachments.store("C:\\Users\\erin\\..\\report.csv", null, "a,b".getBytes(StandardCharsets.UTF_8), null).filename())
                .isEqualTo("report.csv");
        assertThat(attachments.store("..", null, "x".getBytes(StandardCharsets.UTF_8), null).filename()).isEqualTo("attachment");
    }

    @Test
    void refusesAFileOverTheLimitByName() {
        byte[] big = new byte[(int) attachments.maxSize() + 1];
        assertThatThrownBy(() -> attachments.store("dump.bin", null, big, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("file");
                        assertThat(p.message()).contains("\"dump.bin\"").contains("1.0 MB");
                    });
                });
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> attachments.store("empty.txt", null, new byte[0], null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.getMessage()).contains("empty.txt"));
    }

    @Test
    void filesNobodyClaimedAreDiscardedAndClaimedOnesKept() {
        StoredAttachment orphan = attachments.store("orphan.txt", null, "left behind".getBytes(StandardCharsets.UTF_8), null);
        StoredAttachment kept = attachments.store("kept.txt", null, "attached".getBytes(StandardCharsets.UTF_8), null);
        transactions.executeWithoutResult(tx -> attachments.claim(java.util.List.of(kept.id())));

        attachments.discardUnclaimedBefore(orphan.uploadedAt());
        assertThat(attachments.info(orphan.id())).as("not older than the cutoff: kept").isPresent();
        assertThat(attachments.discardUnclaimedBefore(java.time.Instant.now().plusSeconds(60))).isPositive();

        assertThat(attachments.info(orphan.id())).isEmpty();
        assertThat(attachments.info(kept.id())).isPresent();
        assertThatThrownBy(() -> attachments.open(orphan.id())).isInstanceOf(org.baton.shared.NotFound.class);
    }

    @Test
    void namesNonAsciiFilesInRfc5987Form() {
        assertThat(Attachments.contentDisposition("Straße \"neu\".pdf"))
                .isEqualTo("attachment; filename=\"Stra_e _neu_.pdf\"; filename*=UTF-8''Stra%C3%9Fe%20%22neu%22.pdf");
    }

    @Test
    void servesActiveContentAsOctetStream() {
        assertThat(Attachments.servedType("image/svg+xml")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(Attachments.servedType("application/xhtml+xml")).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(Attachments.servedType("application/pdf")).isEqualTo(MediaType.APPLICATION_PDF);
    }
}
