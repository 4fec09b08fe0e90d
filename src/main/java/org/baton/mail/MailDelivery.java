package org.baton.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Instant;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.baton.outbox.Outbox;
import org.baton.outbox.PendingMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Delivers the outbox's notices over SMTP: each run takes the due messages (oldest first, a bounded batch), renders
 * them, sends them over one SMTP connection and marks each one delivered, or records the failure and when to try
 * again (exponential back-off, see {@link RetryPolicy}). A permanent failure ({@link SendFailure}) makes the message
 * dead after a few attempts; every other failure keeps being retried, so an outage delays mail and loses none.
 * Delivery is at least once: a crash between sending and marking sends the message again, with the same Message-ID.
 * Without a mail server ({@code spring.mail.host} not set) nothing is sent and everything stays queued.
 */
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final Outbox outbox;
    private final MailTemplates templates;
    private final ObjectProvider<JavaMailSender> senders;
    private final MailSettings settings;
    private final RetryPolicy retries;
    private final RandomGenerator random;
    private final Counter sent;
    private final Counter failed;
    private final Counter dead;

    MailDelivery(Outbox outbox, MailTemplates templates, ObjectProvider<JavaMailSender> senders, MailSettings settings,
            MeterRegistry meters, RandomGenerator random) {
        MailStreamProvider.install();
        this.outbox = outbox;
        this.templates = templates;
        this.senders = senders;
        this.settings = settings;
        this.retries = new RetryPolicy(settings.firstRetry(), settings.maxRetry());
        this.random = random;
        this.sent = Counter.builder("baton.mail.sent").description("Notices delivered to the mail server").register(meters);
        this.failed = Counter.builder("baton.mail.failed").description("Failed delivery attempts (each is retried or made dead)")
                .register(meters);
        this.dead = Counter.builder("baton.mail.dead").description("Notices given up after permanent failures").register(meters);
        Gauge.builder("baton.mail.queued", outbox, o -> o.waiting(MailTemplates.KINDS)).strongReference(true)
                .description("Notices waiting for delivery (not dead)").register(meters);
    }

    /** Whether a mail server is configured; without one, notices wait in the outbox. */
    boolean configured() {
        return senders.getIfAvailable() != null;
    }

    /** Sends what is due at {@code now}, one batch; returns how many messages were due (the batch size at most). */
    int deliver(Instant now) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        List<PendingMessage> due = outbox.due(MailTemplates.KINDS, now, settings.batch());
        if (due.isEmpty()) {
            return 0;
        }
        Map<MimeMessage, PendingMessage> prepared = new IdentityHashMap<>();
        for (PendingMessage message : due) {
            OutboundMail mail;
            try {
                mail = templates.render(message, settings, now);
            } catch (RuntimeException e) {
                fail(message, SendFailure.unrenderable(e), now);
                continue;
            }
            try {
                prepared.put(mime(sender, mail, now), message);
            } catch (MessagingException | RuntimeException e) {
                fail(message, SendFailure.of(e), now);
            }
        }
        Map<Object, Exception> failures = send(sender, prepared);
        for (Map.Entry<MimeMessage, PendingMessage> each : prepared.entrySet()) {
            Exception failure = failures.get(each.getKey());
            if (failure != null) {
                fail(each.getValue(), SendFailure.of(failure), now);
            } else {
                outbox.delivered(each.getValue().id(), now);
                sent.increment();
            }
        }
        return due.size();
    }

    /** Sends the messages over one connection; the failed ones with their errors (keys are the messages). */
    private static Map<Object, Exception> send(JavaMailSender sender, Map<MimeMessage, PendingMessage> prepared) {
        if (prepared.isEmpty()) {
            return Map.of();
        }
        try {
            sender.send(prepared.keySet().toArray(MimeMessage[]::new));
            return Map.of();
        } catch (MailSendException e) {
            return e.getFailedMessages().isEmpty() ? all(prepared, e) : identity(e.getFailedMessages());
        } catch (MailException e) {
            return all(prepared, e);
        }
    }

    private static Map<Object, Exception> all(Map<MimeMessage, PendingMessage> prepared, Exception e) {
        Map<Object, Exception> all = new IdentityHashMap<>();
        prepared.keySet().forEach(m -> all.put(m, e));
        return all;
    }

    private static Map<Object, Exception> identity(Map<Object, Exception> failures) {
        Map<Object, Exception> map = new IdentityHashMap<>();
        map.putAll(failures);
        return map;
    }

    private void fail(PendingMessage message, SendFailure failure, Instant now) {
        int attempts = message.attempts() + 1;
        boolean givingUp = failure.permanent() && attempts >= settings.permanentFailureAttempts();
        Instant next = now.plus(retries.pauseAfter(attempts, random.nextDouble()));
        outbox.failed(message.id(), failure.reason(), next, givingUp, now);
        failed.increment();
        if (givingUp) {
            dead.increment();
            log.warn("Mail {} to {} is dead after {} attempts: {}", message.id(), message.recipient(), attempts, failure.reason());
        } else {
            log.info("Mail {} to {} failed (attempt {}), next attempt at {}: {}", message.id(), message.recipient(), attempts, next,
                    failure.reason());
        }
    }

    private MimeMessage mime(JavaMailSender sender, OutboundMail mail, Instant now) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        mime.setFrom(settings.from());
        @Nullable InternetAddress replyTo = settings.replyTo();
        if (replyTo != null) {
            mime.setReplyTo(new InternetAddress[] {replyTo});
        }
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        mime.setSubject(mail.subject(), "UTF-8");
        mime.setSentDate(Date.from(now));
        mime.setHeader("Message-ID", mail.messageId());
        if (mail.threadRoot() != null) {
            mime.setHeader("In-Reply-To", mail.threadRoot());
            mime.setHeader("References", mail.threadRoot());
        }
        if (mail.automatic()) {
            mime.setHeader("Auto-Submitted", "auto-generated");
            mime.setHeader("X-Auto-Response-Suppress", "All");
        }
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        return mime;
    }
}
