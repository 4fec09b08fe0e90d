package org.baton.ticket;

import java.io.IOException;
import java.time.Duration;
import org.baton.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /live/tickets}: a server-sent event stream with one {@code ticket-changed} event (data: the ticket
 * number) whenever a ticket the signed-in user may see changes. Used by {@code /js/live.js}. A stream ends after
 * {@code baton.live.stream-timeout} (the browser reconnects on its own, signing in afresh), so no stream outlives a
 * deactivated account or a restarted node for long; while open it holds no thread (servlet async).
 */
@Controller
class LiveTicketController {

    private final LiveTickets live;
    private final Duration timeout;

    LiveTicketController(LiveTickets live, @Value("${baton.live.stream-timeout:PT5M}") Duration timeout) {
        this.live = live;
        this.timeout = timeout;
    }

    @GetMapping(path = "/live/tickets", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(CurrentUser user) throws IOException {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        LiveTickets.Subscription subscription = live.subscribe(user, new LiveTickets.Listener() {
            @Override
            public void changed(TicketNumber number) throws IOException {
                emitter.send(SseEmitter.event().name("ticket-changed").data(number.value()));
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
        return emitter;
    }
}
