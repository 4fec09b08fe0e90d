package org.baton.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.OrganizationId;
import org.baton.identity.SupportGroup;
import org.baton.identity.SupportGroupId;
import org.baton.identity.User;
import org.baton.identity.UserId;
import org.baton.shared.DemoMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, a first start also opens a handful of tickets in the states a desk sees every day
 * (handed off, pending approval, resolved at first contact, linked to a problem, a new portal
 * ticket nobody has taken yet), made through the same commands agents use. Runs after the demo
 * directory is loaded, and only into an empty ticket table.
 */
@Component
@Order(30)
class DemoTickets implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTickets.class);

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final TicketIntake intake;
    private final TicketDesk desk;
    private final TicketLinks links;
    private final OperationalSchedules schedules;

    DemoTickets(DemoMode demo, JdbcClient jdbc, Directory directory, TicketIntake intake, TicketDesk desk, TicketLinks links,
            OperationalSchedules schedules) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.directory = directory;
        this.intake = intake;
        this.desk = desk;
        this.links = links;
        this.schedules = schedules;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || directory.userByLogin("alice").isEmpty()
                || jdbc.sql("select count(*) from tickets").query(Long.class).single() > 0) {
            return;
        }
        CurrentUser alice = user("alice");
        CurrentUser bob = user("bob");
        CurrentUser colin = user("colin");
        CurrentUser tara = user("tara");
        CurrentUser carol = user("carol");
        User dan = account("dan");
        User erin = account("erin");
        User frank = account("frank");
        Instant now = desk.now();

        Ticket vpn = open(alice, TicketType.INCIDENT, "VPN drops every few minutes", "Since this morning the VPN disconnects every 5-10 minutes.",
                carol.id(), "Network", Impact.MEDIUM, Urgency.HIGH);
        desk.handOff(alice, vpn.number(), null, new TicketDesk.HandOffTicket(group("Network Operations"), null,
                "Concentrator logs show session resets for the London office.", HandoffNeed.EXPERTISE, hoursFrom(now, 4)));
        desk.postStatusUpdate(alice, vpn.number(), null, new TicketDesk.PostStatusUpdate(
                "Network Operations is analysing the VPN concentrator; a workaround (reconnect) is in place.", hoursFrom(now, 5), null,
                hoursFrom(now, 1)));

        Ticket problem = open(colin, TicketType.PROBLEM, "VPN concentrator resets sessions under load",
                "Several incidents from Northwind point at the concentrator.", null, "Network", Impact.HIGH, Urgency.MEDIUM,
                vpn.organizationId());
        links.link(alice, vpn.number(), LinkKind.CAUSED_BY, problem.number());

        Ticket laptop = open(bob, TicketType.SERVICE_REQUEST, "New laptop for a starter on 1 December",
                "Standard developer laptop for Sam Patel, starting in the Manchester depot.", dan.id(), "Hardware", Impact.LOW,
                Urgency.MEDIUM);
        desk.handOff(bob, laptop.number(), null, new TicketDesk.HandOffTicket(group("Procurement"), null,
                "Needs purchase approval before ordering.", HandoffNeed.APPROVAL, hoursFrom(now, 72)));
        desk.changeStatus(bob, laptop.number(), null, new TicketDesk.ChangeStatus(TicketStatus.PENDING, PendingReason.APPROVAL, null, null,
                null));

        open(alice, TicketType.SERVICE_REQUEST, "Password reset", "Locked out after the holidays.", erin.id(), "Accounts",
                Impact.LOW, Urgency.HIGH, null, "FULFILLED", "Reset the password on the call and confirmed that Erin can sign in.");

        Ticket printer = open(bob, TicketType.INCIDENT, "Label printer on ward 4 jams on every print", "", frank.id(), "Hardware",
                Impact.MEDIUM, Urgency.MEDIUM);
        desk.handOff(bob, printer.number(), null, new TicketDesk.HandOffTicket(group("Contoso On-site"), null,
                "Needs hands on the printer.", HandoffNeed.ON_SITE_VISIT, hoursFrom(now, 26)));

        Ticket teams = open(alice, TicketType.INCIDENT, "Teams calls have no sound", "Headset works in other apps.", frank.id(), "Software",
                Impact.LOW, Urgency.MEDIUM);
        desk.changeStatus(alice, teams.number(), null, new TicketDesk.ChangeStatus(TicketStatus.RESOLVED, null, "FIXED",
                "Reset the Teams audio device settings; test call worked.", null));

        intake.open(carol, new TicketIntake.OpenTicket(TicketType.INCIDENT, "Printer on 3rd floor offline",
                "The big printer by the kitchen shows 'offline' for everyone.", null, null, null, null, null, Channel.PORTAL, "Hardware",
                Impact.MEDIUM, Urgency.MEDIUM, null, null, null));

        schedules.create(tara, new OperationalSchedules.NewSchedule("Patch the Northwind file servers",
                "Apply the month's security updates to FS01 and FS02 and check the backups afterwards.", vpn.organizationId(),
                group("Service Desk"), tara.id(), Cadence.MONTHLY, 1, now.atZone(java.time.ZoneOffset.UTC).toLocalDate().withDayOfMonth(1),
                "Europe/London"));
        schedules.createDueTasks(now);
        log.info("Demo mode: opened the demo tickets");
    }

    private Ticket open(CurrentUser agent, TicketType type, String subject, String description, @Nullable UserId requester,
            String category, Impact impact, Urgency urgency) {
        return open(agent, type, subject, description, requester, category, impact, urgency, null);
    }

    private Ticket open(CurrentUser agent, TicketType type, String subject, String description, @Nullable UserId requester,
            String category, Impact impact, Urgency urgency, @Nullable OrganizationId organization) {
        return open(agent, type, subject, description, requester, category, impact, urgency, organization, null, null);
    }

    private Ticket open(CurrentUser agent, TicketType type, String subject, String description, @Nullable UserId requester,
            String category, Impact impact, Urgency urgency, @Nullable OrganizationId organization, @Nullable String resolutionCode,
            @Nullable String resolutionNotes) {
        return intake.open(agent, new TicketIntake.OpenTicket(type, subject, description, requester, null, null, null, organization,
                Channel.PHONE, category, impact, urgency, null, resolutionCode, resolutionNotes));
    }

    private CurrentUser user(String login) {
        return directory.currentUser(account(login).id()).orElseThrow();
    }

    private User account(String login) {
        return directory.userByLogin(login).orElseThrow();
    }

    private SupportGroupId group(String name) {
        return directory.supportGroups().stream().filter(g -> g.name().equals(name)).map(SupportGroup::id).findFirst().orElseThrow();
    }

    private static Instant hoursFrom(Instant now, int hours) {
        return now.plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MINUTES);
    }

}
