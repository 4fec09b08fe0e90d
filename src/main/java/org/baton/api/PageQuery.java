package org.baton.api;

import org.jspecify.annotations.Nullable;

/**
 * What a client asked of a list: at most {@code limit} items (default 50, maximum 200) after the
 * position {@code after} (decoded from the cursor; null for the first page).
 */
public record PageQuery(int limit, @Nullable String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageQuery of(@Nullable Integer limit, @Nullable String cursor) {
        int effective = limit == null ? DEFAULT_LIMIT : limit;
        if (effective < 1 || effective > MAX_LIMIT) {
            throw new BadParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageQuery(effective, cursor == null || cursor.isBlank() ? null : Cursors.decode(cursor));
    }

    /** How many rows to fetch: one more than shown, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
