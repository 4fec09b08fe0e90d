package org.baton.ticket;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;
import static org.baton.shared.SqlValues.uuid;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.baton.identity.CurrentUser;
import org.baton.identity.OrganizationId;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells open pages which tickets changed, so they refresh the parts that show them ({@code GET /live/tickets}).
 *
 * <p>Two sources feed it. Changes made on this node arrive as the ticket module's events, after their transaction
 * commits. Changes made on other nodes (Baton runs as several stateless nodes on one PostgreSQL) are found by a light
 * poll every {@code baton.live.poll-interval} (2 s): one indexed query for tickets whose {@code updated_at} is later
 * than the newest one seen, less an overlap that covers transactions committing after they stamped the row and small
 * clock differences between nodes. A ticket already announced at the same {@code updated_at} is not announced twice.
 * The poll runs only while someone listens.
 *
 * <p>Each subscriber hears only about tickets they may see: staff about their organizations, a customer about their
 * own tickets (or their organization's, where it shares tickets). The event names the ticket only; the page fetches
 * what it shows through the ordinary, access-checked pages.
 */
@Component
class LiveTickets implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveTickets.class);
    /** How far back each poll looks past the newest change it saw. */
    static final Duration OVERLAP = Duration.ofSeconds(10);
    private static final int BATCH = 500;
    private static final int MAX_BATCHES = 20;

    /** Where a change goes: an open event stream. Throwing drops the subscriber. */
    interface Listener {
        /** {@code number} changed; {@code updatedAt} is its change's instant (the event's id, for a resumed stream). */
        void changed(TicketNumber number, Instant updatedAt) throws Exception;

        /** The node is shutting down: end the stream now (the page reconnects to another node). */
        default void ended() {}
    }

    /** One open page; {@link #close()} unsubscribes it. */
    final class Subscription implements AutoCloseable {
        private final CurrentUser viewer;
        private final Listener listener;

        private Subscription(CurrentUser viewer, Listener listener) {
            this.viewer = viewer;
            this.listener = listener;
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }

    /** The facts about a changed ticket that decide who may hear of it. */
    record Changed(UUID id, TicketNumber number, OrganizationId organizationId, @Nullable UserId requesterId, Instant updatedAt) {}

    private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> announced = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ExecutorService fanOut = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService poller;
    private volatile @Nullable Instant watermark;
    private volatile boolean running;

    LiveTickets(JdbcClient jdbc, Clock clock, @Value("${baton.live.poll-interval:PT2S}") Duration pollInterval) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("live-tickets-poll").daemon().factory());
        poller.scheduleWithFixedDelay(this::pollSafely, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    Subscription subscribe(CurrentUser viewer, Listener listener) {
        Subscription subscription = new Subscription(viewer, listener);
        subscribers.add(subscription);
        return subscription;
    }

    int subscriberCount() {
        return subscribers.size();
    }

    // ---------------------------------------------------------------- this node: events after commit

    /** Every event about a ticket (opened, moved, handed off, commented on, ...), once its transaction committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TicketChanged e) {
        changed(e.ticketId());
    }

    private void changed(TicketId id) {
        if (subscribers.isEmpty()) {
            return;
        }
        // off the committing request's thread: a slow stream never delays the change that caused it
        fanOut.execute(() -> jdbc.sql("select id, number, organization_id, requester_id, updated_at from tickets where id = :id")
                .param("id", id.value()).query(LiveTickets::changedRow).optional().ifPresent(this::announce));
    }

    // ---------------------------------------------------------------- other nodes: the poll

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("live ticket poll failed: {}", e.toString());
        }
    }

    /** Announces the tickets changed since the last poll (on any node); nothing while nobody listens. */
    void poll() {
        if (subscribers.isEmpty()) {
            watermark = null;
            announced.clear();
            return;
        }
        Instant since = watermark;
        if (since == null) {
            watermark = clock.instant();
            return;
        }
        Instant from = since.minus(OVERLAP);
        Instant after = from;
        UUID afterId = null;
        Instant newest = since;
        // in keyset batches, so that a burst of changes larger than one batch is read through, not re-read for ever
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Changed> changes = changesAfter(after, afterId);
            for (Changed c : changes) {
                announce(c);
                if (c.updatedAt().isAfter(newest)) {
                    newest = c.updatedAt();
                }
            }
            if (changes.size() < BATCH) {
                break;
            }
            Changed last = changes.getLast();
            after = last.updatedAt();
            afterId = last.id();
        }
        watermark = newest;
        Instant forget = from.minus(OVERLAP);
        announced.values().removeIf(at -> at.isBefore(forget));
    }

    /**
     * The changes after {@code since} that {@code viewer} may see, oldest first, at most {@code limit}: what a page
     * rendered at {@code since} (or a stream that broke off after an event of that instant) has not heard of. Empty
     * when there are more than {@code limit}: the caller then has the page refresh everything.
     */
    Optional<List<Changed>> changedSince(CurrentUser viewer, Instant since, int limit) {
        List<Changed> changes = changesAfter(since, null);
        if (changes.size() >= BATCH) {
            return Optional.empty();
        }
        List<Changed> visible = changes.stream().filter(c -> maySee(viewer, c)).toList();
        return visible.size() > limit ? Optional.empty() : Optional.of(visible);
    }

    /** One batch of changes after the position ({@code after}, {@code afterId}; no id: all at {@code after} too), oldest first. */
    private List<Changed> changesAfter(Instant after, @Nullable UUID afterId) {
        return jdbc.sql("""
                select id, number, organization_id, requester_id, updated_at from tickets
                 where updated_at > :after or (updated_at = :after and id > :afterId)
                 order by updated_at, id fetch first %d rows only
                """.formatted(BATCH))
                .param("after", timestamp(after))
                .param("afterId", afterId == null ? new UUID(0L, 0L) : afterId)
                .query(LiveTickets::changedRow).list();
    }

    /** Tells every subscriber who may see the ticket, once per change ({@code updatedAt}). */
    void announce(Changed change) {
        Instant before = announced.put(change.number().value(), change.updatedAt());
        if (change.updatedAt().equals(before)) {
            return;
        }
        for (Subscription s : subscribers) {
            if (maySee(s.viewer, change)) {
                try {
                    s.listener.changed(change.number(), change.updatedAt());
                } catch (Exception e) {
                    s.close();
                }
            }
        }
    }

    /** The same rule as {@link Tickets#visibility}, for one ticket in memory. */
    static boolean maySee(CurrentUser viewer, Changed change) {
        if (viewer.isCustomer()) {
            if (!change.organizationId().equals(viewer.organizationId())) {
                return false;
            }
            return viewer.seesOrganizationWide() || viewer.id().equals(change.requesterId());
        }
        return viewer.canSee(change.organizationId());
    }

    private static Changed changedRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        UUID requester = uuid(rs, "requester_id");
        return new Changed(requiredUuid(rs, "id"), new TicketNumber(rs.getString("number")), new OrganizationId(requiredUuid(rs, "organization_id")),
                requester == null ? null : new UserId(requester), requiredInstant(rs, "updated_at"));
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every open stream when the node begins to shut down, before the web server's graceful shutdown waits
     * for requests in flight: an open event stream never finishes by itself, so each one held the shutdown for the
     * whole grace period (30 s) — on every rolling deploy, and at the end of every test JVM with a browser.
     */
    @Override
    public void stop() {
        running = false;
        for (Subscription subscription : List.copyOf(subscribers)) {
            subscribers.remove(subscription);
            try {
                subscription.listener.ended();
            } catch (RuntimeException e) {
                log.debug("could not end a live stream", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server's graceful shutdown ({@code WebServerGracefulShutdownLifecycle}, a lower phase). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @PreDestroy
    void shutDown() {
        poller.shutdownNow();
        fanOut.shutdownNow();
        subscribers.clear();
    }
}
