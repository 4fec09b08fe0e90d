package org.baton.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.baton.mail.InboundMessages.State;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.baton.mail.InboundMessages.Stored;
import org.baton.shared.Sha256;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Polls the configured IMAP mailboxes. Per message, in this order: the raw source is stored and committed (once per
 * mailbox and Message-ID, or hash of the raw bytes when it has none), then it is processed in a transaction of its own,
 * then it is removed from the server (flagged \Seen and \Deleted and expunged, or moved to a folder). A crash between
 * any two steps loses nothing and takes nothing twice: a message stored but not processed is processed on the next
 * poll, and one fetched again after a crash is recognised by its key. A bad message never stops the batch, and a
 * mailbox that cannot be reached does not stop the others.
 */
@Service
class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    /** What one poll did. */
    record Poll(int fetched, int tickets, int entries, int ignored, int failed, int alreadyStored, List<String> unreachable) {}

    private final InboundMailSettings settings;
    private final InboundMessages messages;
    private final InboundIntake intake;
    private final Clock clock;
    private final Timer fetching;
    private final Timer storing;
    private final Timer processing;
    private final Timer removing;
    private final Timer expunging;

    MailboxPoller(InboundMailSettings settings, InboundMessages messages, InboundIntake intake, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.messages = messages;
        this.intake = intake;
        this.clock = clock;
        this.fetching = phase(meters, "fetch", "fetching a batch's flags and raw sources from the server");
        this.storing = phase(meters, "store", "storing and committing a batch's raw sources");
        this.processing = phase(meters, "process", "processing a batch's stored messages into tickets and entries");
        this.removing = phase(meters, "remove", "flagging a batch's messages deleted (or moving them) on the server");
        this.expunging = Timer.builder("baton.mail.intake.expunge").description("Time spent closing a polled folder, "
                + "expunging the messages taken").register(meters);
    }

    private static Timer phase(MeterRegistry meters, String phase, String description) {
        return Timer.builder("baton.mail.intake.batch").tag("phase", phase).description("Time spent " + description)
                .register(meters);
    }

    boolean configured() {
        return !settings.mailboxes().isEmpty();
    }

    /** Polls every mailbox once; first takes in what an earlier poll stored but did not process. */
    synchronized Poll poll() {
        Counts counts = new Counts();
        List<String> unreachable = new ArrayList<>();
        processLeftOvers(counts);
        for (InboundMailSettings.Mailbox mailbox : settings.mailboxes()) {
            try {
                poll(mailbox, counts);
            } catch (MessagingException | RuntimeException e) {
                log.warn("Mailbox {} could not be polled: {}", mailbox.label(), e.toString());
                unreachable.add(mailbox.label() + ": " + e.getMessage());
            }
        }
        return new Poll(counts.fetched, counts.tickets, counts.entries, counts.ignored, counts.failed, counts.already, unreachable);
    }

    /** Processes one stored message again (an admin's retry); its mailbox settings as far as it is still configured. */
    InboundIntake.Outcome reprocess(UUID id) {
        String label = messages.byId(id).map(Stored::mailbox).orElse("");
        return intake.process(id, mailbox(label));
    }

    private void processLeftOvers(Counts counts) {
        for (UUID id : messages.unprocessed(1000)) {
            counts.add(reprocess(id));
        }
    }

    private InboundMailSettings.Mailbox mailbox(String label) {
        return settings.mailboxes().stream().filter(m -> m.label().equals(label)).findFirst()
                .orElse(new InboundMailSettings.Mailbox(label, "", 0, "imap", "", "", "INBOX", null, null,
                        InboundMailSettings.AfterIntake.DELETE, "Processed", java.time.Duration.ofSeconds(20)));
    }

    private void poll(InboundMailSettings.Mailbox mailbox, Counts counts) throws MessagingException {
        Properties properties = new Properties();
        String protocol = mailbox.protocol().strip().toLowerCase(java.util.Locale.ROOT);
        String timeout = Long.toString(mailbox.timeout().toMillis());
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        properties.setProperty("mail." + protocol + ".writetimeout", timeout);
        properties.setProperty("mail." + protocol + ".peek", "true");
        properties.setProperty("mail." + protocol + ".fetchsize", "1048576");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                int total = folder.getMessageCount();
                for (int start = 1; start <= total; start += Math.max(1, settings.batch())) {
                    int end = Math.min(total, start + Math.max(1, settings.batch()) - 1);
                    batch(mailbox, folder, folder.getMessages(start, end), counts);
                }
            } finally {
                if (folder.isOpen()) {
                    Timer.Sample expunge = Timer.start();
                    folder.close(true);
                    expunge.stop(expunging);
                }
            }
        }
    }

    private void batch(InboundMailSettings.Mailbox mailbox, Folder folder, Message[] batch, Counts counts) throws MessagingException {
        Timer.Sample fetch = Timer.start();
        FetchProfile flags = new FetchProfile();
        flags.add(FetchProfile.Item.FLAGS);
        folder.fetch(batch, flags);
        Map<Integer, byte[]> raws = raws(folder, batch);
        List<Message> done = new ArrayList<>();
        List<InboundMessages.Incoming> incoming = new ArrayList<>();
        for (Message message : batch) {
            if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                continue;
            }
            byte[] raw = raws.containsKey(message.getMessageNumber()) ? raws.get(message.getMessageNumber()) : raw(message);
            if (raw == null) {
                continue;
            }
            InboundParser.Summary summary = InboundParser.summaryOf(raw);
            incoming.add(new InboundMessages.Incoming(key(summary.messageId(), raw), summary, raw));
            done.add(message);
        }
        fetch.stop(fetching);
        if (done.isEmpty()) {
            return;
        }
        counts.fetched += incoming.size();
        // 1. the raw sources are stored and committed before anything else happens to them
        List<Stored> stored = storing.record(() -> messages.keepAll(mailbox.label(), incoming, now()));
        // 2. each processed in its own transaction, by several workers; one sender's mail (and replies to a message
        //    of the same batch) in order on one worker
        processing.record(() -> process(mailbox, stored, counts));
        // 3. only then removed from the server
        Timer.Sample remove = Timer.start();
        Message[] taken = done.toArray(Message[]::new);
        if (mailbox.afterIntake() == InboundMailSettings.AfterIntake.MOVE) {
            Folder target = folder.getStore().getFolder(mailbox.moveTo());
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            folder.copyMessages(taken, target);
        }
        folder.setFlags(taken, new Flags(Flags.Flag.SEEN), true);
        folder.setFlags(taken, new Flags(Flags.Flag.DELETED), true);
        remove.stop(removing);
    }

    private void process(InboundMailSettings.Mailbox mailbox, List<Stored> stored, Counts counts) {
        int workers = Math.max(1, settings.workers());
        List<List<Stored>> lanes = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            lanes.add(new ArrayList<>());
        }
        Map<String, Integer> laneOfMessageId = new HashMap<>();
        for (Stored s : stored) {
            if (s.state() != State.RECEIVED) {
                counts.already++;
                continue;
            }
            Integer lane = null;
            for (String reference : s.references()) {
                lane = laneOfMessageId.get(reference);
                if (lane != null) {
                    break;
                }
            }
            if (lane == null) {
                String sender = s.fromAddress() == null ? s.id().toString() : s.fromAddress();
                lane = Math.floorMod(sender.hashCode(), workers);
            }
            lanes.get(lane).add(s);
            if (s.messageId() != null) {
                laneOfMessageId.put(s.messageId(), lane);
            }
        }
        if (workers == 1) {
            lanes.getFirst().forEach(s -> counts.add(intake.process(s.id(), mailbox)));
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<InboundIntake.Outcome>>> results = new ArrayList<>();
            for (List<Stored> lane : lanes) {
                results.add(pool.submit(() -> lane.stream().map(s -> intake.process(s.id(), mailbox)).toList()));
            }
            for (Future<List<InboundIntake.Outcome>> result : results) {
                try {
                    result.get().forEach(counts::add);
                } catch (ExecutionException e) {
                    // process never throws; a worker that died leaves its messages RECEIVED for the next poll
                    log.error("A mail intake worker failed; its messages are processed on the next poll", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The raw sources of a batch in one IMAP command ({@code FETCH n:m BODY.PEEK[]}) instead of one round trip per
     * message, by message number; empty when the server or store is not IMAP (each message is then fetched alone).
     */
    private static Map<Integer, byte[]> raws(Folder folder, Message[] batch) {
        Map<Integer, byte[]> raws = new HashMap<>();
        if (!(folder instanceof IMAPFolder imap) || batch.length == 0) {
            return raws;
        }
        int first = batch[0].getMessageNumber();
        int last = batch[batch.length - 1].getMessageNumber();
        try {
            imap.doCommand(protocol -> {
                Response[] responses = protocol.fetch(first, last, "BODY.PEEK[]");
                for (Response response : responses) {
                    if (response instanceof FetchResponse fetched) {
                        BODY body = fetched.getItem(BODY.class);
                        if (body != null && body.getByteArray() != null) {
                            ByteArray bytes = body.getByteArray();
                            raws.put(fetched.getNumber(),
                                    Arrays.copyOfRange(bytes.getBytes(), bytes.getStart(), bytes.getStart() + bytes.getCount()));
                        }
                    }
                }
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            log.warn("Batch fetch of messages {}-{} failed; fetching them one by one: {}", first, last, e.toString());
            raws.clear();
        }
        return raws;
    }

    /** The message's key in its mailbox: its Message-ID, or its bytes when it has none. */
    static String key(@Nullable String messageId, byte[] raw) {
        return messageId != null ? "id:" + Sha256.hex(messageId) : "raw:" + Sha256.hex(raw);
    }

    /** The message exactly as the server has it; null (and logged) when the server would not give it. */
    private static byte @Nullable [] raw(Message message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Message {} could not be fetched; it stays on the server for the next poll: {}", message.getMessageNumber(), e.toString());
            return null;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static final class Counts {
        int fetched, tickets, entries, ignored, failed, already;

        void add(InboundIntake.Outcome outcome) {
            switch (outcome.state()) {
                case TICKET -> tickets++;
                case ENTRY -> entries++;
                case IGNORED -> ignored++;
                case FAILED -> failed++;
                default -> { }
            }
        }
    }
}
