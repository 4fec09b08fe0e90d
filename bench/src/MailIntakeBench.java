import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The mail server side of bench/mail-intake.sh, in one of two ways:
 * <ul>
 * <li>{@code greenmail}: an in-process GreenMail (IMAP and SMTP on 127.0.0.1; the library, unlike the standalone jar,
 * starts no REST API on 8080) with the desk's mailbox; the mails are delivered into it while its password is still
 * wrong (so Baton, already polling, cannot take any yet), and once the script creates $WORK/go the right password is
 * set.</li>
 * <li>{@code maildir}: a real IMAP server (Dovecot, run by the script) on a Maildir; the mails are written into its
 * new/ folder, and at $WORK/go the right password is written to the server's passwd-file.</li>
 * </ul>
 * That instant starts the clock. It stops when the mailbox is empty (Baton deletes and expunges each message once it
 * is stored and processed) and writes the timings to $WORK/done.
 *
 * The mix: of every 10 mails, 7 open new tickets (each from its own sender at bench.example; every 5th one HTML with a
 * text alternative) and 3 are replies by the sender of an earlier new mail (In-Reply-To and References to it).
 *
 *   java -cp CLASSPATH bench/src/MailIntakeBench.java greenmail WORK_DIR IMAP_PORT SMTP_PORT WARMUP COUNT
 *   java -cp CLASSPATH bench/src/MailIntakeBench.java maildir WORK_DIR MAILDIR PASSWD_FILE WARMUP COUNT
 */
public class MailIntakeBench {

    public static void main(String[] args) throws Exception {
        String server = args[0];
        Path work = Path.of(args[1]);
        int warmup = Integer.parseInt(args[args.length - 2]);
        int count = Integer.parseInt(args[args.length - 1]);
        if (server.equals("greenmail")) {
            greenMail(work, Integer.parseInt(args[2]), Integer.parseInt(args[3]), warmup, count);
        } else if (server.equals("maildir")) {
            maildir(work, Path.of(args[2]), Path.of(args[3]), warmup, count);
        } else {
            throw new IllegalArgumentException("server: greenmail or maildir, not " + server);
        }
    }

