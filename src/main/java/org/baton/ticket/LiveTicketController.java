package org.baton.ticket;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.baton.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /live/tickets}: a server-sent event stream with one {@code ticket-changed} event (data: the ticket
 * number) whenever a ticket the signed-in user may see changes. Used by {@code /js/live.js}. A stream ends after
 * {@code baton.live.stream-timeout} (the browser reconnects on its own, signing in afresh), so no stream outlives a
 * deactivated account or a restarted node for long; while open it holds no thread (servlet async).
 */
@Controller
class LiveTicketController {

    /** How far back a stream catches up; a page older than that (or one that missed more) refreshes everything. */
    static final Duration CATCH_UP = Duration.ofMinutes(10);
    /** Clock differences between the node that rendered the page and the one that stamped a change. */
    static final Duration MARGIN = Duration.ofSeconds(2);
    static final int CATCH_UP_LIMIT = 100;

    private final LiveTickets live;
    private final Duration timeout;
    private final Clock clock;

    LiveTicketController(LiveTickets live, @Value("${baton.live.stream-timeout:PT5M}") Duration timeout, Clock clock) {
        this.live = live;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * The stream. {@code since} (the page's render instant) or, when the browser reconnects by itself, the
     * {@code Last-Event-ID} it heard last, says from when: the changes after it are sent first, so a change that
     * committed before the stream was listening still reaches the page. Too far back or too many: one
     * {@code resync} event, and the page refreshes all it shows.
     */
    @GetMapping(path = "/live/tickets", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(CurrentUser user, @RequestParam(required = false) @Nullable String since,
            @RequestHeader(value = "Last-Event-ID", required = false) @Nullable String lastEventId) throws IOException {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        LiveTickets.Subscription subscription = live.subscribe(user, new LiveTickets.Listener() {
            @Override
            public void changed(TicketNumber number, Instant updatedAt) throws IOException {
                emitter.send(SseEmitter.event().name("ticket-changed").id(updatedAt.toString()).data(number.value()));
            }

            @Override
            public void ended() {
                emitter.complete();
            }
        });
        emitter.onCompletion(subscription::close);
        emitter.onTimeout(() -> {
            subscription.close();
            emitter.complete();
        });
        emitter.onError(e -> subscription.close());
        emitter.send(SseEmitter.event().comment("listening").reconnectTime(3000));
        Instant from = instant(lastEventId != null ? lastEventId : since);
        if (from != null) {
            catchUp(user, emitter, from.minus(MARGIN));
        }
        return emitter;
    }

    private void catchUp(CurrentUser user, SseEmitter emitter, Instant from) throws IOException {
        Instant now = clock.instant();
        Optional<List<LiveTickets.Changed>> missed = from.isBefore(now.minus(CATCH_UP)) ? Optional.empty()
                : live.changedSince(user, from, CATCH_UP_LIMIT);
        if (missed.isEmpty()) {
            emitter.send(SseEmitter.event().name("resync").id(now.toString()).data("all"));
            return;
        }
        for (LiveTickets.Changed c : missed.get()) {
            emitter.send(SseEmitter.event().name("ticket-changed").id(c.updatedAt().toString()).data(c.number().value()));
        }
    }

    private static @Nullable Instant instant(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null; // a stale or foreign id: no catch-up rather than an error on a stream
        }
    }
}
