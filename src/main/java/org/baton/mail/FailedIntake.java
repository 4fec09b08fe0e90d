package org.baton.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.baton.identity.CurrentUser;
import org.baton.mail.InboundMessages.State;
import org.baton.mail.InboundMessages.Stored;
import org.baton.shared.NotFound;
import org.baton.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The failed-intake list an administrator works through: each message with its raw source, to retry (processed again
 * from the stored raw, e.g. after adding the sender's domain to an organization) or discard (kept, marked discarded, for
 * audit). Shared by the admin page and the API.
 */
@Service
class FailedIntake {

    private final InboundMessages messages;
    private final MailboxPoller poller;
    private final Clock clock;

    FailedIntake(InboundMessages messages, MailboxPoller poller, Clock clock) {
        this.messages = messages;
        this.poller = poller;
        this.clock = clock;
    }

    List<Stored> page(CurrentUser user, @Nullable Stored after, int limit) {
        requireAdmin(user);
        return messages.failed(after == null ? null : after.receivedAt(), after == null ? null : after.id(), limit);
    }

    int count(CurrentUser user) {
        requireAdmin(user);
        return messages.failedCount();
    }

    /** A failed or discarded message (the raw of a processed one is reached through the ticket, not here). */
    Stored message(CurrentUser user, UUID id) {
        requireAdmin(user);
        return messages.byId(id).filter(s -> s.state() == State.FAILED || s.state() == State.DISCARDED)
                .orElseThrow(() -> new NotFound("failed intake message", id));
    }

    Optional<Stored> find(UUID id) {
        return messages.byId(id);
    }

    byte[] raw(CurrentUser user, UUID id) {
        message(user, id);
        return messages.raw(id).orElseThrow(() -> new NotFound("failed intake message", id));
    }

    /** Processes the message again from its stored raw source; what became of it. */
    InboundIntake.Outcome retry(CurrentUser user, UUID id) {
        Stored stored = message(user, id);
        if (!messages.requeue(id)) {
            throw new Refused("not-failed", "This message is " + stored.state().name().toLowerCase() + "; only failed messages are retried.");
        }
        return poller.reprocess(id);
    }

    void discard(CurrentUser user, UUID id) {
        Stored stored = message(user, id);
        if (!messages.discard(id, user.displayName() + " (" + user.username() + ")", clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            throw new Refused("not-failed", "This message is " + stored.state().name().toLowerCase() + "; only failed messages are discarded.");
        }
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only administrators work on failed mail intake.");
        }
    }

    static Instant instant(Stored s) {
        return s.receivedAt();
    }
}
