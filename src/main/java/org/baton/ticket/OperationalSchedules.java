package org.baton.ticket;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;
import static org.baton.shared.SqlValues.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.Organization;
import org.baton.identity.OrganizationId;
import org.baton.identity.Role;
import org.baton.identity.SupportGroup;
import org.baton.identity.SupportGroupId;
import org.baton.identity.UserId;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recurring operational work (monthly patching, a weekly bandwidth check): a schedule creates one
 * operational task per period, due when the period ends. Periods are calendar days in the
 * schedule's time zone. A period missed while Baton was down is created late rather than skipped,
 * and the unique (schedule, period) key makes sure that no period ever gets two tasks, however many
 * nodes run the sweep.
 */
@Service
class OperationalSchedules {

    private static final Logger log = LoggerFactory.getLogger(OperationalSchedules.class);
    private static final int MAX_CATCH_UP = 62;

    record Schedule(UUID id, String title, String description, OrganizationId organizationId, @Nullable SupportGroupId groupId,
            @Nullable UserId ownerId, Cadence cadence, int every, LocalDate firstPeriod, ZoneId timeZone, LocalDate nextPeriod,
            boolean active, Instant createdAt) {}

    record NewSchedule(@Nullable String title, @Nullable String description, @Nullable OrganizationId organizationId,
            @Nullable SupportGroupId groupId, @Nullable UserId ownerId, @Nullable Cadence cadence, @Nullable Integer every,
            @Nullable LocalDate firstPeriod, @Nullable String timeZone) {}

    private final JdbcClient jdbc;
    private final Directory directory;
    private final TicketDesk desk;
    private final Tickets tickets;
    private final TransactionTemplate transactions;

    OperationalSchedules(JdbcClient jdbc, Directory directory, TicketDesk desk, Tickets tickets, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.desk = desk;
        this.tickets = tickets;
        this.transactions = transactions;
    }

    Schedule create(CurrentUser user, NewSchedule command) {
        if (user.role() != Role.TEAM_LEAD && user.role() != Role.COORDINATOR && user.role() != Role.ADMIN) {
            throw new AccessDeniedException("team leads, coordinators and administrators set up schedules");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String title = TicketDesk.blankToNull(command.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "must not be blank"));
        } else if (title.length() > 250) {
            problems.add(new FieldProblem("title", "must be at most 250 characters"));
        }
        Organization org = command.organizationId() == null ? null
                : directory.organization(command.organizationId()).filter(o -> o.active() && user.canSee(o.id())).orElse(null);
        if (org == null) {
            problems.add(new FieldProblem("organizationId", "is required: an active organization you serve"));
        }
        if (command.groupId() != null) {
            SupportGroup group = directory.supportGroup(command.groupId()).filter(SupportGroup::active).orElse(null);
            if (group == null || (org != null && !group.servesAllOrganizations() && !group.organizationIds().contains(org.id()))) {
                problems.add(new FieldProblem("groupId", "is not an active support group serving the organization"));
            }
        }
        if (command.ownerId() != null) {
            boolean serves = directory.currentUser(command.ownerId())
                    .filter(CurrentUser::isStaff)
                    .map(owner -> org == null || owner.canSee(org.id()))
                    .orElse(false);
            if (!serves) {
                problems.add(new FieldProblem("ownerId", "is not an active member of staff serving the organization"));
            }
        }
        if (command.cadence() == null) {
            problems.add(new FieldProblem("cadence", "is required: DAILY, WEEKLY or MONTHLY"));
        }
        int every = Objects.requireNonNullElse(command.every(), 1);
        if (every < 1 || every > 366) {
            problems.add(new FieldProblem("every", "must be between 1 and 366"));
        }
        if (command.firstPeriod() == null) {
            problems.add(new FieldProblem("firstPeriod", "is required: the first day of the first period, e.g. 2026-12-01"));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(Objects.requireNonNullElse(command.timeZone(), "UTC"));
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "is not a time zone such as Europe/Berlin"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        UUID id = UUID.randomUUID();
        Instant now = desk.now();
        jdbc.sql("""
                insert into ticket_schedules (id, title, description, organization_id, working_group_id, owner_id, cadence, every_n,
                    first_period, time_zone, next_period, created_at)
                values (:id, :title, :description, :org, :group, :owner, :cadence, :every, :first, :zone, :first, :now)
                """)
                .param("id", id)
                .param("title", title)
                .param("description", Objects.requireNonNullElse(command.description(), "").strip())
                .param("org", Objects.requireNonNull(org).id().value())
                .param("group", command.groupId() == null ? null : command.groupId().value())
                .param("owner", command.ownerId() == null ? null : command.ownerId().value())
                .param("cadence", Objects.requireNonNull(command.cadence()).name())
                .param("every", every)
                .param("first", command.firstPeriod())
                .param("zone", Objects.requireNonNull(zone).getId())
                .param("now", timestamp(now))
                .update();
        return byId(id);
    }

