package org.baton.ticket;

import static org.baton.shared.SqlValues.timestamp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baton.attachment.AttachmentId;
import org.baton.attachment.Attachments;
import org.baton.attachment.StoredAttachment;
import org.baton.identity.CurrentUser;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.baton.shared.Sha256;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.multipart.MultipartFile;

/**
 * The files attached to tickets. A file is stored first (outside the ticket's transaction: its bytes are not
 * database work) and then attached in the same transaction as the timeline entry that carries it; the entry's
 * visibility is the file's, so a customer never gets an internal note's file.
 */
@Repository
class TicketAttachments {

    /** The form field of the files: several may be chosen at once. */
    static final String FORM_FIELD = "files";

    private final Attachments attachments;
    private final JdbcClient jdbc;
    private final Tickets tickets;

    TicketAttachments(Attachments attachments, JdbcClient jdbc, Tickets tickets) {
        this.attachments = attachments;
        this.tickets = tickets;
        this.jdbc = jdbc;
    }

    /**
     * Stores the files of a form or request as {@code user}'s; parts without a file (an empty file input) are left
     * out. A file that is refused (too large, empty) is reported on {@code field}, naming the file.
     */
    List<StoredAttachment> upload(CurrentUser user, @Nullable List<MultipartFile> files, String field) {
        List<StoredAttachment> stored = new ArrayList<>();
        if (files == null) {
            return stored;
        }
        for (MultipartFile file : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                stored.add(attachments.store(file.getOriginalFilename(), file.getContentType(), in, user.id()));
            } catch (InvalidInput invalid) {
                throw new InvalidInput(invalid.problems().stream()
                        .map(p -> new org.baton.shared.FieldProblem(field, p.message())).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the upload " + file.getOriginalFilename(), e);
            }
        }
        return stored;
    }

    /** Records that {@code files} belong to {@code ticket} with {@code visibility} (in the caller's transaction). */
    void attach(TicketId ticket, List<StoredAttachment> files, Visibility visibility, Instant at) {
        attachments.claim(files.stream().map(StoredAttachment::id).toList());
        for (StoredAttachment file : files) {
            jdbc.sql("insert into ticket_attachments (attachment_id, ticket_id, visibility, attached_at) values (:id, :ticket, :visibility, :at)")
                    .param("id", file.id().value())
                    .param("ticket", ticket.value())
                    .param("visibility", visibility.name())
                    .param("at", timestamp(at))
                    .update();
        }
    }

    /**
     * The download of file {@code id} of {@code ticket} (or a ticket merged into it), when it was attached in an entry
     * {@code user} may see; a 404 otherwise, the same for a file that does not exist and one the user may not see.
     */
    ResponseEntity<Resource> download(CurrentUser user, Ticket ticket, String id) {
        List<TicketId> ids = new ArrayList<>();
        ids.add(ticket.id());
        ids.addAll(tickets.mergedInto(ticket.id()));
        StoredAttachment file = AttachmentId.parse(id).flatMap(a -> visible(user, ids, a))
                .orElseThrow(() -> new NotFound("attachment", id));
        return attachments.download(file);
    }

    /** The file, if it is attached to one of {@code tickets} in an entry {@code user} may see. */
    Optional<StoredAttachment> visible(CurrentUser user, List<TicketId> tickets, AttachmentId id) {
        Optional<String> visibility = jdbc.sql("select visibility from ticket_attachments where attachment_id = :id and ticket_id in (:tickets)")
                .param("id", id.value())
                .param("tickets", tickets.stream().map(TicketId::value).toList())
                .query(String.class)
                .optional();
        if (visibility.isEmpty() || (!user.isStaff() && !Visibility.PUBLIC.name().equals(visibility.get()))) {
            return Optional.empty();
        }
        return attachments.info(id);
    }

    /** How an entry's details list its files (the timeline shows and links them from these). */
    /** A form's idempotency hash: its fields' fingerprint and its files' contents, so a resent form with other files is another request. */
    static String requestHash(String fingerprint, List<StoredAttachment> files) {
        return Sha256.hex(fingerprint + files.stream().map(StoredAttachment::sha256).reduce("", (a, b) -> a + ":" + b));
    }

    static List<Map<String, Object>> details(List<StoredAttachment> files) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (StoredAttachment file : files) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", file.id().value().toString());
            one.put("filename", file.filename());
            one.put("contentType", file.contentType());
            one.put("size", file.size());
            list.add(one);
        }
        return list;
    }
}
