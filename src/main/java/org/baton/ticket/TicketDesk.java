package org.baton.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.baton.attachment.StoredAttachment;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.Role;
import org.baton.identity.SupportGroup;
import org.baton.identity.SupportGroupId;
import org.baton.identity.UserId;
import org.baton.outbox.Outbox;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.Refused;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work done on existing tickets: status changes, hand-offs and hand-backs, ownership transfers,
 * status updates, replies and notes, field edits and links. Each command loads the ticket as the
 * user sees it, checks the rules, and saves the ticket, its timeline entries, its outbox messages
 * and its events in one transaction.
 *
 * <p>Saves are optimistic. A command that names the version it read ({@code If-Match}) is refused
 * with {@link StaleVersion} when the ticket moved on, so nobody overwrites a change they have not
 * seen; a command without one is simply re-checked against the newer ticket and retried.
 */
@Service
class TicketDesk {

    private static final int RETRIES = 3;

    private final Optional<OpeningForecast> forecast;
    private final Tickets tickets;
    private final Timeline timeline;
    private final TicketAttachments files;
    private final Outbox outbox;
    private final Directory directory;
    private final CustomerNotices notices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration firstContactWindow;

    TicketDesk(Tickets tickets, Timeline timeline, TicketAttachments files, Outbox outbox, Directory directory, CustomerNotices notices,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock, Optional<OpeningForecast> forecast,
            @Value("${baton.tickets.first-contact-window:PT30M}") Duration firstContactWindow) {
        this.forecast = forecast;
        this.tickets = tickets;
        this.timeline = timeline;
        this.files = files;
        this.outbox = outbox;
        this.directory = directory;
        this.notices = notices;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.firstContactWindow = firstContactWindow;
    }

    record ChangeStatus(TicketStatus to, @Nullable PendingReason pendingReason, @Nullable String resolutionCode,
            @Nullable String resolutionNotes, @Nullable String reason) {}

    record HandOffTicket(@Nullable SupportGroupId groupId, @Nullable UserId assigneeId, @Nullable String reason,
            @Nullable HandoffNeed need, @Nullable Instant eta) {}

    record TransferOwnership(@Nullable UserId ownerId, @Nullable String reason) {}

    record PostStatusUpdate(@Nullable String actionTaken, @Nullable Instant expectedRestorationAt,
            @Nullable String restorationUnknownReason, @Nullable Instant nextUpdateAt) {}

    record AddComment(@Nullable String body, Visibility visibility, List<StoredAttachment> attachments) {

        AddComment(@Nullable String body, Visibility visibility) {
            this(body, visibility, List.of());
        }
    }

    // ---------------------------------------------------------------- commands

    Ticket changeStatus(CurrentUser user, TicketNumber number, @Nullable Long expectedVersion, ChangeStatus command) {
        return change(user, number, expectedVersion, c -> move(c, command));
    }

    Ticket handOff(CurrentUser user, TicketNumber number, @Nullable Long expectedVersion, HandOffTicket command) {
        requireStaff(user);
        return change(user, number, expectedVersion, c -> handOff(c, command));
    }

    Ticket handBack(CurrentUser user, TicketNumber number, @Nullable Long expectedVersion, @Nullable String note) {
        requireStaff(user);
        return change(user, number, expectedVersion, c -> {
            Ticket t = c.before();
            if (t.workingGroupId() == null) {
                throw new Refused("not-handed-off", t.number() + " is not with another group; there is nothing to hand back.");
            }
            c.next().workingGroupId = null;
            c.next().workingGroupName = null;
            c.next().assigneeId = null;
            c.next().assigneeName = null;
            c.next().handoffEta = null;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("changes", Map.of("workingGroup", Timeline.Entry.beforeAfter(t.workingGroupName(), null)));
            c.record(new Timeline.Entry(EntryKind.HANDED_BACK, Visibility.INTERNAL, blankToNull(note), details));
            c.raise(new TicketHandedBack(t.id(), t.number(), t.workingGroupId(), c.now()));
        });
    }

