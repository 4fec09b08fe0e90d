package org.baton.mail;

import java.time.Duration;

/**
 * When to try a failed message again: {@code first} after the first failure, doubling with each further one up to
 * {@code max}, each pause drawn at random from 80-120 % of that (so messages that failed together do not all come
 * back at once), never more than {@code max}.
 */
record RetryPolicy(Duration first, Duration max) {

    /** The pause after the {@code failures}-th failure; {@code random} is in [0, 1). */
    Duration pauseAfter(int failures, double random) {
        long base = first.toMillis();
        for (int i = 1; i < failures && base < max.toMillis(); i++) {
            base *= 2;
        }
        base = Math.min(base, max.toMillis());
        long jittered = Math.round(base * (0.8 + 0.4 * random));
        return Duration.ofMillis(Math.min(jittered, max.toMillis()));
    }
}
