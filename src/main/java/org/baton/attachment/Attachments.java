package org.baton.attachment;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;
import static org.baton.shared.SqlValues.uuid;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.apache.tika.Tika;
import org.baton.identity.UserId;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Stores attachments and hands them out again. A file is streamed to a temporary file first, counting and
 * hashing its bytes, so that one over the limit is refused before anything is kept; its content type is
 * sniffed from the bytes (and the name), and the sender's declared type is only recorded. The bytes go to the
 * {@link AttachmentStore} under a key Baton chooses, the metadata to the {@code attachments} table.
 *
 * <p>This service does not decide who may read a file: the module that attached it to something (a ticket
 * and its timeline entry) checks that before it calls {@link #download}.
 */
@Service
public class Attachments {

    /** The form and API field that an attachment's problems are reported on. */
    public static final String FIELD = "file";

    /** Types a browser would run or render as a page: always downloaded as {@code application/octet-stream}. */
    private static final List<String> ACTIVE = List.of("html", "xml", "svg", "javascript", "ecmascript", "x-sh", "flash",
            "x-msdownload", "java-archive", "x-java", "x-httpd", "pdf+xml");

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Attachments.class);

    private final AttachmentStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long maxSize;
    private final Tika tika = new Tika();

    Attachments(AttachmentStore store, JdbcClient jdbc, Clock clock,
            @Value("${baton.attachments.max-size:20MB}") DataSize maxSize) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxSize = maxSize.toBytes();
    }

    /** The largest file accepted, in bytes. */
    public long maxSize() {
        return maxSize;
    }

    /**
     * Stores one file. {@code filename} is the sender's name (any path in it is dropped), {@code declaredType} what
     * the sender said it is (recorded, not trusted). Refuses a file over the limit or an empty one with a problem on
     * {@link #FIELD} that names the file; nothing is kept then.
     */
    public StoredAttachment store(@Nullable String filename, @Nullable String declaredType, InputStream content,
            @Nullable UserId uploader) {
        String name = SafeFilename.of(filename);
        Path temp = null;
        try {
            temp = Files.createTempFile("baton-attachment-", ".part");
            MessageDigest sha = sha256();
            long size = 0;
            try (DigestInputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxSize) {
                        throw InvalidInput.of(FIELD, "\"" + name + "\" is larger than " + displaySize(maxSize)
                                + ", the most Baton accepts for one file; nothing was saved");
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw InvalidInput.of(FIELD, "\"" + name + "\" is empty; nothing was saved");
            }
            String sniffed;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(temp))) {
                sniffed = tika.detect(in, name);
            }
            AttachmentId id = AttachmentId.random();
            String key = key(id);
            try (InputStream in = Files.newInputStream(temp)) {
                store.put(key, in, size);
            }
            StoredAttachment stored = new StoredAttachment(id, name, sniffed, cleanDeclared(declaredType), size,
                    HexFormat.of().formatHex(sha.digest()), uploader, clock.instant().truncatedTo(ChronoUnit.MICROS));
            try {
                insert(stored, key);
            } catch (RuntimeException e) {
                store.delete(key);
                throw e;
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the attachment " + name, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temporary file left behind is cleaned with the temporary directory
                }
            }
        }
    }

    /** Stores one file given as bytes (a mail's part, say); see {@link #store(String, String, InputStream, UserId)}. */
    public StoredAttachment store(@Nullable String filename, @Nullable String declaredType, byte[] content,
            @Nullable UserId uploader) {
        return store(filename, declaredType, new ByteArrayInputStream(content), uploader);
    }

    /**
     * Marks the files as taken by something that keeps them (a ticket's entry), in the caller's transaction. Files
     * nobody claims within {@code baton.attachments.unclaimed-lifetime} (a form that failed after its files were
     * stored) are discarded.
     */
    public void claim(Collection<AttachmentId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update attachments set claimed_at = :at where id in (:ids) and claimed_at is null")
                .param("at", timestamp(clock.instant()))
                .param("ids", ids.stream().map(AttachmentId::value).toList())
                .update();
    }

    /** Deletes the files stored before {@code cutoff} that nothing claimed; how many. */
    int discardUnclaimedBefore(Instant cutoff) {
        List<String[]> unclaimed = jdbc.sql("select id, storage_key from attachments where claimed_at is null and uploaded_at < :cutoff "
                        + "fetch first 1000 rows only")
                .param("cutoff", timestamp(cutoff))
                .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("storage_key")})
                .list();
        int discarded = 0;
        for (String[] one : unclaimed) {
            int deleted = jdbc.sql("delete from attachments where id = :id and claimed_at is null").param("id", UUID.fromString(one[0])).update();
            if (deleted == 1) {
                try {
                    store.delete(one[1]);
                } catch (IOException e) {
                    log.warn("Could not delete the file of unclaimed attachment {} ({})", one[0], one[1], e);
                }
                discarded++;
            }
        }
        return discarded;
    }

    public Optional<StoredAttachment> info(AttachmentId id) {
        return jdbc.sql("select * from attachments where id = :id").param("id", id.value()).query(Attachments::row).optional();
    }

    /** The metadata of the given attachments, in no particular order; unknown ids are left out. */
    public List<StoredAttachment> infos(Collection<AttachmentId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from attachments where id in (:ids)")
                .param("ids", ids.stream().map(AttachmentId::value).toList())
                .query(Attachments::row)
                .list();
    }

    /** The bytes of an attachment; the caller closes the stream. */
    public InputStream open(AttachmentId id) {
        String key = jdbc.sql("select storage_key from attachments where id = :id").param("id", id.value()).query(String.class)
                .optional().orElseThrow(() -> new NotFound("attachment", id));
        try {
            return store.open(key);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the attachment " + id, e);
        }
    }

    /**
     * The answer that downloads {@code attachment}: always as a file to save ({@code Content-Disposition: attachment}
     * with the name in RFC 5987 form too), never sniffed by the browser ({@code nosniff}), active content (HTML, SVG,
     * XML, scripts) as {@code application/octet-stream}, and sandboxed should a browser render it anyway.
     */
    public ResponseEntity<Resource> download(StoredAttachment attachment) {
        InputStream content = open(attachment.id());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(attachment.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .contentType(servedType(attachment.contentType()))
                .contentLength(attachment.size())
                .body(new InputStreamResource(content));
    }

    /** The type a download is served as: the sniffed type, or {@code application/octet-stream} for active content. */
    static MediaType servedType(String sniffed) {
        String type = sniffed.toLowerCase(Locale.ROOT);
        if (ACTIVE.stream().anyMatch(type::contains)) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        try {
            return MediaType.parseMediaType(type);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    /** {@code attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded} (RFC 6266 with RFC 5987). */
    static String contentDisposition(String filename) {
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < filename.length(); i++) {
            char c = filename.charAt(i);
            ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        for (byte b : filename.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** A size as people read it: "512 bytes", "14 KB", "2.3 MB". */
    public static String displaySize(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        double mb = bytes / (1024.0 * 1024.0);
        return (mb < 10 ? String.format(Locale.ROOT, "%.1f", mb) : String.valueOf(Math.round(mb))) + " MB";
    }

    private void insert(StoredAttachment a, String key) {
        jdbc.sql("insert into attachments (id, storage_key, filename, content_type, declared_type, size_bytes, sha256, uploaded_by, "
                        + "uploaded_at) values (:id, :key, :filename, :type, :declared, :size, :sha, :by, :at)")
                .param("id", a.id().value())
                .param("key", key)
                .param("filename", a.filename())
                .param("type", a.contentType())
                .param("declared", a.declaredType())
                .param("size", a.size())
                .param("sha", a.sha256())
                .param("by", a.uploadedBy() == null ? null : a.uploadedBy().value())
                .param("at", timestamp(a.uploadedAt()))
                .update();
    }

    private static StoredAttachment row(ResultSet rs, int n) throws SQLException {
        UUID by = uuid(rs, "uploaded_by");
        return new StoredAttachment(new AttachmentId(requiredUuid(rs, "id")), rs.getString("filename"), rs.getString("content_type"),
                rs.getString("declared_type"), rs.getLong("size_bytes"), rs.getString("sha256"), by == null ? null : new UserId(by),
                requiredInstant(rs, "uploaded_at"));
    }

    private static String key(AttachmentId id) {
        String text = id.value().toString();
        return text.substring(0, 2) + "/" + text;
    }

    private static @Nullable String cleanDeclared(@Nullable String declared) {
        if (declared == null || declared.isBlank()) {
            return null;
        }
        String clean = declared.strip().replaceAll("\\p{Cntrl}", "");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
