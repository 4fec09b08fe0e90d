package org.baton.ticket;

import java.util.Locale;
import java.util.Optional;

/** The orders a queue comes in. */
enum QueueSort {
    /** Nearest service-level due instant first; tickets with no running target after them. */
    DUE("SLA due first"),
    /** Most recently changed first. */
    UPDATED("Recently updated first"),
    /**
     * The earliest promised next update first, the longest overdue at the top; tickets with no promise after them. The
     * overdue tab's order: it reads the (open, next update due) index from its start, where the overdue tickets are.
     */
    UPDATE_DUE("Next update due first");

    private final String label;

    QueueSort(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<QueueSort> parse(String key) {
        for (QueueSort sort : values()) {
            if (sort.key().equalsIgnoreCase(key.strip())) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }
}
