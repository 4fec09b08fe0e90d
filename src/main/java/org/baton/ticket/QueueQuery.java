package org.baton.ticket;

import org.baton.identity.OrganizationId;
import org.jspecify.annotations.Nullable;

/**
 * One queue as asked for: a tab, the filters of the filter bar, the sort, and the cursor of the page.
 *
 * @param after the cursor of the last row of the previous page; null for the first page
 */
record QueueQuery(QueueView view, @Nullable Priority priority, @Nullable TicketType type, @Nullable OrganizationId organizationId,
        QueueSort sort, @Nullable String after) {

    QueueQuery in(QueueView other) {
        return new QueueQuery(other, priority, type, organizationId, other.defaultSort(), null);
    }
}
