package org.baton.ticket;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.timestamp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.baton.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who else is on a ticket right now: each open ticket page sends a heartbeat every 10–15 s saying whether its
 * user is viewing or writing (and what). Heartbeats older than {@link #FRESH} are ignored. The rows live in the
 * database, so people on different nodes see each other.
 */
@Repository
class TicketPresence {

    static final Duration FRESH = Duration.ofSeconds(30);

    /** What someone is doing on the ticket page. */
    enum Activity {
        VIEWING("is viewing"),
        REPLY("is writing a reply"),
        NOTE("is writing an internal note"),
        STATUS_UPDATE("is writing a status update"),
        HANDOFF("is preparing a hand-off");

        private final String phrase;

        Activity(String phrase) {
            this.phrase = phrase;
        }

        public String phrase() {
            return phrase;
        }

        static Activity parse(@Nullable String raw) {
            if (raw == null || raw.isBlank()) {
                return VIEWING;
            }
            try {
                return valueOf(raw.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return VIEWING;
            }
        }
    }

    /** Another person on the ticket, as the page shows them: "Bob is writing a reply". */
    record Presence(String name, Activity activity, Instant seenAt) {
        public String text() {
            return name + " " + activity.phrase();
        }

        public boolean writing() {
            return activity != Activity.VIEWING;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    TicketPresence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void beat(TicketId ticket, CurrentUser user, Activity activity) {
        beat(ticket, user, activity, clock.instant());
    }

    void beat(TicketId ticket, CurrentUser user, Activity activity, Instant at) {
        int updated = update(ticket, user, activity, at);
        if (updated == 0) {
            try {
                jdbc.sql("insert into ticket_presence (ticket_id, user_id, user_name, activity, seen_at) "
                                + "values (:ticket, :user, :name, :activity, :at)")
                        .param("ticket", ticket.value()).param("user", user.id().value()).param("name", user.displayName())
                        .param("activity", activity.name()).param("at", timestamp(at))
                        .update();
            } catch (DuplicateKeyException raced) {
                update(ticket, user, activity, at);
            }
        }
        jdbc.sql("delete from ticket_presence where ticket_id = :ticket and seen_at < :old")
                .param("ticket", ticket.value()).param("old", timestamp(at.minus(FRESH.multipliedBy(10))))
                .update();
    }

    /** The others on {@code ticket} whose last heartbeat is fresh, writers first. */
    List<Presence> others(TicketId ticket, CurrentUser viewer) {
        return jdbc.sql("select user_name, activity, seen_at from ticket_presence where ticket_id = :ticket "
                        + "and user_id <> :me and seen_at >= :fresh order by user_name")
                .param("ticket", ticket.value()).param("me", viewer.id().value())
                .param("fresh", timestamp(clock.instant().minus(FRESH)))
                .query((rs, n) -> new Presence(rs.getString("user_name"), Activity.parse(rs.getString("activity")),
                        requiredInstant(rs, "seen_at")))
                .list()
                .stream()
                .sorted((a, b) -> Boolean.compare(b.writing(), a.writing()))
                .toList();
    }

    private int update(TicketId ticket, CurrentUser user, Activity activity, Instant at) {
        return jdbc.sql("update ticket_presence set activity = :activity, seen_at = :at, user_name = :name "
                        + "where ticket_id = :ticket and user_id = :user")
                .param("ticket", ticket.value()).param("user", user.id().value()).param("name", user.displayName())
                .param("activity", activity.name()).param("at", timestamp(at))
                .update();
    }
}
