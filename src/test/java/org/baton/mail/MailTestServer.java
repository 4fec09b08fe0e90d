package org.baton.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;

/**
 * One GreenMail (SMTP and IMAP on dynamic loopback ports) for the whole test JVM, with the desk's mailbox
 * {@value #DESK} (login {@code helpdesk}/{@code secret}). Tests deliver into it and then run the poll themselves.
 */
final class MailTestServer {

    static final String DESK = "helpdesk@desk.test";
    static final String DOMAIN = "desk.test";
    static final GreenMail GREENMAIL = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    static final GreenMailUser HELPDESK;
    static final Session SESSION = Session.getInstance(new Properties());

    static {
        GREENMAIL.start();
        HELPDESK = GREENMAIL.setUser(DESK, "helpdesk", "secret");
        Runtime.getRuntime().addShutdownHook(new Thread(GREENMAIL::stop));
    }

    private MailTestServer() {}

    static int imapPort() {
        return GREENMAIL.getImap().getPort();
    }

    static int smtpPort() {
        return GREENMAIL.getSmtp().getPort();
    }

    /** Puts a message into the desk's mailbox, as a mail server would on delivery. */
    static void deliver(MimeMessage message) {
        HELPDESK.deliver(message);
    }

    /** Puts raw RFC 5322 bytes into the desk's mailbox. */
    static void deliver(byte[] raw) throws MessagingException {
        HELPDESK.deliver(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
    }

    static int waiting() {
        return GREENMAIL.getReceivedMessagesForDomain(DESK).length;
    }
}