    List<Schedule> visible(CurrentUser user) {
        TicketDesk.requireStaff(user);
        return jdbc.sql("select * from ticket_schedules order by title").query(OperationalSchedules::row).list().stream()
                .filter(s -> user.canSee(s.organizationId()))
                .toList();
    }

    Schedule byId(UUID id) {
        return jdbc.sql("select * from ticket_schedules where id = :id").param("id", id).query(OperationalSchedules::row).single();
    }

    /**
     * Creates the tasks of every period that has begun, for every active schedule; returns how many
     * were created. Run by one node at a time (a db-scheduler recurring task), and safe to run twice.
     */
    int createDueTasks(Instant now) {
        int created = 0;
        List<Schedule> due = jdbc.sql("select * from ticket_schedules where active = true order by next_period")
                .query(OperationalSchedules::row).list();
        for (Schedule schedule : due) {
            LocalDate today = now.atZone(schedule.timeZone()).toLocalDate();
            LocalDate period = schedule.nextPeriod();
            for (int i = 0; i < MAX_CATCH_UP && !period.isAfter(today); i++) {
                LocalDate current = period;
                LocalDate following = schedule.cadence().next(current, schedule.every());
                try {
                    if (Boolean.TRUE.equals(transactions.execute(tx -> createTask(schedule, current, following)))) {
                        created++;
                    }
                } catch (DuplicateKeyException e) {
                    log.debug("Period {} of schedule {} already has its task", current, schedule.id());
                }
                period = following;
            }
        }
        if (created > 0) {
            log.info("Created {} scheduled operational tasks", created);
        }
        return created;
    }

    private boolean createTask(Schedule schedule, LocalDate period, LocalDate following) {
        int advanced = jdbc.sql("update ticket_schedules set next_period = :following, version = version + 1 "
                        + "where id = :id and next_period = :period")
                .param("following", following).param("id", schedule.id()).param("period", period).update();
        if (advanced == 0) {
            return false; // another run got here first
        }
        Organization org = directory.organization(schedule.organizationId()).orElseThrow();
        String ownerName = schedule.ownerId() == null ? null
                : directory.user(schedule.ownerId()).filter(u -> u.active()).map(u -> u.displayName()).orElse(null);
        String groupName = schedule.groupId() == null ? null
                : directory.supportGroup(schedule.groupId()).map(SupportGroup::name).orElse(null);
        Instant at = desk.now();
        Ticket draft = Ticket.draft(tickets.nextNumber(TicketType.OPERATIONAL_TASK), TicketType.OPERATIONAL_TASK, Priority.PLANNED,
                null, null, org.id(), org.name(), null, "Scheduled task", "", "", Channel.SCHEDULE, "Scheduled",
                schedule.title() + " — " + label(schedule.cadence(), period), schedule.description(),
                groupName == null ? null : schedule.groupId(), groupName, following.atStartOfDay(schedule.timeZone()).toInstant(),
                null, at);
        TicketChange change = new TicketChange(draft, null, Actor.BATON, at);
        change.record(new Timeline.Entry(EntryKind.CREATED, Visibility.PUBLIC, draft.subject(),
                Map.of("type", draft.type().name(), "priority", draft.priority().name(), "channel", Channel.SCHEDULE.name(),
                        "schedule", schedule.id().toString(), "period", period.toString())));
        change.raise(new TicketOpened(draft.id(), draft.number(), draft.type(), draft.priority(), draft.organizationId(),
                ownerName == null ? null : schedule.ownerId(), at));
        if (ownerName != null) {
            desk.assignOwner(change, Objects.requireNonNull(schedule.ownerId()), ownerName);
            change.next().status = TicketStatus.ASSIGNED;
        }
        desk.insert(change, schedule.id(), period);
        return true;
    }

    private static String label(Cadence cadence, LocalDate period) {
        return switch (cadence) {
            case MONTHLY -> period.getYear() + "-" + String.format("%02d", period.getMonthValue());
            case WEEKLY -> "week of " + period;
            case DAILY -> period.toString();
        };
    }

    private static Schedule row(ResultSet rs, int n) throws SQLException {
        UUID group = uuid(rs, "working_group_id");
        UUID owner = uuid(rs, "owner_id");
        return new Schedule(requiredUuid(rs, "id"), rs.getString("title"), rs.getString("description"),
                new OrganizationId(requiredUuid(rs, "organization_id")), group == null ? null : new SupportGroupId(group),
                owner == null ? null : new UserId(owner), Cadence.valueOf(rs.getString("cadence")), rs.getInt("every_n"),
                rs.getObject("first_period", LocalDate.class), ZoneId.of(rs.getString("time_zone")),
                rs.getObject("next_period", LocalDate.class), rs.getBoolean("active"), requiredInstant(rs, "created_at"));
    }
}
