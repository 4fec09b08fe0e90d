package org.baton.mail;

import org.jspecify.annotations.Nullable;

/**
 * One notice as it goes out: a multipart/alternative mail with a plain-text and an HTML part.
 *
 * @param messageId the stable Message-ID (the same on every attempt)
 * @param threadRoot the ticket thread's root Message-ID for In-Reply-To and References; null for mail about no ticket
 * @param automatic an automatic notice (Auto-Submitted: auto-generated) rather than a person's reply
 */
record OutboundMail(String recipient, String subject, String text, String html, String messageId, @Nullable String threadRoot,
        boolean automatic) {}
