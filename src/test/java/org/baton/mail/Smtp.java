package org.baton.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A GreenMail SMTP and IMAP server in the test JVM on ports picked once per run, so that it can be stopped (an
 * outage) and started again on the same ports while the application keeps pointing at them.
 */
final class Smtp {

    static final int SMTP_PORT = freePort();
    static final int IMAP_PORT = freePort();
    private static GreenMail server = started();

    private Smtp() {}

    static synchronized GreenMail server() {
        return server;
    }

    /** The mail server goes down: connections are refused until {@link #start()}. */
    static synchronized void stop() {
        server.stop();
    }

    /** A fresh server on the same ports (its mailboxes start empty). */
    static synchronized void start() {
        server = started();
    }

    /** Everything received so far for {@code recipient}. */
    static List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static GreenMail started() {
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
