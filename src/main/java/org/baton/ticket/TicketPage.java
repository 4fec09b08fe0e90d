package org.baton.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Objects;
import org.baton.attachment.Attachments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.baton.shared.Durations;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the ticket page shows, in words: countdown chips, timeline entries with their before/after values, and
 * the state of the page's forms (the input typed into the one that failed, its field errors, a conflict notice).
 */
final class TicketPage {

    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private TicketPage() {}

    /**
     * The forms of one rendering: {@code form} names the form that was sent (its input is kept, its errors shown
     * next to its fields); every other form is blank.
     */
    record Forms(@Nullable String form, Map<String, String> input, Map<String, String> errors, @Nullable String conflict,
            @Nullable String refusal) {

        static Forms blank() {
            return new Forms(null, Map.of(), Map.of(), null, null);
        }

        static Forms invalid(String form, Map<String, String> input, InvalidInput invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : invalid.problems()) {
                errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b);
            }
            return new Forms(form, input, errors, null, null);
        }

        public boolean sent(String name) {
            return name.equals(form);
        }

        public @Nullable String value(String name, String field) {
            return sent(name) ? input.get(field) : null;
        }

        public String valueOr(String name, String field, String otherwise) {
            String v = value(name, field);
            return v == null ? otherwise : v;
        }

        public boolean selected(String name, String field, String option) {
            return option.equals(value(name, field));
        }

        public boolean hasError(String name, String field) {
            return sent(name) && errors.containsKey(field);
        }

        public @Nullable String error(String name, String field) {
            return sent(name) ? errors.get(field) : null;
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        /** Errors of fields the form does not show (so that none is lost). */
        public List<String> otherErrors(String name, List<String> shown) {
            if (!sent(name)) {
                return List.of();
            }
            return errors.entrySet().stream().filter(e -> !shown.contains(e.getKey())).map(e -> e.getKey() + " " + e.getValue())
                    .toList();
        }
    }

    /** One service-level target as a chip: "Resolution · due in 2 h 10 min". */
    record Chip(String label, String state, String text, String css, boolean operational, @Nullable Instant dueAt) {}

    /** One timeline entry in words. */
    /** @param fullText the whole text of a message that came in by mail, when the body shows it trimmed */
    record Item(long id, String kind, boolean internal, String actor, Instant at, @Nullable String body, List<String> changes,
            @Nullable String fromTicket, @Nullable String fullText, List<FileLink> files) {

        Item as(String kind) {
            return new Item(id, kind, internal, actor, at, body, changes, fromTicket, fullText, files);
        }
    }

    /** A file of a timeline entry: its name, size and type as people read them, and where it downloads from. */
    record FileLink(String name, String size, String type, String href) {}

    static List<Chip> chips(List<Countdown> countdowns, Instant now, boolean customer) {
        List<Chip> chips = new ArrayList<>();
        for (Countdown c : countdowns) {
            if (customer && c.operational()) {
                continue;
            }
            chips.add(chip(c, now));
        }
        return chips;
    }

    static Chip chip(Countdown c, Instant now) {
        Instant due = c.dueAt();
        return switch (c.state()) {
            case "RUNNING" -> {
                boolean late = due != null && !due.isAfter(now);
                if (late) {
                    yield new Chip(c.label(), "Breached", "breached " + ago(due, now), "sla-breached", c.operational(), due);
                }
                boolean near = !c.businessTime().isZero() && c.remaining().compareTo(c.businessTime().dividedBy(4)) <= 0;
                yield new Chip(c.label(), "Running", due == null ? "running" : "due in " + Durations.span(Duration.between(now, due)),
                        near ? "sla-warning" : "sla-running", c.operational(), due);
            }
            case "PAUSED" -> new Chip(c.label(), "Paused", "paused", "sla-paused", c.operational(), due);
            case "MET" -> new Chip(c.label(), "Met", "met", "sla-met", c.operational(), due);
            case "BREACHED" -> new Chip(c.label(), "Breached", due == null ? "breached" : "breached " + ago(due, now),
                    "sla-breached", c.operational(), due);
            default -> new Chip(c.label(), "Cancelled", "cancelled", "sla-cancelled", c.operational(), due);
        };
    }

    /** "due in 40 min" / "overdue by 12 min" for the promised next update. */
    static String nextUpdate(@Nullable Instant due, Instant now) {
        if (due == null) {
            return "no update promised";
        }
        if (due.isBefore(now)) {
            return "next update overdue by " + nonEmpty(Durations.span(Duration.between(due, now)));
        }
        return "next update due in " + nonEmpty(Durations.span(Duration.between(now, due)));
    }

    static String ago(Instant then, Instant now) {
        String span = Durations.span(Duration.between(then, now));
        return span.isEmpty() ? "just now" : span + " ago";
    }

    private static String nonEmpty(String span) {
        return span.isEmpty() ? "less than a minute" : span;
    }

    static String kindLabel(EntryKind kind) {
        return switch (kind) {
            case CREATED -> "Opened";
            case FIELD_CHANGED -> "Fields changed";
            case COMMENT -> "Reply";
            case INTERNAL_NOTE -> "Internal note";
            case STATUS_CHANGED -> "Status changed";
            case OWNER_ASSIGNED -> "Owner assigned";
            case OWNERSHIP_TRANSFERRED -> "Ownership transferred";
            case HANDED_OFF -> "Handed off";
            case HANDED_BACK -> "Handed back";
            case HANDOFF_ACCEPTED -> "Hand-off accepted";
            case STATUS_UPDATE -> "Status update";
            case CUSTOMER_NOTIFIED -> "Customer notified";
            case RESOLVED -> "Resolved";
            case CLOSED -> "Closed";
            case REOPENED -> "Reopened";
            case LINKED -> "Linked";
            case MERGED -> "Merged";
            case SERVICE_LEVEL -> "Service level";
            case ATTACHMENT_ADDED -> "File attached";
        };
    }

    static String linkLabel(String kind) {
        return switch (kind) {
            case "CHILD_OF" -> "Child of";
            case "PARENT_OF" -> "Parent of";
            case "RELATED_TO" -> "Related to";
            case "DUPLICATE_OF" -> "Duplicate of";
            case "DUPLICATED_BY" -> "Duplicated by";
            case "CAUSED_BY" -> "Caused by";
            case "CAUSES" -> "Causes";
            default -> kind;
        };
    }

    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(Map.entry("status", "Status"),
            Map.entry("pendingReason", "Waiting for"), Map.entry("priority", "Priority"), Map.entry("owner", "Owner"),
            Map.entry("workingGroup", "Working group"), Map.entry("assignee", "Assignee"), Map.entry("impact", "Impact"),
            Map.entry("urgency", "Urgency"), Map.entry("subject", "Subject"), Map.entry("description", "Description"),
            Map.entry("category", "Category"), Map.entry("requesterLocation", "Location"),
            Map.entry("requesterContact", "Contact"), Map.entry("dueAt", "Due"));

    /**
     * The entry in words: its before/after values ("Status: In progress → Resolved") and the facts of hand-offs and
     * status updates, with people's names for their ids and times in {@code zone}.
     */
    static Item item(TimelineEntry e, TicketNumber shown, JsonMapper json, ZoneId zone, Function<String, String> userName) {
        List<String> changes = new ArrayList<>();
        List<FileLink> files = new ArrayList<>();
        String fullText = null;
        if (e.details() != null) {
            JsonNode details = json.readTree(e.details());
            for (JsonNode file : details.path("attachments").values()) {
                String id = text(file.path("id"));
                if (id != null) {
                    files.add(new FileLink(Objects.requireNonNullElse(text(file.path("filename")), "attachment"),
                            Attachments.displaySize(file.path("size").asLong()), typeLabel(text(file.path("contentType"))),
                            "/tickets/" + e.ticketNumber().value() + "/attachments/" + id));
                }
            }
            JsonNode fields = details.path("changes");
            for (var field : fields.properties()) {
                String name = field.getKey();
                String before = word(name, text(field.getValue().path("before")), userName, zone);
                String after = word(name, text(field.getValue().path("after")), userName, zone);
                if (!before.equals(after)) {
                    changes.add(FIELD_NAMES.getOrDefault(name, name) + ": " + before + " → " + after);
                }
            }
            if (e.kind() == EntryKind.HANDED_OFF) {
                String need = text(details.path("need"));
                if (need != null) {
                    try {
                        changes.add("Needs: " + HandoffNeed.valueOf(need).label());
                    } catch (IllegalArgumentException ignored) {
                        // an older value; left out
                    }
                }
                String eta = text(details.path("eta"));
                if (eta != null) {
                    changes.add("ETA: " + shown(eta, zone));
                }
            }
            if (e.kind() == EntryKind.STATUS_UPDATE) {
                String restoration = text(details.path("expectedRestorationAt"));
                String unknown = text(details.path("restorationUnknownReason"));
                if (restoration != null) {
                    changes.add("Expected restoration: " + shown(restoration, zone));
                } else if (unknown != null) {
                    changes.add("Restoration unknown: " + unknown);
                }
                String next = text(details.path("nextUpdateAt"));
                if (next != null) {
                    changes.add("Next update by: " + shown(next, zone));
                }
            }
            String notKept = text(details.path("attachmentsNotKept"));
            if (notKept != null) {
                changes.add(notKept);
            }
            fullText = text(details.path("fullText"));
            if (e.kind() == EntryKind.CUSTOMER_NOTIFIED) {
                String recipient = text(details.path("recipient"));
                changes.add(recipient == null ? "Not sent: no email address known" : "Sent to " + recipient);
            }
        }
        String from = e.ticketNumber().equals(shown) ? null : e.ticketNumber().value();
        return new Item(e.id(), kindLabel(e.kind()), e.visibility() == Visibility.INTERNAL, e.actorName(), e.occurredAt(),
                e.body(), changes, from, fullText, files);
    }

    /** A content type as people read it: "PDF", "PNG image", "Text"; the raw type when there is no better word. */
    static String typeLabel(@Nullable String type) {
        if (type == null) {
            return "File";
        }
        return switch (type) {
            case "application/pdf" -> "PDF";
            case "text/plain" -> "Text";
            case "text/csv" -> "CSV";
            case "text/html" -> "HTML";
            case "application/zip" -> "ZIP archive";
            case "application/octet-stream" -> "File";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword" -> "Word document";
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel" -> "Excel workbook";
            case "message/rfc822" -> "Email";
            default -> type.startsWith("image/") ? type.substring(6).toUpperCase(Locale.ROOT).replace("SVG+XML", "SVG") + " image" : type;
        };
    }

    private static @Nullable String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static String word(String field, @Nullable String value, Function<String, String> userName, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return "none";
        }
        try {
            return switch (field) {
                case "status" -> TicketStatus.valueOf(value).label();
                case "pendingReason" -> PendingReason.valueOf(value).label();
                case "priority" -> Priority.valueOf(value).label();
                case "impact", "urgency" -> value.charAt(0) + value.substring(1).toLowerCase(Locale.ROOT);
                case "owner" -> userName.apply(value);
                case "dueAt" -> shown(value, zone);
                default -> value;
            };
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String shown(String instant, ZoneId zone) {
        try {
            return SHOWN.format(Instant.parse(instant).atZone(zone));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    /** The value of a {@code datetime-local} input showing {@code instant} in {@code zone}. */
    static String localInput(@Nullable Instant instant, ZoneId zone) {
        return instant == null ? "" : LOCAL_INPUT.format(instant.atZone(zone));
    }

    /** A {@code datetime-local} value typed in the viewer's zone; a field problem when it is not one. */
    static @Nullable Instant local(@Nullable String value, ZoneId zone, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a date and time such as 2026-11-24T14:00"));
            return null;
        }
    }
}
