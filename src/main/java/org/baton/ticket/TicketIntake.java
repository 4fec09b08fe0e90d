package org.baton.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.baton.attachment.StoredAttachment;
import org.baton.identity.CurrentUser;
import org.baton.identity.CustomerContact;
import org.baton.identity.Directory;
import org.baton.identity.Organization;
import org.baton.identity.OrganizationId;
import org.baton.identity.UserId;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens tickets: numbers them, finds the requester and organization, sets the priority from the
 * matrix, and makes the member of staff who took the contact its owner. A ticket logged by an agent
 * who fixes it on the spot is resolved in the same step and marked first-contact-resolved.
 *
 * <p>With an {@code Idempotency-Key}, the first answer is stored with the ticket in the same
 * transaction; a retry with the same key and body gets that answer again and creates nothing, and a
 * retry with another body is refused.
 */
@Service
class TicketIntake {

    static final Duration KEY_LIFETIME = Duration.ofHours(24);

    record OpenTicket(@Nullable TicketType type, @Nullable String subject, @Nullable String description,
            @Nullable UserId requesterId, @Nullable String requesterName, @Nullable String requesterLocation,
            @Nullable String requesterContact, @Nullable OrganizationId organizationId, @Nullable Channel channel,
            @Nullable String category, @Nullable Impact impact, @Nullable Urgency urgency, @Nullable Instant dueAt,
            @Nullable String resolutionCode, @Nullable String resolutionNotes, List<StoredAttachment> attachments) {

        OpenTicket(@Nullable TicketType type, @Nullable String subject, @Nullable String description,
                @Nullable UserId requesterId, @Nullable String requesterName, @Nullable String requesterLocation,
                @Nullable String requesterContact, @Nullable OrganizationId organizationId, @Nullable Channel channel,
                @Nullable String category, @Nullable Impact impact, @Nullable Urgency urgency, @Nullable Instant dueAt,
                @Nullable String resolutionCode, @Nullable String resolutionNotes) {
            this(type, subject, description, requesterId, requesterName, requesterLocation, requesterContact, organizationId, channel,
                    category, impact, urgency, dueAt, resolutionCode, resolutionNotes, List.of());
        }

        /** This command with {@code files} attached to the new ticket (public: the requester sent them). */
        OpenTicket with(List<StoredAttachment> files) {
            return new OpenTicket(type, subject, description, requesterId, requesterName, requesterLocation, requesterContact,
                    organizationId, channel, category, impact, urgency, dueAt, resolutionCode, resolutionNotes, files);
        }
    }

    /** What a create answered; {@code replayed} when it is the stored answer to an earlier request with the same key. */
    record Answer(int status, @Nullable String location, String body, boolean replayed) {}

    private final TicketDesk desk;
    private final Tickets tickets;
    private final Directory directory;
    private final PriorityMatrix matrix;
    private final CustomerNotices notices;
    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;

    TicketIntake(TicketDesk desk, Tickets tickets, Directory directory, PriorityMatrix matrix, CustomerNotices notices,
            IdempotencyKeys keys, TransactionTemplate transactions) {
        this.desk = desk;
        this.tickets = tickets;
        this.directory = directory;
        this.matrix = matrix;
        this.notices = notices;
        this.keys = keys;
        this.transactions = transactions;
    }

    /** Opens a ticket without an idempotency key. */
    Ticket open(CurrentUser user, OpenTicket command) {
        return Objects.requireNonNull(transactions.execute(tx -> create(user, command, ChannelIntake.NONE)));
    }

    /**
     * How a channel of Baton's own (mail intake) opens a ticket for a customer: the channel (EMAIL) is allowed even though
     * customers may not name it through the API, {@code facts} are added to the CREATED entry's details, and the
     * RECEIVED notice goes out only when {@code notify}.
     */
    record ChannelIntake(boolean trusted, Map<String, ?> facts, boolean sendsNotice) {
        static final ChannelIntake NONE = new ChannelIntake(false, Map.of(), true);
    }

    /** Opens a ticket for a channel of Baton's own (see {@link ChannelIntake}), in the caller's transaction if there is one. */
    Ticket open(CurrentUser user, OpenTicket command, ChannelIntake channel) {
        return Objects.requireNonNull(transactions.execute(tx -> create(user, command, channel)));
    }

    /**
     * Opens a ticket once per {@code key}: {@code render} turns the new ticket into the answer that is
     * stored and replayed. {@code requestHash} identifies the request body.
     */
    Answer open(CurrentUser user, OpenTicket command, String key, String requestHash, Function<Ticket, Answer> render) {
        // No lookup of the key first: almost every key is new, and its unique row, inserted in the ticket's transaction,
        // refuses a key used before. That rolls the ticket back, and the earlier answer is replayed. A retry thus costs a
        // rolled-back create, and a first request one statement (and connection) less.
        for (int attempt = 1; ; attempt++) {
            try {
                return Objects.requireNonNull(transactions.execute(tx -> {
                    Ticket ticket = create(user, command, ChannelIntake.NONE);
                    Answer answer = render.apply(ticket);
                    keys.insert(user.id(), key, new IdempotencyKeys.Answer(requestHash, answer.status(), answer.location(),
                            answer.body(), desk.now()));
                    return answer;
                }));
            } catch (DuplicateKeyException e) {
                // a retry, or a concurrent request with the same key committed first: answer as it did; a key older than
                // its lifetime is forgotten by replay(), and the create is tried once more
                Optional<Answer> earlier = replay(user, key, requestHash);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                if (attempt > 1) {
                    throw e;
                }
            }
        }
    }

