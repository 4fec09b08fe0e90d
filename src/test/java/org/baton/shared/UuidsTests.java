package org.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTests {

    /** How PostgreSQL and H2 order uuids: as 16 unsigned bytes. */
    static final Comparator<UUID> DATABASE_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    @Test
    void anIdIsAVersion7UuidOfItsMillisecond() {
        UUID id = Uuids.timeOrdered(java.time.Instant.parse("2025-12-02T00:00:00.123Z")); // 2025-12-02T00:00:00.123Z
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(1_764_633_600_123L);
        assertThat(id.toString()).startsWith("019adc5b-e07b-7");
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesInTheDatabase() {
        List<UUID> made = new ArrayList<>();
        for (long ms = 1_764_633_600_000L; ms < 1_764_633_600_000L + 1_000; ms++) {
            made.add(Uuids.timeOrdered(ms));
        }
        List<UUID> sorted = new ArrayList<>(made);
        sorted.sort(DATABASE_ORDER);
        assertThat(sorted).containsExactlyElementsOf(made);
    }

    @Test
    void idsOfTheSameMillisecondAreDistinct() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            seen.add(Uuids.timeOrdered(1_764_633_600_000L));
        }
        assertThat(seen).hasSize(200_000);
    }
}
