package org.baton.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How outbound mail is addressed and retried ({@code baton.mail.*}, {@code baton.base-url}).
 *
 * @param from the sender, e.g. {@code Baton Service Desk <helpdesk@desk.example>}
 * @param replyTo where replies go when not to {@code from} (the inbound mailbox), or null
 * @param messageIdDomain the right-hand side of every Message-ID; by default the domain of {@code from}
 * @param baseUrl the desk's address as customers reach it, for absolute links
 * @param batch how many messages one delivery run sends at most
 * @param firstRetry the pause after the first failure; it doubles with each further failure
 * @param maxRetry the longest pause between two attempts
 * @param permanentFailureAttempts after how many attempts a permanent failure makes a message dead
 */
record MailSettings(InternetAddress from, @Nullable InternetAddress replyTo, String messageIdDomain, String baseUrl, int batch,
        Duration firstRetry, Duration maxRetry, int permanentFailureAttempts) {

    static MailSettings of(String from, @Nullable String replyTo, @Nullable String messageIdDomain, String baseUrl, int batch,
            Duration firstRetry, Duration maxRetry, int permanentFailureAttempts) {
        InternetAddress sender = address("baton.mail.from", from);
        String domain = messageIdDomain == null || messageIdDomain.isBlank()
                ? sender.getAddress().substring(sender.getAddress().lastIndexOf('@') + 1)
                : messageIdDomain.strip();
        if (domain.isBlank() || !domain.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalStateException("baton.mail.message-id-domain must be a domain name, not '" + domain + "'");
        }
        if (batch < 1 || permanentFailureAttempts < 1 || firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalStateException("baton.mail.delivery: batch and permanent-failure-attempts must be at least 1, "
                    + "first-retry positive and max-retry at least first-retry");
        }
        String base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new MailSettings(sender, replyTo == null || replyTo.isBlank() ? null : address("baton.mail.reply-to", replyTo), domain.toLowerCase(Locale.ROOT), base,
                batch, firstRetry, maxRetry, permanentFailureAttempts);
    }

    private static InternetAddress address(String property, String value) {
        try {
            InternetAddress address = new InternetAddress(value.strip(), true);
            if (!address.getAddress().contains("@")) {
                throw new AddressException("no domain", value);
            }
            return address;
        } catch (AddressException e) {
            throw new IllegalStateException(property + " is not a mail address: '" + value + "' (" + e.getMessage() + ")", e);
        }
    }
}
