package org.baton.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One timeline entry as the API shows it. */
@Schema(name = "TimelineEntry")
record TimelineEntryResource(
        long id,
        @Schema(description = "The ticket the entry was written on; another number for entries of a merged duplicate.")
        String ticket,
        EntryKind kind,
        Visibility visibility,
        Actor actor,
        Instant occurredAt,
        @Nullable String body,
        @Schema(description = "Before/after values under \"changes\", and other facts of the entry.") @Nullable JsonNode details) {

    record Actor(@Nullable String id, String name) {}
}
