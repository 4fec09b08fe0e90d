package org.baton.ticket;

import java.util.Locale;
import java.util.Optional;

/** The tabs of the agent console's queue page. */
enum QueueView {
    /** Open tickets I own. */
    MINE("My tickets", QueueSort.UPDATED),
    /** Open tickets one of my support groups is working on. */
    GROUP("My groups", QueueSort.UPDATED),
    /** New tickets nobody owns yet, in the organizations I serve. */
    UNASSIGNED("Unassigned", QueueSort.DUE),
    /** A running service-level target due within two hours, or already breached. */
    NEAR_BREACH("Near breach", QueueSort.DUE),
    /** Pending tickets (waiting for the customer, a third party or an approval), in the organizations I serve. */
    PENDING("Pending", QueueSort.UPDATED),
    /** Open tickets whose promised next update is late, in the organizations I serve: the longest overdue first. */
    OVERDUE("Update overdue", QueueSort.UPDATE_DUE);

    private final String label;
    private final QueueSort defaultSort;

    QueueView(String label, QueueSort defaultSort) {
        this.label = label;
        this.defaultSort = defaultSort;
    }

    public String label() {
        return label;
    }

    /** The name in URLs: {@code mine}, {@code near-breach}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    QueueSort defaultSort() {
        return defaultSort;
    }

    static Optional<QueueView> parse(String key) {
        for (QueueView view : values()) {
            if (view.key().equalsIgnoreCase(key.strip())) {
                return Optional.of(view);
            }
        }
        return Optional.empty();
    }
}
