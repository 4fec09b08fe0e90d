package org.baton.shared;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, then 74 random bits. Rows keyed by
 * them are written at the right-hand end of their indexes (and of every index on a column that refers to them,
 * such as a ticket's events by ticket) instead of at a random page of each, which keeps the pages a busy desk
 * writes few and in memory. The random bits come from
 * {@link ThreadLocalRandom} (no lock shared by the request threads): these ids are unique, not secret; nothing
 * that must not be guessed (a token, an attachment's address) is made here.
 */
public final class Uuids {

    private Uuids() {}

    /** A version 7 UUID for a row written at {@code at} (the caller's clock: the millisecond it sorts by). */
    public static UUID timeOrdered(Instant at) {
        return timeOrdered(at.toEpochMilli());
    }

    static UUID timeOrdered(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | random.nextInt(1 << 12);
        long lsb = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