    /** GreenMail in this JVM: the mails are delivered to the desk's mailbox, whose password is wrong until it opens. */
    private static void greenMail(Path work, int imapPort, int smtpPort, int warmup, int count) throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(imapPort, "127.0.0.1", "imap"),
                new ServerSetup(smtpPort, "127.0.0.1", "smtp")});
        greenMail.start();
        GreenMailUser desk = greenMail.setUser("helpdesk@bench-desk.test", "helpdesk", "not-yet");
        MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(desk);
        run(work, warmup, count, desk::deliver, open -> desk.setPassword(open ? "secret" : "not-yet"), inbox::getMessageCount);
        greenMail.stop();
    }

    /**
     * A real IMAP server (Dovecot, started by the script on this Maildir): the mails are written as files into the
     * Maildir's new/ folder; the mailbox opens when the right password is written to the server's passwd-file. It is
     * empty when new/ and cur/ are (the server deletes a message's file when it is expunged).
     */
    private static void maildir(Path work, Path maildir, Path passwd, int warmup, int count) throws Exception {
        Path fresh = maildir.resolve("new");
        Path tmp = maildir.resolve("tmp");
        int[] n = {0};
        run(work, warmup, count, m -> {
            Path file = tmp.resolve("bench." + (n[0]++) + ".M1P1.bench");
            try (OutputStream out = Files.newOutputStream(file)) {
                m.writeTo(out);
            }
            Files.move(file, fresh.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        }, open -> {
            Path next = passwd.resolveSibling(passwd.getFileName() + ".next");
            Files.writeString(next, "helpdesk:{PLAIN}" + (open ? "secret" : "not-yet") + "\n");
            Files.move(next, passwd, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }, () -> files(fresh) + files(maildir.resolve("cur")));
    }

    /**
     * The two phases. Warm-up (when {@code warmup > 0}): its mails (senders of their own, so the measured mails still
     * come from new customers) are queued, $WORK/warmup-queued written; at $WORK/warmup-go the mailbox opens, and once
     * it is empty it closes again and $WORK/warmup-done is written (after a pause for the poll under way to end). Then
     * the measured mails are queued ($WORK/queued), and at $WORK/go the mailbox opens and the clock runs until it is
     * empty ($WORK/done).
     */
    private static void run(Path work, int warmup, int count, Sink sink, Mailbox mailbox, Count left) throws Exception {
        if (warmup > 0) {
            long start = System.nanoTime();
            queue("warmup-", warmup, sink);
            write(work, "warmup-queued", "warmup_queue_seconds=" + (System.nanoTime() - start) / 1e9 + "\n");
            await(work.resolve("warmup-go"));
            Drained warm = drain(warmup, () -> mailbox.open(true), left);
            mailbox.open(false);
            Thread.sleep(3000);
            write(work, "warmup-done", "warmup_left=" + warm.left() + "\nwarmup_seconds=" + warm.seconds() + "\n");
        }
        long queueStart = System.nanoTime();
        int replies = queue("", count, sink);
        queued(work, count, replies, queueStart);
        await(work.resolve("go"));
        Drained measured = drain(count, () -> mailbox.open(true), left);
        write(work, "done", "left=" + measured.left() + "\nseconds=" + measured.seconds() + "\nfirst_gone_seconds="
                + measured.firstGoneSeconds() + "\n");
        await(work.resolve("stop"));
    }

    /** How a mailbox of {@code count} mails was emptied: what is left, in how long, and when the first one went (-1: none). */
    private record Drained(int left, double seconds, double firstGoneSeconds) {}

    /** Opens the mailbox and waits until it is empty (or 30 minutes have passed). */
    private static Drained drain(int count, Action open, Count left) throws Exception {
        long start = System.nanoTime();
        open.run();
        int remaining = count;
        long firstTaken = 0;
        long deadline = start + 1800L * 1_000_000_000L;
        while (remaining > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            remaining = left.get();
            if (firstTaken == 0 && remaining < count) {
                firstTaken = System.nanoTime();
            }
        }
        return new Drained(remaining, (System.nanoTime() - start) / 1e9, firstTaken == 0 ? -1 : (firstTaken - start) / 1e9);
    }

    private static void await(Path file) throws InterruptedException {
        while (!Files.exists(file)) {
            Thread.sleep(50);
        }
    }

    private static void write(Path work, String name, String text) throws Exception {
        Files.writeString(work.resolve(name + ".tmp"), text);
        Files.move(work.resolve(name + ".tmp"), work.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static int files(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.count();
        }
    }

    interface Mailbox {
        void open(boolean open) throws Exception;
    }

    interface Sink {
        void accept(MimeMessage message) throws Exception;
    }

    interface Action {
        void run() throws Exception;
    }

    interface Count {
        int get() throws Exception;
    }

    /** Makes the mails and hands each to the sink; returns how many are replies. */
    private static int queue(String prefix, int count, Sink sink) throws Exception {
        Session session = Session.getInstance(new Properties());
        List<String> newIds = new ArrayList<>();
        List<String> newSenders = new ArrayList<>();
        List<String> newSubjects = new ArrayList<>();
        int replies = 0;
        for (int i = 0; i < count; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("helpdesk@bench-desk.test"));
            m.setSentDate(new Date());
            boolean reply = i % 10 >= 7 && newIds.size() > (i % 10);
            String id = "<" + prefix + "bench-" + i + "." + System.nanoTime() + "@bench.example>";
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
                String sender = prefix + "customer" + i + "@bench.example";
                String subject = "Application crash #" + prefix + i;
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
            sink.accept(fixed);
        }
        return replies;
    }

    private static void queued(Path work, int count, int replies, long queueStart) throws Exception {
        double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
        write(work, "queued", "queued=" + count + "\nreplies=" + replies + "\nqueue_seconds=" + queueSeconds + "\n");
    }
}
