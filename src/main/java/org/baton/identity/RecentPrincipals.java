package org.baton.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.baton.shared.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Who a request is, remembered for a moment. Resolving an API token and its user's rights takes
 * several queries; an API client sends many requests a second, so each node keeps the answer for
 * {@code baton.security.principal-cache} (default 2 s; 0 switches it off). Any change made through
 * this node (a user, group or organization edited, a token revoked) forgets everything at once; a
 * change made on another node takes effect here within that time.
 */
@Component
class RecentPrincipals {

    private static final int MAX_ENTRIES = 10_000;

    private record Remembered(CurrentUser user, Instant until) {}

    private final ApiTokens tokens;
    private final Directory directory;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Remembered> byToken = new ConcurrentHashMap<>();
    private final Map<UserId, Remembered> byUser = new ConcurrentHashMap<>();

    RecentPrincipals(ApiTokens tokens, Directory directory, Clock clock,
            @Value("${baton.security.principal-cache:2s}") Duration ttl) {
        this.tokens = tokens;
        this.directory = directory;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The active user a presented API token acts for; empty for an unknown, revoked or expired token. */
    Optional<CurrentUser> forToken(String secret) {
        if (ttl.isZero()) {
            return tokens.authenticate(secret).flatMap(directory::currentUser);
        }
        String key = Sha256.hex(secret);
        Instant now = clock.instant();
        Remembered remembered = byToken.get(key);
        if (remembered != null && remembered.until().isAfter(now)) {
            return Optional.of(remembered.user());
        }
        Optional<CurrentUser> user = tokens.authenticate(secret).flatMap(directory::currentUser);
        user.ifPresent(u -> remember(byToken, key, u, now));
        return user;
    }

    /** The user as the current user of a request; empty when inactive or unknown. */
    Optional<CurrentUser> forUser(UserId id) {
        if (ttl.isZero()) {
            return directory.currentUser(id);
        }
        Instant now = clock.instant();
        Remembered remembered = byUser.get(id);
        if (remembered != null && remembered.until().isAfter(now)) {
            return Optional.of(remembered.user());
        }
        Optional<CurrentUser> user = directory.currentUser(id);
        user.ifPresent(u -> remember(byUser, id, u, now));
        return user;
    }

    /** Forgets every remembered principal once a change to users, groups, organizations or tokens is committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(DirectoryChanged change) {
        forgetAll();
    }

    void forgetAll() {
        byToken.clear();
        byUser.clear();
    }

    private <K> void remember(Map<K, Remembered> map, K key, CurrentUser user, Instant now) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, new Remembered(user, now.plus(ttl)));
    }
}