    /**
     * A member of the working group accepts the hand-off: the group has the work and, if nobody in it was named,
     * the member who accepts becomes the assignee. Team leads and coordinators may accept for the group.
     */
    Ticket acceptHandOff(CurrentUser user, TicketNumber number, @Nullable Long expectedVersion) {
        requireStaff(user);
        return change(user, number, expectedVersion, c -> {
            Ticket t = c.before();
            SupportGroupId group = t.workingGroupId();
            if (group == null || !t.isOpen()) {
                throw new Refused("not-handed-off", t.number() + " is not with a support group; there is no hand-off to accept.");
            }
            boolean member = user.groupIds().contains(group);
            boolean coordinates = user.role() == Role.TEAM_LEAD || user.role() == Role.COORDINATOR || user.role() == Role.ADMIN;
            if (!member && !coordinates) {
                throw new AccessDeniedException("only a member of " + t.workingGroupName() + " accepts its hand-offs");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("groupId", group.value().toString());
            if (t.assigneeId() == null && member) {
                c.next().assigneeId = user.id();
                c.next().assigneeName = user.displayName();
                details.put("changes", Map.of("assignee", Timeline.Entry.beforeAfter(null, user.displayName())));
            }
            c.record(new Timeline.Entry(EntryKind.HANDOFF_ACCEPTED, Visibility.INTERNAL,
                    t.workingGroupName() + " accepted the hand-off.", details));
            c.raise(new TicketHandOffAccepted(t.id(), t.number(), group, user.id(), c.now()));
        });
    }

    Ticket transferOwnership(CurrentUser user, TicketNumber number, @Nullable Long expectedVersion, TransferOwnership command) {
        requireStaff(user);
        return change(user, number, expectedVersion, c -> transfer(c, command));
    }

    Ticket postStatusUpdate(CurrentUser user, TicketNumber number, @Nullable Long expectedVersion, PostStatusUpdate command) {
        requireStaff(user);
        return change(user, number, expectedVersion, c -> statusUpdate(c, command));
    }

    Ticket comment(CurrentUser user, TicketNumber number, @Nullable Long expectedVersion, AddComment command) {
        String body = blankToNull(command.body());
        if (body == null && command.attachments().isEmpty()) {
            throw InvalidInput.of("body", "must not be blank");
        }
        if (body != null && body.length() > 20_000) {
            throw InvalidInput.of("body", "must be at most 20000 characters");
        }
        if (command.visibility() == Visibility.INTERNAL && !user.isStaff()) {
            throw new AccessDeniedException("customers cannot write internal notes");
        }
        return change(user, number, expectedVersion, c -> {
            Ticket t = c.before();
            refuseIfClosed(t, "replying to it");
            boolean internal = command.visibility() == Visibility.INTERNAL;
            c.record(new Timeline.Entry(internal ? EntryKind.INTERNAL_NOTE : EntryKind.COMMENT, command.visibility(), body,
                    command.attachments().isEmpty() ? null : Map.of("attachments", TicketAttachments.details(command.attachments()))));
            c.attach(command.attachments(), command.visibility());
            c.raise(new CommentAdded(t.id(), t.number(), command.visibility(), user.isCustomer(), c.now()));
            if (user.isCustomer() && t.status() == TicketStatus.PENDING && t.pendingReason() == PendingReason.CUSTOMER) {
                setStatus(c, TicketStatus.IN_PROGRESS, null, "The customer replied.");
            } else if (user.isStaff() && !internal) {
                notices.tell(c, "REPLY", "New reply", body != null ? body : user.displayName() + " sent you "
                        + fileCount(command.attachments().size()) + ".", Map.of("author", user.displayName()));
            }
        });
    }

    /** Attaches a file on its own, as an entry of its own (the API's attachment upload). */
    Ticket attach(CurrentUser user, TicketNumber number, @Nullable Long expectedVersion, StoredAttachment file, Visibility visibility) {
        if (visibility == Visibility.INTERNAL && !user.isStaff()) {
            throw new AccessDeniedException("customers cannot attach internal files");
        }
        return change(user, number, expectedVersion, c -> {
            refuseIfClosed(c.before(), "adding files to it");
            c.record(new Timeline.Entry(EntryKind.ATTACHMENT_ADDED, visibility, "Attached " + file.filename() + ".",
                    Map.of("attachments", TicketAttachments.details(List.of(file)))));
            c.attach(List.of(file), visibility);
        });
    }

    /** A closed or cancelled ticket takes no more replies or files: a new ticket instead of {@code doing}. */
    private static void refuseIfClosed(Ticket t, String doing) {
        if (t.status() == TicketStatus.CLOSED || t.status() == TicketStatus.CANCELLED) {
            throw new Refused("ticket-closed", t.number() + " is " + t.status().label().toLowerCase()
                    + "; open a new ticket instead of " + doing + ".");
        }
    }

    static String fileCount(int n) {
        return n == 1 ? "a file" : n + " files";
    }

    /**
     * A reply that came in on a channel (mail) from someone the channel found to be a participant of the ticket: a public
     * entry by {@code author}; it resumes a ticket pending on the customer and reopens a resolved one, as the customer's own
     * reply and reopen do on the ticket page. Nobody is notified of it.
     */
    Ticket channelReply(TicketNumber number, Actor author, String body, Map<String, ?> details, List<StoredAttachment> files) {
        return changeByChannel(number, author, c -> {
            Ticket t = c.before();
            if (t.status() == TicketStatus.CLOSED || t.status() == TicketStatus.CANCELLED) {
                throw new Refused("ticket-closed", t.number() + " is " + t.status().label().toLowerCase()
                        + "; open a new ticket instead of replying to it.");
            }
            c.record(new Timeline.Entry(EntryKind.COMMENT, Visibility.PUBLIC, body, details));
            c.attach(files, Visibility.PUBLIC);
            c.raise(new CommentAdded(t.id(), t.number(), Visibility.PUBLIC, true, c.now()));
            if (t.status() == TicketStatus.PENDING && t.pendingReason() == PendingReason.CUSTOMER) {
                setStatus(c, TicketStatus.IN_PROGRESS, null, "The customer replied.");
            } else if (t.status() == TicketStatus.RESOLVED && Lifecycle.of(t.type()).allows(t.status(), TicketStatus.IN_PROGRESS)) {
                setStatus(c, TicketStatus.IN_PROGRESS, null, "The customer replied to the resolved ticket.");
            }
        });
    }

    /** An internal entry written by a channel (an auto-reply or bounce that threads onto the ticket); nobody is told. */
    Ticket channelNote(TicketNumber number, Actor author, String body, Map<String, ?> details, List<StoredAttachment> files) {
        return changeByChannel(number, author, c -> {
            c.record(new Timeline.Entry(EntryKind.INTERNAL_NOTE, Visibility.INTERNAL, body, details));
            c.attach(files, Visibility.INTERNAL);
        });
    }

    /**
     * Runs one change by a channel of Baton's own: the channel has already decided that {@code actor} may write to the ticket,
     * so the ticket is loaded whoever sees it. Retried on a concurrent change.
     */
    Ticket changeByChannel(TicketNumber number, Actor actor, Consumer<TicketChange> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(transactions.execute(tx -> {
                    Ticket before = tickets.byNumber(number).orElseThrow(() -> new NotFound("ticket", number.value()));
                    TicketChange change = new TicketChange(before, null, actor, now());
                    work.accept(change);
                    return save(change);
                }));
            } catch (ConcurrentChange e) {
                if (attempt >= RETRIES) {
                    throw new StaleVersion("ticket", e.currentVersion);
                }
            }
        }
    }

    /**
     * Runs one change against the ticket as {@code user} sees it. Throws {@link NotFound} when the
     * ticket is not visible, {@link StaleVersion} when {@code expectedVersion} is not current.
     */
    Ticket change(CurrentUser user, TicketNumber number, @Nullable Long expectedVersion, Consumer<TicketChange> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(transactions.execute(tx -> once(user, number, expectedVersion, work)));
            } catch (ConcurrentChange e) {
                if (expectedVersion != null || attempt >= RETRIES) {
                    throw new StaleVersion("ticket", e.currentVersion);
                }
            }
        }
    }

    private Ticket once(CurrentUser user, TicketNumber number, @Nullable Long expectedVersion, Consumer<TicketChange> work) {
        Ticket before = tickets.visible(number, user).orElseThrow(() -> new NotFound("ticket", number.value()));
        if (expectedVersion != null && expectedVersion != before.version()) {
            throw new StaleVersion("ticket", before.version());
        }
        TicketChange change = new TicketChange(before, user, Actor.of(user), now());
        work.accept(change);
        return save(change);
    }

    /** Saves a change prepared by any command of this module (also used by intake, schedules and links). */
    Ticket save(TicketChange change) {
        if (change.entries().isEmpty()) {
            return change.before();
        }
        Ticket after = change.result();
        if (!tickets.update(after)) {
            throw new ConcurrentChange(tickets.byId(after.id()).map(Ticket::version).orElse(after.version() - 1));
        }
        timeline.append(after.id(), change.actor(), change.now(), change.entries());
        change.attached().forEach(a -> files.attach(after.id(), a.files(), a.visibility(), change.now()));
        outbox.enqueueAll(change.messages());
        change.events().forEach(events::publishEvent);
        return latest(after);
    }

    /** Inserts a ticket prepared by intake or a schedule: the change's result is the first version. */
    Ticket insert(TicketChange change, @Nullable UUID scheduleId, @Nullable LocalDate period) {
        Ticket created = forecast(change.result());
        tickets.insert(created, scheduleId, period);
        timeline.append(created.id(), change.actor(), change.now(), change.entries());
        change.attached().forEach(a -> files.attach(created.id(), a.files(), a.visibility(), change.now()));
        outbox.enqueueAll(change.messages());
        change.events().forEach(events::publishEvent);
        return latest(created);
    }

    /** The new ticket with its nearest service-level due instant, as the SLA module forecasts it. */
    private Ticket forecast(Ticket opening) {
        return forecast.map(f -> opening.withSlaDueAt(f.nearestDue(opening))).orElse(opening);
    }

    /** The ticket as its listeners left it (the SLA module records its nearest due instant), read from this transaction. */
    private Ticket latest(Ticket written) {
        return tickets.byId(written.id()).orElse(written);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---------------------------------------------------------------- status changes

    private void move(TicketChange c, ChangeStatus command) {
        Ticket t = c.before();
        CurrentUser user = Objects.requireNonNull(c.user());
        TicketStatus to = command.to();
        Lifecycle lifecycle = Lifecycle.of(t.type());
        if (!lifecycle.allows(t.status(), to)) {
            throw new Refused("invalid-transition", refusal(lifecycle, t, to));
        }
        if (user.isCustomer() && !customerMayMove(t.status(), to)) {
            throw new AccessDeniedException("customers may only withdraw a new ticket, or confirm or reopen a resolved one");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String reason = blankToNull(command.reason());
        if (to == TicketStatus.PENDING) {
            if (command.pendingReason() == null) {
                problems.add(new FieldProblem("pendingReason", "is required when the ticket becomes pending: one of "
                        + lifecycle.pendingReasons()));
            } else if (!lifecycle.pendingReasons().contains(command.pendingReason())) {
                problems.add(new FieldProblem("pendingReason", "a " + t.type().label().toLowerCase() + " cannot wait for "
                        + command.pendingReason() + "; one of " + lifecycle.pendingReasons()));
            }
        }
        if (to == TicketStatus.RESOLVED) {
            String code = blankToNull(command.resolutionCode());
            if (code == null) {
                problems.add(new FieldProblem("resolutionCode", "is required to resolve: one of " + lifecycle.resolutionCodes()));
            } else if (!lifecycle.resolutionCodes().contains(code)) {
                problems.add(new FieldProblem("resolutionCode", "is not a resolution of a " + t.type().label().toLowerCase()
                        + ": one of " + lifecycle.resolutionCodes()));
            }
            String notes = blankToNull(command.resolutionNotes());
            if (notes == null) {
                problems.add(new FieldProblem("resolutionNotes", "are required to resolve: say what was done"));
            } else if (notes.length() > 4000) {
                problems.add(new FieldProblem("resolutionNotes", "must be at most 4000 characters"));
            }
        }
        if ((to == TicketStatus.CANCELLED || Lifecycle.isReopen(t.status(), to)) && reason == null) {
            problems.add(new FieldProblem("reason", "is required to " + (to == TicketStatus.CANCELLED ? "cancel" : "reopen")
                    + " a ticket"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (t.status() == TicketStatus.NEW && to != TicketStatus.CANCELLED) {
            takeOwnershipIfUnowned(c, false);
        }
        if (to == TicketStatus.RESOLVED) {
            resolve(c, Objects.requireNonNull(command.resolutionCode()).strip(),
                    Objects.requireNonNull(command.resolutionNotes()).strip());
        } else {
            setStatus(c, to, command.pendingReason(), reason);
        }
    }

    /** Resolves the ticket; shared by the status change and first-contact resolution at intake. */
    void resolve(TicketChange c, String code, String notes) {
        resolve(c, code, notes, true);
    }

    void resolve(TicketChange c, String code, String notes, boolean mayCountAsFirstContact) {
        Ticket t = c.before();
        Ticket.Builder next = c.next();
        boolean firstContact = mayCountAsFirstContact && !t.handedOff() && !t.ownershipTransferred() && !t.reopened()
                && t.createdBy() != null && t.createdBy().equals(next.ownerId) && t.createdBy().equals(c.actor().id())
                && !Duration.between(t.createdAt(), c.now()).minus(firstContactWindow).isPositive();
        setStatus(c, TicketStatus.RESOLVED, null, null);
        next.resolutionCode = code;
        next.resolutionNotes = notes;
        next.resolvedAt = c.now();
        next.firstContactResolved = firstContact;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("resolutionCode", code);
        details.put("firstContactResolved", firstContact);
        c.record(new Timeline.Entry(EntryKind.RESOLVED, Visibility.PUBLIC, notes, details));
        c.raise(new TicketResolved(t.id(), t.number(), code, firstContact, c.now()));
        notices.tell(c, "RESOLVED", "Resolved",
                "Your ticket " + t.number() + " is resolved: " + notes
                        + " If it is not fixed for you, reply to reopen it; otherwise it will be closed.",
                Map.of("resolutionCode", code));
    }

    private void setStatus(TicketChange c, TicketStatus to, @Nullable PendingReason pendingReason, @Nullable String reason) {
        Ticket t = c.before();
        Ticket.Builder next = c.next();
        TicketStatus from = next.status;
        next.status = to;
        next.pendingReason = to == TicketStatus.PENDING ? pendingReason : null;
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", Timeline.Entry.beforeAfter(from, to));
        if (t.pendingReason() != next.pendingReason) {
            changes.put("pendingReason", Timeline.Entry.beforeAfter(t.pendingReason(), next.pendingReason));
        }
        c.record(new Timeline.Entry(EntryKind.STATUS_CHANGED, Visibility.PUBLIC, reason, Map.of("changes", changes)));
        if (!to.isOpen()) {
            next.nextUpdateDueAt = null;
        }
        if (to == TicketStatus.CLOSED || to == TicketStatus.CANCELLED) {
            next.closedAt = c.now();
            c.record(Timeline.Entry.of(EntryKind.CLOSED, Visibility.PUBLIC, reason));
        }
        if (Lifecycle.isReopen(from, to)) {
            next.reopened = true;
            next.firstContactResolved = false;
            next.resolutionCode = null;
            next.resolutionNotes = null;
            next.resolvedAt = null;
            c.record(Timeline.Entry.of(EntryKind.REOPENED, Visibility.PUBLIC, reason));
        }
        c.raise(new TicketStatusChanged(t.id(), t.number(), from, to, next.pendingReason, c.now()));
    }

    private static boolean customerMayMove(TicketStatus from, TicketStatus to) {
        return (from == TicketStatus.NEW && to == TicketStatus.CANCELLED)
                || (from == TicketStatus.RESOLVED && (to == TicketStatus.CLOSED || to == TicketStatus.IN_PROGRESS));
    }

    private static String refusal(Lifecycle lifecycle, Ticket t, TicketStatus to) {
        var next = lifecycle.next(t.status());
        String options = next.isEmpty() ? " It is final." : " It can become: " + String.join(", ", next.stream()
                .map(s -> s.label().toLowerCase(Locale.ROOT)).toList()) + ".";
        if (t.status() == to) {
            return t.number() + " is already " + to.label().toLowerCase(Locale.ROOT) + "." + options;
        }
        return article(t.type().label()) + " " + t.type().label().toLowerCase(Locale.ROOT) + " that is "
                + t.status().label().toLowerCase(Locale.ROOT) + " cannot become " + to.label().toLowerCase(Locale.ROOT) + "." + options;
    }

    private static String article(String word) {
        return "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "An" : "A";
    }

    // ---------------------------------------------------------------- ownership

    /** Total contact ownership: a staff member who moves a ticket on from New becomes its owner if it has none. */
    void takeOwnershipIfUnowned(TicketChange c, boolean markAssigned) {
        CurrentUser user = Objects.requireNonNull(c.user());
        if (c.next().ownerId == null && user.isStaff()) {
            assignOwner(c, user.id(), user.displayName());
        }
        if (markAssigned && c.next().status == TicketStatus.NEW) {
            setStatus(c, TicketStatus.ASSIGNED, null, null);
        }
    }

    void assignOwner(TicketChange c, UserId owner, String ownerName) {
        Ticket t = c.before();
        c.next().ownerId = owner;
        c.next().ownerName = ownerName;
        c.record(new Timeline.Entry(EntryKind.OWNER_ASSIGNED, Visibility.PUBLIC, ownerName + " owns this ticket.",
                Map.of("changes", Map.of("owner", Timeline.Entry.beforeAfter(null, owner)))));
        c.raise(new OwnershipTransferred(t.id(), t.number(), null, owner, c.now()));
    }

    private void transfer(TicketChange c, TransferOwnership command) {
        Ticket t = c.before();
        CurrentUser user = Objects.requireNonNull(c.user());
        if (t.status() == TicketStatus.CLOSED || t.status() == TicketStatus.CANCELLED) {
            throw new Refused("ticket-closed", t.number() + " is " + t.status().label().toLowerCase() + "; its owner no longer changes.");
        }
        if (command.ownerId() == null) {
            throw InvalidInput.of("ownerId", "is required: the agent who will own the ticket");
        }
        CurrentUser newOwner = directory.currentUser(command.ownerId())
                .filter(CurrentUser::isStaff)
                .orElseThrow(() -> InvalidInput.of("ownerId", "is not an active member of staff"));
        if (!newOwner.canSee(t.organizationId())) {
            throw InvalidInput.of("ownerId", newOwner.displayName() + " does not serve " + t.organizationName());
        }
        boolean coordinates = user.role() == Role.TEAM_LEAD || user.role() == Role.COORDINATOR || user.role() == Role.ADMIN;
        if (t.ownerId() == null) {
            if (!coordinates && !newOwner.id().equals(user.id())) {
                throw new AccessDeniedException("only team leads and coordinators assign a new ticket to someone else");
            }
            assignOwner(c, newOwner.id(), newOwner.displayName());
            if (c.next().status == TicketStatus.NEW) {
                setStatus(c, TicketStatus.ASSIGNED, null, null);
            }
        } else {
            String reason = blankToNull(command.reason());
            if (reason == null) {
                throw InvalidInput.of("reason", "is required: say why the ownership moves");
            }
            if (newOwner.id().equals(t.ownerId())) {
                throw InvalidInput.of("ownerId", newOwner.displayName() + " already owns " + t.number());
            }
            if (!coordinates && !user.id().equals(t.ownerId())) {
                throw new AccessDeniedException("only the owner, a team lead or a coordinator transfers ownership");
            }
            c.next().ownerId = newOwner.id();
            c.next().ownerName = newOwner.displayName();
            c.next().ownershipTransferred = true;
            c.record(new Timeline.Entry(EntryKind.OWNERSHIP_TRANSFERRED, Visibility.INTERNAL, reason,
                    Map.of("changes", Map.of("owner", Timeline.Entry.beforeAfter(t.ownerId(), newOwner.id())))));
            c.raise(new OwnershipTransferred(t.id(), t.number(), t.ownerId(), newOwner.id(), c.now()));
        }
        notices.tell(c, "OWNER_CHANGED", "Who is looking after your ticket",
                newOwner.displayName() + " is now responsible for your ticket " + t.number()
                        + " and will keep you informed until it is closed.",
                Map.of("owner", newOwner.displayName()));
    }

    // ---------------------------------------------------------------- hand-offs

    private void handOff(TicketChange c, HandOffTicket command) {
        Ticket t = c.before();
        if (!t.isOpen()) {
            throw new Refused("ticket-not-open", t.number() + " is " + t.status().label().toLowerCase()
                    + "; reopen it before handing it off.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        SupportGroup group = null;
        if (command.groupId() == null) {
            problems.add(new FieldProblem("groupId", "is required: the support group that takes the work"));
        } else {
            group = directory.supportGroup(command.groupId()).filter(SupportGroup::active).orElse(null);
            if (group == null) {
                problems.add(new FieldProblem("groupId", "is not an active support group"));
            } else if (!group.servesAllOrganizations() && !group.organizationIds().contains(t.organizationId())) {
                problems.add(new FieldProblem("groupId", group.name() + " does not serve " + t.organizationName()));
            }
        }
        String assigneeName = null;
        if (command.assigneeId() != null && group != null) {
            if (!group.memberIds().contains(command.assigneeId())) {
                problems.add(new FieldProblem("assigneeId", "is not a member of " + group.name()));
            } else {
                assigneeName = directory.user(command.assigneeId()).filter(u -> u.active())
                        .map(u -> u.displayName()).orElse(null);
                if (assigneeName == null) {
                    problems.add(new FieldProblem("assigneeId", "is not an active user"));
                }
            }
        }
        String reason = blankToNull(command.reason());
        if (reason == null) {
            problems.add(new FieldProblem("reason", "is required: say why the work moves"));
        }
        if (command.need() == null) {
            problems.add(new FieldProblem("need", "is required: what the group is asked for, one of "
                    + List.of(HandoffNeed.values())));
        }
        if (command.eta() == null) {
            problems.add(new FieldProblem("eta", "is required: when the customer can expect the group to be done"));
        } else if (!command.eta().isAfter(c.now())) {
            problems.add(new FieldProblem("eta", "must be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Objects.requireNonNull(group);
        Instant eta = Objects.requireNonNull(command.eta()).truncatedTo(ChronoUnit.MICROS);
        takeOwnershipIfUnowned(c, true);
        Ticket.Builder next = c.next();
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("workingGroup", Timeline.Entry.beforeAfter(t.workingGroupName(), group.name()));
        changes.put("assignee", Timeline.Entry.beforeAfter(t.assigneeName(), assigneeName));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("changes", changes);
        details.put("groupId", group.id().value().toString());
        details.put("assigneeId", command.assigneeId() == null ? null : command.assigneeId().value().toString());
        details.put("need", command.need().name());
        details.put("eta", eta.toString());
        next.workingGroupId = group.id();
        next.workingGroupName = group.name();
        next.assigneeId = command.assigneeId();
        next.assigneeName = assigneeName;
        next.handoffEta = eta;
        next.handedOff = true;
        c.record(new Timeline.Entry(EntryKind.HANDED_OFF, Visibility.INTERNAL, reason, details));
        c.raise(new TicketHandedOff(t.id(), t.number(), group.id(), command.assigneeId(), eta, c.actor().id(), c.now()));
        notices.tell(c, "HANDOFF", "Now with " + group.name(), handOffNotice(c, group.name(), command.need(), eta, next.ownerName),
                Map.of("group", group.name(), "eta", eta.toString(), "need", command.need().name()));
    }

    /**
     * What the customer is told about a hand-off. The hand-off preview on the ticket page shows this same text, so
     * that what an agent reads before sending and what the customer gets can never differ.
     */
    String handOffNotice(TicketChange c, String groupName, HandoffNeed need, Instant eta, @Nullable String ownerName) {
        String owner = Objects.requireNonNullElse(ownerName, "Your agent");
        return "Your ticket " + c.before().number() + " is now with " + groupName + " (" + need.label().toLowerCase()
                + "). They expect to be done by " + notices.when(c, eta.truncatedTo(ChronoUnit.MICROS)) + ". " + owner
                + " remains responsible for your ticket and will keep you informed.";
    }

    /**
     * The customer's hand-off notice as it would be sent if {@code user} handed the ticket off now; empty while the
     * group, need or ETA are still missing. Nothing is saved.
     */
    java.util.Optional<String> handOffPreview(CurrentUser user, TicketNumber number, @Nullable SupportGroupId groupId,
            @Nullable HandoffNeed need, @Nullable Instant eta) {
        requireStaff(user);
        Ticket t = tickets.visible(number, user).orElseThrow(() -> new NotFound("ticket", number.value()));
        if (groupId == null || need == null || eta == null) {
            return java.util.Optional.empty();
        }
        return directory.supportGroup(groupId).filter(SupportGroup::active).map(group -> {
            TicketChange c = new TicketChange(t, user, Actor.of(user), now());
            String owner = t.ownerName() != null ? t.ownerName() : user.isStaff() ? user.displayName() : null;
            return handOffNotice(c, group.name(), need, eta, owner);
        });
    }

    // ---------------------------------------------------------------- status updates

    private void statusUpdate(TicketChange c, PostStatusUpdate command) {
        Ticket t = c.before();
        if (!t.isOpen()) {
            throw new Refused("ticket-not-open", t.number() + " is " + t.status().label().toLowerCase()
                    + "; status updates are for open tickets.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String action = blankToNull(command.actionTaken());
        if (action == null) {
            problems.add(new FieldProblem("actionTaken", "is required: say what was done since the last update"));
        } else if (action.length() > 4000) {
            problems.add(new FieldProblem("actionTaken", "must be at most 4000 characters"));
        }
        String unknown = blankToNull(command.restorationUnknownReason());
        if (command.expectedRestorationAt() == null && unknown == null) {
            problems.add(new FieldProblem("expectedRestorationAt",
                    "is required; if it cannot be known yet, leave it out and give restorationUnknownReason"));
        } else if (command.expectedRestorationAt() != null && unknown != null) {
            problems.add(new FieldProblem("restorationUnknownReason", "must be left out when expectedRestorationAt is given"));
        } else if (command.expectedRestorationAt() != null && !command.expectedRestorationAt().isAfter(c.now())) {
            problems.add(new FieldProblem("expectedRestorationAt", "must be in the future"));
        }
        if (command.nextUpdateAt() == null) {
            problems.add(new FieldProblem("nextUpdateAt", "is required: when the customer will hear from the desk next"));
        } else if (!command.nextUpdateAt().isAfter(c.now())) {
            problems.add(new FieldProblem("nextUpdateAt", "must be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant nextUpdate = Objects.requireNonNull(command.nextUpdateAt()).truncatedTo(ChronoUnit.MICROS);
        Instant restoration = command.expectedRestorationAt() == null ? null
                : command.expectedRestorationAt().truncatedTo(ChronoUnit.MICROS);
        takeOwnershipIfUnowned(c, true);
        Ticket.Builder next = c.next();
        next.expectedRestorationAt = restoration;
        next.restorationUnknownReason = unknown;
        next.nextUpdateDueAt = nextUpdate;
        next.lastStatusUpdateAt = c.now();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("expectedRestorationAt", restoration == null ? null : restoration.toString());
        details.put("restorationUnknownReason", unknown);
        details.put("nextUpdateAt", nextUpdate.toString());
        c.record(new Timeline.Entry(EntryKind.STATUS_UPDATE, Visibility.PUBLIC, action, details));
        c.raise(new StatusUpdatePosted(t.id(), t.number(), nextUpdate, c.now()));
        String restorationText = restoration != null ? "We expect service to be restored by " + notices.when(c, restoration) + "."
                : "We cannot yet say when service will be restored: " + unknown + ".";
        Map<String, Object> facts = new LinkedHashMap<>(details);
        facts.put("actionTaken", action);
        notices.tell(c, "STATUS_UPDATE", "Status update",
                "Update on " + t.number() + ": " + action + " " + restorationText + " Next update by "
                        + notices.when(c, nextUpdate) + ".",
                facts);
    }

    // ---------------------------------------------------------------- helpers

    static void requireStaff(CurrentUser user) {
        if (!user.isStaff()) {
            throw new AccessDeniedException("only staff may do this");
        }
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The ticket changed between reading and saving; carries the version now stored. */
    static final class ConcurrentChange extends RuntimeException {
        final long currentVersion;

        ConcurrentChange(long currentVersion) {
            super(null, null, false, false);
            this.currentVersion = currentVersion;
        }
    }
}
