package org.baton.attachment;

import java.time.Instant;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * A stored file's metadata.
 *
 * @param filename the name to show and to offer on download: the sender's name without any path or control characters
 * @param contentType the type sniffed from the bytes (and the name), never the sender's word alone
 * @param declaredType the type the sender declared, kept for the record; null when none was given
 * @param size the number of bytes
 * @param sha256 the SHA-256 of the bytes, as 64 lowercase hex digits
 * @param uploadedBy who sent it; null when it came from someone without an account (a mail)
 */
public record StoredAttachment(
        AttachmentId id,
        String filename,
        String contentType,
        @Nullable String declaredType,
        long size,
        String sha256,
        @Nullable UserId uploadedBy,
        Instant uploadedAt) {

    /** The size as people read it: "512 bytes", "14 KB", "2.3 MB". */
    public String displaySize() {
        return Attachments.displaySize(size);
    }
}