    /** Reports the problems of {@code command} as {@link #open} would, without opening anything (for a form's other errors). */
    void validate(CurrentUser user, OpenTicket command) {
        requester(user, command, false);
    }

    private Optional<Answer> replay(CurrentUser user, String key, String requestHash) {
        Optional<IdempotencyKeys.Answer> stored = keys.find(user.id(), key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyKeys.Answer answer = stored.get();
        if (answer.createdAt().isBefore(desk.now().minus(KEY_LIFETIME))) {
            keys.forget(user.id(), key);
            return Optional.empty();
        }
        if (!answer.requestHash().equals(requestHash)) {
            throw InvalidInput.of("Idempotency-Key", "was already used within 24 hours for a request with another body; "
                    + "use a new key for a new ticket");
        }
        return Optional.of(new Answer(answer.status(), answer.location(), answer.body(), true));
    }

    private Ticket create(CurrentUser user, OpenTicket command, ChannelIntake intake) {
        Requester requester = requester(user, command, intake.trusted());
        TicketType type = Objects.requireNonNull(command.type());
        Instant now = desk.now();
        Channel channel = command.channel() != null ? command.channel() : user.isStaff() ? Channel.PHONE : Channel.PORTAL;
        Impact impact = type == TicketType.OPERATIONAL_TASK ? null : Objects.requireNonNullElse(command.impact(), Impact.MEDIUM);
        Urgency urgency = type == TicketType.OPERATIONAL_TASK ? null : Objects.requireNonNullElse(command.urgency(), Urgency.MEDIUM);
        Ticket draft = Ticket.draft(tickets.nextNumber(type), type, matrix.of(type, impact, urgency), impact, urgency,
                requester.organizationId(), requester.organizationName(), requester.id(), requester.name(), requester.location(),
                requester.contact(), channel, Objects.requireNonNullElse(TicketDesk.blankToNull(command.category()), ""),
                Objects.requireNonNull(TicketDesk.blankToNull(command.subject())),
                Objects.requireNonNullElse(TicketDesk.blankToNull(command.description()), ""), null, null,
                command.dueAt() == null ? null : command.dueAt().truncatedTo(ChronoUnit.MICROS), user.id(), now);
        TicketChange change = new TicketChange(draft, user, Actor.of(user), now);
        change.requester(Optional.ofNullable(requester.account()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", type.name());
        details.put("priority", draft.priority().name());
        details.put("impact", impact == null ? null : impact.name());
        details.put("urgency", urgency == null ? null : urgency.name());
        details.put("channel", channel.name());
        details.put("category", draft.category());
        details.putAll(intake.facts());
        if (!command.attachments().isEmpty()) {
            details.put("attachments", TicketAttachments.details(command.attachments()));
            change.attach(command.attachments(), Visibility.PUBLIC);
        }
        change.record(new Timeline.Entry(EntryKind.CREATED, Visibility.PUBLIC, draft.subject(), details));
        change.raise(new TicketOpened(draft.id(), draft.number(), type, draft.priority(), draft.organizationId(),
                user.isStaff() && channel != Channel.MONITORING ? user.id() : null, now));
        if (user.isStaff() && channel != Channel.MONITORING) {
            desk.assignOwner(change, user.id(), user.displayName());
            change.next().status = TicketStatus.ASSIGNED;
        }
        String owner = change.next().ownerName;
        if (intake.sendsNotice()) {
            notices.tell(change, "RECEIVED", "We have your request",
                    "We have received your " + type.label().toLowerCase() + " \"" + draft.subject() + "\" as " + draft.number() + ". "
                            + (owner == null ? "An agent will take it shortly." : owner + " is responsible for it and will keep you informed."),
                    Map.of("subject", draft.subject()));
        }
        String code = TicketDesk.blankToNull(command.resolutionCode());
        if (code != null) {
            desk.resolve(change, code, Objects.requireNonNull(TicketDesk.blankToNull(command.resolutionNotes())));
        }
        return desk.insert(change, null, null);
    }

    /** Who asked, and for which organization; validates the whole command on the way. */
    private Requester requester(CurrentUser user, OpenTicket command, boolean trustedChannel) {
        List<FieldProblem> problems = new ArrayList<>();
        TicketType type = command.type();
        if (type == null) {
            problems.add(new FieldProblem("type", "is required: one of " + List.of(TicketType.values())));
        } else if (user.isCustomer() && (type == TicketType.PROBLEM || type == TicketType.OPERATIONAL_TASK)) {
            throw new AccessDeniedException("customers report incidents and ask for services");
        }
        String subject = TicketDesk.blankToNull(command.subject());
        if (subject == null) {
            problems.add(new FieldProblem("subject", "must not be blank"));
        } else if (subject.length() > 300) {
            problems.add(new FieldProblem("subject", "must be at most 300 characters"));
        }
        if (command.description() != null && command.description().length() > 20_000) {
            problems.add(new FieldProblem("description", "must be at most 20000 characters"));
        }
        if (command.category() != null && command.category().strip().length() > 120) {
            problems.add(new FieldProblem("category", "must be at most 120 characters"));
        }
        if (command.channel() == Channel.SCHEDULE) {
            problems.add(new FieldProblem("channel", "SCHEDULE is reserved for tickets created by schedules"));
        } else if (user.isCustomer() && command.channel() != null && command.channel() != Channel.PORTAL
                && command.channel() != Channel.API && !(trustedChannel && command.channel() == Channel.EMAIL)) {
            problems.add(new FieldProblem("channel", "a customer opens tickets through PORTAL or API"));
        }
        if (type == TicketType.OPERATIONAL_TASK && (command.impact() != null || command.urgency() != null)) {
            problems.add(new FieldProblem("impact", "operational tasks have the PLANNED priority class; leave out impact and urgency"));
        }
        if (command.dueAt() != null && type != TicketType.OPERATIONAL_TASK) {
            problems.add(new FieldProblem("dueAt", "is only for operational tasks"));
        }
        String code = TicketDesk.blankToNull(command.resolutionCode());
        String notes = TicketDesk.blankToNull(command.resolutionNotes());
        if (code != null || notes != null) {
            if (!user.isStaff()) {
                throw new AccessDeniedException("only staff resolve tickets");
            }
            if (type != null && !Lifecycle.of(type).allows(TicketStatus.NEW, TicketStatus.RESOLVED)) {
                problems.add(new FieldProblem("resolutionCode", "a " + type.label().toLowerCase() + " cannot be resolved on first contact"));
            } else if (type != null && code != null && !Lifecycle.of(type).resolutionCodes().contains(code)) {
                problems.add(new FieldProblem("resolutionCode", "is not a resolution of a " + type.label().toLowerCase() + ": one of "
                        + Lifecycle.of(type).resolutionCodes()));
            } else if (code == null) {
                problems.add(new FieldProblem("resolutionCode", "is required with resolutionNotes"));
            }
            if (notes == null) {
                problems.add(new FieldProblem("resolutionNotes", "are required to resolve on first contact: say what was done"));
            }
        }
        Requester requester = null;
        if (user.isCustomer()) {
            CustomerContact me = directory.customerContact(user.id()).orElseThrow();
            requester = new Requester(me.id(), me.organizationId(), me.organizationName(), me.displayName(), me.location(), me.email(), me);
        } else if (command.requesterId() != null) {
            Optional<CustomerContact> customer = directory.customerContact(command.requesterId())
                    .filter(c -> c.active() && c.organizationActive() && user.canSee(c.organizationId()));
            if (customer.isEmpty()) {
                problems.add(new FieldProblem("requesterId", "is not an active customer of an organization you serve"));
            } else {
                CustomerContact c = customer.get();
                requester = new Requester(c.id(), c.organizationId(), c.organizationName(), c.displayName(), c.location(), c.email(), c);
            }
        } else {
            Organization org = command.organizationId() == null ? null
                    : directory.organization(command.organizationId())
                            .filter(o -> o.active() && user.canSee(o.id()))
                            .orElse(null);
            if (command.organizationId() == null) {
                problems.add(new FieldProblem("organizationId", "is required when there is no requesterId"));
            } else if (org == null) {
                problems.add(new FieldProblem("organizationId", "is not an active organization you serve"));
            }
            String name = TicketDesk.blankToNull(command.requesterName());
            if (name == null && type != TicketType.OPERATIONAL_TASK && type != TicketType.PROBLEM) {
                problems.add(new FieldProblem("requesterName", "is required when there is no requesterId: who reported it"));
            }
            if (org != null) {
                requester = new Requester(null, org.id(), org.name(), name == null ? "" : name, "", "", null);
            }
        }
        if (!problems.isEmpty() || requester == null) {
            throw new InvalidInput(problems);
        }
        String location = TicketDesk.blankToNull(command.requesterLocation());
        String contact = TicketDesk.blankToNull(command.requesterContact());
        if (location != null && location.length() > 200) {
            throw InvalidInput.of("requesterLocation", "must be at most 200 characters");
        }
        if (contact != null && contact.length() > 254) {
            throw InvalidInput.of("requesterContact", "must be at most 254 characters");
        }
        return new Requester(requester.id(), requester.organizationId(), requester.organizationName(), requester.name(),
                location != null ? location : requester.location(), contact != null ? contact : requester.contact(),
                requester.account());
    }

    private record Requester(@Nullable UserId id, OrganizationId organizationId, String organizationName, String name, String location,
            String contact, @Nullable CustomerContact account) {}
}
