package org.baton.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.SendFailedException;
import org.jspecify.annotations.Nullable;

/**
 * Why a message could not be sent, and whether trying again can help. Permanent: the server rejected the recipient
 * with a 5xx reply to RCPT TO, the address cannot be parsed, or the message cannot be rendered. Everything else (the
 * server is down, refuses connections, times out, answers 4xx, rejects the credentials) is transient: it keeps being
 * retried, since mail must survive an outage.
 *
 * @param permanent whether retrying cannot help
 * @param reason one line for the outbox's {@code last_error}
 */
record SendFailure(boolean permanent, String reason) {

    static SendFailure of(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth++ < 10; t = next(t)) {
            // Jakarta Mail lists a recipient as invalid when the server answers RCPT TO with 5xx (4xx leaves it valid, unsent)
            if (t instanceof SendFailedException rejected && rejected.getInvalidAddresses() != null
                    && rejected.getInvalidAddresses().length > 0) {
                return new SendFailure(true, "recipient rejected: " + describe(rejected));
            }
            if (t instanceof AddressException bad) {
                return new SendFailure(true, "invalid address: " + line(bad.getMessage()));
            }
        }
        return new SendFailure(false, describe(error));
    }

    static SendFailure unrenderable(Throwable error) {
        return new SendFailure(true, "cannot render: " + describe(error));
    }

    /** The next exception of the chain (a MessagingException's cause is its next exception). */
    private static @Nullable Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = error; t != null && text.length() < 1500 && depth++ < 10; t = next(t)) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(line(t.getMessage()));
        }
        return text.toString();
    }

    private static String line(@Nullable String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
