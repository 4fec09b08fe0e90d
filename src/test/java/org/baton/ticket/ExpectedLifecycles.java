package org.baton.ticket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycles the specification asks for, read from {@code src/test/resources/ticket/lifecycles.csv}:
 * a table written by hand, independent of {@link Lifecycle}, that the tests hold the code to. The
 * file is read strictly: an unknown type or status, a duplicate row or a missing (type, from) row
 * fails the test instead of silently meaning "nothing allowed".
 */
final class ExpectedLifecycles {

    static final String RESOURCE = "/ticket/lifecycles.csv";
    private static final String HEADER = "type,from,allowed-targets";

    /** One row of the table: from {@code from}, a ticket of {@code type} may move to {@code allowed}. */
    record Row(TicketType type, TicketStatus from, Set<TicketStatus> allowed) {

        /** Every status the ticket may not move to from here, including its own status. */
        Set<TicketStatus> refused() {
            Set<TicketStatus> refused = EnumSet.allOf(TicketStatus.class);
            refused.removeAll(allowed);
            return refused;
        }
    }

    private final Map<TicketType, Map<TicketStatus, Set<TicketStatus>>> table;

    private ExpectedLifecycles(Map<TicketType, Map<TicketStatus, Set<TicketStatus>>> table) {
        this.table = table;
    }

    static ExpectedLifecycles load() {
        InputStream in = ExpectedLifecycles.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test class path");
        }
        Map<TicketType, Map<TicketStatus, Set<TicketStatus>>> table = new EnumMap<>(TicketType.class);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = false;
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!text.equals(HEADER)) {
                        throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": expected the header " + HEADER);
                    }
                    header = true;
                    continue;
                }
                String[] cells = text.split(",", -1);
                if (cells.length != 3) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": expected 3 cells, got " + cells.length);
                }
                TicketType type = TicketType.valueOf(cells[0].strip());
                TicketStatus from = TicketStatus.valueOf(cells[1].strip());
                Set<TicketStatus> allowed = EnumSet.noneOf(TicketStatus.class);
                for (String target : cells[2].strip().split("\\s+")) {
                    if (!target.isEmpty() && !allowed.add(TicketStatus.valueOf(target))) {
                        throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": " + target + " is listed twice");
                    }
                }
                Map<TicketStatus, Set<TicketStatus>> moves = table.computeIfAbsent(type, t -> new EnumMap<>(TicketStatus.class));
                if (moves.put(from, Collections.unmodifiableSet(allowed)) != null) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": a second row for " + type + " " + from);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (TicketType type : TicketType.values()) {
            for (TicketStatus from : TicketStatus.values()) {
                if (!table.getOrDefault(type, Map.of()).containsKey(from)) {
                    throw new IllegalStateException(RESOURCE + " has no row for " + type + " " + from);
                }
            }
        }
        return new ExpectedLifecycles(table);
    }

    /** All 32 rows, in the order of the enums. */
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (TicketType type : TicketType.values()) {
            for (TicketStatus from : TicketStatus.values()) {
                rows.add(new Row(type, from, allowed(type, from)));
            }
        }
        return rows;
    }

    Set<TicketStatus> allowed(TicketType type, TicketStatus from) {
        return Objects.requireNonNull(table.get(type).get(from));
    }

    boolean allows(TicketType type, TicketStatus from, TicketStatus to) {
        return allowed(type, from).contains(to);
    }

    /** Whether a ticket of {@code type} can get to {@code status} at all: every ticket starts new. */
    boolean reachable(TicketType type, TicketStatus status) {
        return status == TicketStatus.NEW || path(type, TicketStatus.NEW, status) != null;
    }

    /**
     * The statuses a ticket passes through, after {@code from}, on a shortest allowed way to
     * {@code to}: empty when {@code from == to}, null when there is no way.
     */
    @Nullable List<TicketStatus> path(TicketType type, TicketStatus from, TicketStatus to) {
        Map<TicketStatus, TicketStatus> cameFrom = new EnumMap<>(TicketStatus.class);
        ArrayDeque<TicketStatus> queue = new ArrayDeque<>(List.of(from));
        Set<TicketStatus> seen = EnumSet.of(from);
        while (!queue.isEmpty()) {
            TicketStatus at = queue.removeFirst();
            if (at == to) {
                List<TicketStatus> path = new ArrayList<>();
                for (TicketStatus s = to; s != from; s = cameFrom.get(s)) {
                    path.addFirst(s);
                }
                return path;
            }
            for (TicketStatus next : allowed(type, at)) {
                if (seen.add(next)) {
                    cameFrom.put(next, at);
                    queue.addLast(next);
                }
            }
        }
        return null;
    }

}
