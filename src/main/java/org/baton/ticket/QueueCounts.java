package org.baton.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baton.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The queue tabs' counts, remembered per viewer for {@code baton.queues.count-cache} (5 s): a queue page shows six
 * or more counts, and the page and its live refreshes would otherwise count them all again on every request.
 *
 * <p>Every ticket change committed on this node forgets all counts at once, so an agent never sees a stale count
 * after a change of their own (or anyone's on this node). A change committed on another node, or written without
 * a ticket event (a service-level due instant recomputed by a timer), shows within the time counts are kept. A
 * count taken while a change commits is not kept. The viewer in the key is the whole {@link CurrentUser}, so a
 * changed role, group or scope never reuses a count made for the old rights.
 */
@Component
class QueueCounts {

    private final Queues queues;
    private final Clock clock;
    private final Duration keep;
    private final int capacity;
    /** Least recently used first; guarded by {@code this}. */
    private final Map<Key, Counted> counted;
    /** Goes up with every forget: a count taken before it is not kept. Guarded by {@code this}. */
    private long generation;

    @Autowired
    QueueCounts(Queues queues, Clock clock, @Value("${baton.queues.count-cache:PT5S}") Duration keep) {
        this(queues, clock, keep, 10_000);
    }

    QueueCounts(Queues queues, Clock clock, Duration keep, int capacity) {
        this.queues = queues;
        this.clock = clock;
        this.keep = keep;
        this.capacity = capacity;
        this.counted = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Counted> eldest) {
                return size() > QueueCounts.this.capacity;
            }
        };
    }

    private record Key(CurrentUser viewer, QueueQuery query) {}

    private record Counted(int count, Instant at) {}

    /** How many tickets are in the queue (at most {@link Queues#COUNT_CAP}), as counted within the last few seconds. */
    int count(CurrentUser viewer, QueueQuery query) {
        // the count depends on the tab and the filters, not on the sort or the page
        Key key = new Key(viewer, query.in(query.view()));
        Instant now = clock.instant();
        long before;
        synchronized (this) {
            Counted c = counted.get(key);
            if (c != null && now.isBefore(c.at().plus(keep)) && !now.isBefore(c.at())) {
                return c.count();
            }
            before = generation;
        }
        int count = queues.count(viewer, key.query(), now);
        synchronized (this) {
            if (generation == before) {
                counted.put(key, new Counted(count, now));
            }
        }
        return count;
    }

    /** A ticket changed on this node: every count may be off now. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(TicketChanged e) {
        forget();
    }

    synchronized void forget() {
        generation++;
        counted.clear();
    }
}
