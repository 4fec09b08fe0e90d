package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTests {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1));

    @ParameterizedTest(name = "after failure {0} with random {1}: {2} s")
    @CsvSource({
        "1, 0.5, 30",    // 30 s, no jitter at the midpoint
        "1, 0.0, 24",    // -20 %
        "1, 0.999999, 36", // +20 %
        "2, 0.5, 60",
        "3, 0.5, 120",
        "7, 0.5, 1920",
        "8, 0.5, 3600",  // 3840 s capped at 1 h
        "8, 0.0, 2880",  // the cap applies before the jitter, so capped pauses still spread out
        "9, 0.999999, 3600", // never more than the cap
        "500, 0.5, 3600"   // no overflow after many failures
    })
    void pausesDoubleFromThirtySecondsUpToAnHourWithTwentyPercentJitter(int failures, double random, long seconds) {
        assertThat(policy.pauseAfter(failures, random)).isEqualTo(Duration.ofSeconds(seconds));
    }
}
