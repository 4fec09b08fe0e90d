package org.batonarchsample.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Samples for {@code ArchitectureRules.NO_SYSTEM_TIME_IN_DOMAIN}; one way of reading time each. */
public final class TimeSamples {

    public static final class InstantNow {
        Object due() {
            return Instant.now();
        }
    }

    public static final class LocalDateTimeNow {
        Object due() {
            return LocalDateTime.now();
        }
    }

    public static final class LocalDateNow {
        Object due() {
            return LocalDate.now();
        }
    }

    public static final class ZonedDateTimeNow {
        Object due() {
            return ZonedDateTime.now(ZoneOffset.UTC);
        }
    }

    public static final class OffsetDateTimeNow {
        Object due() {
            return OffsetDateTime.now();
        }
    }

    public static final class CurrentTimeMillis {
        long due() {
            return System.currentTimeMillis();
        }
    }

    public static final class SystemUtcClock {
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    public static final class SystemDefaultZoneClock {
        Clock clock() {
            return Clock.systemDefaultZone();
        }
    }

    public static final class InsideALambda {
        java.util.function.Supplier<Instant> due() {
            return () -> Instant.now();
        }
    }

    /** Good: every reading goes through the injected clock. */
    public static final class InjectedClock {
        private final Clock clock;

        InjectedClock(Clock clock) {
            this.clock = clock;
        }

        Object[] due() {
            return new Object[] {
                Instant.now(clock), LocalDateTime.now(clock), LocalDate.now(clock), clock.instant(), clock.millis()
            };
        }
    }

    private TimeSamples() {}
}
