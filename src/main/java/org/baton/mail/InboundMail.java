package org.baton.mail;

import java.time.Instant;
import java.util.List;
import org.baton.ticket.TicketChannels;
import org.jspecify.annotations.Nullable;

/**
 * One inbound message as the intake reads it: who wrote, the threading headers, the text (the text/plain part, or the
 * HTML turned to text), the sanitized HTML, the attachments and the few headers that tell automatic mail apart.
 *
 * @param references the Message-IDs this message answers, most relevant first (In-Reply-To, then References newest first)
 * @param problems what was wrong with the message and taken leniently (an unknown charset, a missing boundary)
 */
record InboundMail(
        @Nullable String messageId,
        List<String> references,
        @Nullable String fromAddress,
        @Nullable String fromName,
        List<String> to,
        List<String> cc,
        String subject,
        @Nullable Instant sentAt,
        String text,
        @Nullable String html,
        List<TicketChannels.Attachment> attachments,
        Headers headers,
        List<String> problems) {

    /** The headers that mark automatic mail; null where absent. */
    record Headers(@Nullable String autoSubmitted, @Nullable String precedence, boolean xAutoreply, @Nullable String autoResponseSuppress,
            @Nullable String returnPath, @Nullable String contentType, @Nullable String reportType) {}
}
