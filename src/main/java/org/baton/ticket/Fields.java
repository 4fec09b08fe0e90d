package org.baton.ticket;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * Reads the text fields of an API request into typed values, collecting a problem per bad field, so
 * that a client learns about every mistake in one answer (422 naming each field) instead of a
 * generic "malformed JSON".
 */
final class Fields {

    private final List<FieldProblem> problems = new ArrayList<>();

    <E extends Enum<E>> @Nullable E enumValue(String field, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    <T> @Nullable T id(String field, @Nullable String value, Function<UUID, T> wrap) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String text = value.strip();
            if (text.length() == 36) {
                return wrap.apply(UUID.fromString(text));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "is not an id"));
        return null;
    }

    @Nullable Instant instant(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be an RFC 3339 instant such as 2026-11-23T14:05:00Z"));
            return null;
        }
    }

    @Nullable TicketNumber ticketNumber(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return TicketNumber.parse(value).orElseGet(() -> {
            problems.add(new FieldProblem(field, "is not a ticket number such as INC-1042"));
            return null;
        });
    }

    void require(String field, @Nullable Object value, String message) {
        if (value == null) {
            problems.add(new FieldProblem(field, message));
        }
    }

    /** Throws {@link InvalidInput} naming every bad field, if there is one. */
    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
