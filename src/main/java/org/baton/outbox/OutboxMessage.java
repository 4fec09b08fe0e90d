package org.baton.outbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A side effect to deliver.
 *
 * @param kind what it is, e.g. {@code CUSTOMER_NOTIFICATION}; channels pick the kinds they deliver
 * @param aggregateId the record it is about (a ticket's id), for tracing and ordering
 * @param recipient an address the channel understands (an email address for customer notifications)
 * @param subject a one-line summary
 * @param payload the facts a template needs (template name, ticket number, group, ETA…); values may be null
 */
public record OutboxMessage(String kind, @Nullable UUID aggregateId, String recipient, String subject, Map<String, ?> payload) {

    public OutboxMessage {
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }
}
