package org.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTests {

    @ParameterizedTest(name = "{0} is \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            PT0S       | ''
            PT59S      | ''
            PT1M       | 1 min
            PT59M59S   | 59 min
            PT1H       | 1 h
            PT2H10M    | 2 h 10 min
            PT23H59M   | 23 h 59 min
            PT24H      | 1 day
            PT28H30M   | 1 day 4 h
            PT47H59M   | 1 day 23 h
            PT48H      | 2 days
            PT100H     | 4 days
            """)
    void saysADurationInTheWordsOfTheCountdowns(Duration duration, String words) {
        assertThat(Durations.span(duration)).isEqualTo(words);
    }

    @Test
    void ignoresTheSign() {
        assertThat(Durations.span(Duration.ofMinutes(-130))).isEqualTo("2 h 10 min");
    }
}
