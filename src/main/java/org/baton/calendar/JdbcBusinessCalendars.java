package org.baton.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendars from the database, each built into its {@link BusinessTime} once and remembered on this node for
 * {@link #TTL} (5 s, by the injected clock). A change made through this node is forgotten at once (and again
 * after its transaction commits); a change made on another node is seen here within those 5 seconds.
 */
@Component
class JdbcBusinessCalendars implements BusinessCalendars {

    static final Duration TTL = Duration.ofSeconds(5);

    private record Remembered(Optional<CalendarTime> time, Instant until) {}

    private final Calendars calendars;
    private final Clock clock;
    private final Map<CalendarId, Remembered> remembered = new ConcurrentHashMap<>();
    /** Bumped by every forget, so a load that raced with a change is not remembered. */
    private final AtomicLong generation = new AtomicLong();

    JdbcBusinessCalendars(Calendars calendars, Clock clock) {
        this.calendars = calendars;
        this.clock = clock;
    }

    @Override
    public Optional<BusinessTime> businessTime(CalendarId id) {
        return calendarTime(id).map(BusinessTime.class::cast);
    }

    @Override
    public Optional<String> name(CalendarId id) {
        return calendarTime(id).map(time -> time.definition().name());
    }

    @Override
    public Map<CalendarId, String> names() {
        Map<CalendarId, String> names = new java.util.LinkedHashMap<>();
        calendars.page(null, null, 1000).forEach(c -> names.put(c.id(), c.definition().name()));
        return names;
    }

    Optional<CalendarTime> calendarTime(CalendarId id) {
        Instant now = clock.instant();
        Remembered known = remembered.get(id);
        if (known != null && now.isBefore(known.until())) {
            return known.time();
        }
        long before = generation.get();
        Optional<CalendarTime> loaded = calendars.byId(id).map(c -> CalendarTime.of(c.id(), c.definition(), PublicHolidays.SHARED));
        if (generation.get() == before) {
            remembered.put(id, new Remembered(loaded, now.plus(TTL)));
        }
        return loaded;
    }

    /** Forgets {@code id} now and, inside a transaction, once more after it commits. */
    void forget(CalendarId id) {
        generation.incrementAndGet();
        remembered.remove(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                    remembered.remove(id);
                }
            });
        }
    }
}
