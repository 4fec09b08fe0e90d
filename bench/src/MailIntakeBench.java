import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * The mail server side of bench/mail-intake.sh: an in-process GreenMail (IMAP and SMTP on 127.0.0.1; the library,
 * unlike the standalone jar, starts no REST API on 8080)
 * with the desk's mailbox. It queues N mails into the mailbox while the mailbox's password is still wrong (so Baton,
 * already polling, cannot take any yet), then, once the script creates $WORK/go, sets the right password: that
 * instant starts the clock. It stops the clock when the mailbox is empty (Baton deletes and expunges each message once
 * it is stored and processed) and writes the timings to $WORK/done.
 *
 * The mix: of every 10 mails, 7 open new tickets (each from its own sender at bench.example; every 5th one HTML with a
 * text alternative) and 3 are replies by the sender of an earlier new mail (In-Reply-To and References to it).
 *
 *   java -cp CLASSPATH bench/src/MailIntakeBench.java WORK_DIR IMAP_PORT SMTP_PORT COUNT
 */
public class MailIntakeBench {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int imapPort = Integer.parseInt(args[1]);
        int smtpPort = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        GreenMail greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(imapPort, "127.0.0.1", "imap"),
                new ServerSetup(smtpPort, "127.0.0.1", "smtp")});
        greenMail.start();
        GreenMailUser desk = greenMail.setUser("helpdesk@bench-desk.test", "helpdesk", "not-yet");
        Session session = Session.getInstance(new Properties());
        List<String> newIds = new ArrayList<>();
        List<String> newSenders = new ArrayList<>();
        List<String> newSubjects = new ArrayList<>();
        long queueStart = System.nanoTime();
        int replies = 0;
        for (int i = 0; i < count; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("helpdesk@bench-desk.test"));
            m.setSentDate(new Date());
            boolean reply = i % 10 >= 7 && newIds.size() > (i % 10);
            String id = "<bench-" + i + "." + System.nanoTime() + "@bench.example>";
            if (reply) {
                int to = newIds.size() - 1 - (i % 10 - 7) * 2;
                m.setFrom(new InternetAddress(newSenders.get(to), "Bench Customer " + to));
                m.setSubject("Re: " + newSubjects.get(to));
                m.setHeader("In-Reply-To", newIds.get(to));
                m.setHeader("References", newIds.get(to));
                m.setText("It happened again at " + i + ".\n\nOn Tue, 1 Dec 2026 at 09:00, Bench Customer wrote:\n> "
                        + "The application crashes when I save a report.\n", "UTF-8");
                replies++;
            } else {
                String sender = "customer" + i + "@bench.example";
                String subject = "Application crash #" + i;
                m.setFrom(new InternetAddress(sender, "Bench Customer " + i));
                m.setSubject(subject);
                String text = "Hello,\n\nthe application crashes when I save a report (" + i + "). It started this morning after the "
                        + "update; I restarted twice. Error code 0x" + Integer.toHexString(i * 7919) + ".\n\nRegards\n-- \nBench Customer\n";
                if (i % 5 == 0) {
                    MimeMultipart alternative = new MimeMultipart("alternative");
                    MimeBodyPart plain = new MimeBodyPart();
                    plain.setText(text, "UTF-8");
                    MimeBodyPart html = new MimeBodyPart();
                    html.setContent("<html><body><p>Hello,</p><p>the application <b>crashes</b> when I save a report (" + i
                            + ").</p><img src=\"https://tracker.example/p.gif\"></body></html>", "text/html; charset=UTF-8");
                    alternative.addBodyPart(plain);
                    alternative.addBodyPart(html);
                    m.setContent(alternative);
                } else {
                    m.setText(text, "UTF-8");
                }
                newIds.add(id);
                newSenders.add(sender);
                newSubjects.add(subject);
            }
            final String messageId = id;
            MimeMessage fixed = new MimeMessage(m) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            fixed.saveChanges();
            desk.deliver(fixed);
        }
        double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
        Files.writeString(work.resolve("queued"), "queued=" + count + "\nreplies=" + replies + "\nqueue_seconds=" + queueSeconds + "\n");
        while (!Files.exists(work.resolve("go"))) {
            Thread.sleep(50);
        }
        long start = System.nanoTime();
        desk.setPassword("secret");
        int left = count;
        long firstTaken = 0;
        long deadline = start + 1800L * 1_000_000_000L;
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = greenMail.getReceivedMessages().length;
            if (firstTaken == 0 && left < count) {
                firstTaken = System.nanoTime();
            }
        }
        long end = System.nanoTime();
        Files.writeString(work.resolve("done.tmp"), "left=" + left + "\nseconds=" + (end - start) / 1e9 + "\nfirst_gone_seconds="
                + (firstTaken == 0 ? -1 : (firstTaken - start) / 1e9) + "\n");
        Files.move(work.resolve("done.tmp"), work.resolve("done"));
        while (!Files.exists(work.resolve("stop"))) {
            Thread.sleep(100);
        }
        greenMail.stop();
    }
}
