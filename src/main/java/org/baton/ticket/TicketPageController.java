package org.baton.ticket;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.Role;
import org.baton.identity.SupportGroup;
import org.baton.identity.SupportGroupId;
import org.baton.identity.User;
import org.baton.identity.UserId;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.baton.shared.Refused;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ticket page of the agent console (and, without internal entries, OLA targets and staff actions, of the
 * customer). Every action is a plain form post that redirects back with a notice, or re-renders the page with
 * field errors (422) or a conflict notice (409) and the typed input kept; htmx only enhances it. Each form
 * carries the ticket version it was rendered from, so nobody overwrites a change they have not seen.
 */
@Controller
@RequestMapping("/tickets/{number}")
class TicketPageController {

    private static final int TIMELINE_PAGE = 100;
    private static final String HTMX = "HX-Request";

    private final TicketViews views;
    private final Tickets tickets;
    private final Timeline timeline;
    private final TicketDesk desk;
    private final TicketLinks links;
    private final TicketPresence presence;
    private final Directory directory;
    private final ObjectProvider<TicketServiceLevels> serviceLevels;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    TicketPageController(TicketViews views, Tickets tickets, Timeline timeline, TicketDesk desk, TicketLinks links,
            TicketPresence presence, Directory directory, ObjectProvider<TicketServiceLevels> serviceLevels, JdbcClient jdbc,
            JsonMapper json, Clock clock) {
        this.views = views;
        this.tickets = tickets;
        this.timeline = timeline;
        this.desk = desk;
        this.links = links;
        this.presence = presence;
        this.directory = directory;
        this.serviceLevels = serviceLevels;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- reading

    @GetMapping
    String page(CurrentUser user, @PathVariable String number, @RequestParam(required = false) @Nullable String fragment,
            @RequestParam(required = false) @Nullable Long after, @RequestHeader(name = HTMX, required = false) @Nullable String htmx,
            Model model) {
        Ticket ticket = views.visible(user, number);
        if (user.isStaff() && fragment == null) {
            presence.beat(ticket.id(), user, TicketPresence.Activity.VIEWING);
        }
        render(model, user, ticket, TicketPage.Forms.blank(), after == null ? 0 : after);
        if ("live".equals(fragment)) {
            return "ticket/page :: live";
        }
        return htmx != null ? "ticket/page :: ticket-page" : "ticket/page";
    }

    @GetMapping("/presence")
    String presence(CurrentUser user, @PathVariable String number, Model model) {
        Ticket ticket = views.visible(user, number);
        TicketDesk.requireStaff(user);
        model.addAttribute("ticket", ticket);
        model.addAttribute("staff", true);
        model.addAttribute("presence", presence.others(ticket.id(), user));
        return "ticket/page :: presence";
    }

    /** A heartbeat: the viewer is still here, viewing or writing; answers with who else is. */
    @PostMapping("/presence")
    String heartbeat(CurrentUser user, @PathVariable String number, @RequestParam Map<String, String> input,
            @RequestHeader(name = HTMX, required = false) @Nullable String htmx, Model model) {
        Ticket ticket = views.visible(user, number);
        TicketDesk.requireStaff(user);
        presence.beat(ticket.id(), user, activity(input));
        if (htmx == null) {
            return "redirect:/tickets/" + ticket.number();
        }
        model.addAttribute("ticket", ticket);
        model.addAttribute("staff", true);
        model.addAttribute("presence", presence.others(ticket.id(), user));
        return "ticket/page :: presence";
    }

    /**
     * What the heartbeat says the viewer is doing: named by {@code activity}, or told by the form being typed in
     * (htmx sends the enclosing form's fields with a textarea's heartbeat).
     */
    static TicketPresence.Activity activity(Map<String, String> input) {
        if (input.containsKey("activity")) {
            return TicketPresence.Activity.parse(input.get("activity"));
        }
        if (input.containsKey("body")) {
            return "INTERNAL".equals(input.get("visibility")) ? TicketPresence.Activity.NOTE : TicketPresence.Activity.REPLY;
        }
        if (input.containsKey("actionTaken")) {
            return TicketPresence.Activity.STATUS_UPDATE;
        }
        if (input.containsKey("groupId")) {
            return TicketPresence.Activity.HANDOFF;
        }
        return TicketPresence.Activity.VIEWING;
    }

    /** The exact text the customer would get for this hand-off, as the hand-off form is filled in. */
    @GetMapping("/handoff-preview")
    String handoffPreview(CurrentUser user, @PathVariable String number, @RequestParam Map<String, String> input,
            @RequestHeader(name = HTMX, required = false) @Nullable String htmx, Model model) {
        Ticket ticket = views.visible(user, number);
        TicketDesk.requireStaff(user);
        model.addAttribute("handoffPreview", preview(user, ticket, input));
        if (htmx != null) {
            return "ticket/page :: handoff-preview";
        }
        render(model, user, ticket, new TicketPage.Forms("handoff", input, Map.of(), null, null), 0);
        return "ticket/page";
    }

    // ---------------------------------------------------------------- actions

    @PostMapping("/reply")
    String reply(CurrentUser user, @PathVariable String number, @RequestParam Map<String, String> input, Model model,
            RedirectAttributes redirect, HttpServletResponse response, @RequestHeader(name = HTMX, required = false) @Nullable String htmx) {
        boolean internal = "INTERNAL".equals(input.get("visibility"));
        return act(user, number, "reply", input, model, redirect, response, htmx, (ticket, version) -> {
            desk.comment(user, ticket.number(), version, new TicketDesk.AddComment(input.get("body"),
                    internal ? Visibility.INTERNAL : Visibility.PUBLIC));
            return internal ? "Internal note added." : "Reply sent to the customer.";
        });
    }

    @PostMapping("/status-update")
    String statusUpdate(CurrentUser user, @PathVariable String number, @RequestParam Map<String, String> input, Model model,
            RedirectAttributes redirect, HttpServletResponse response, @RequestHeader(name = HTMX, required = false) @Nullable String htmx) {
        return act(user, number, "status-update", input, model, redirect, response, htmx, (ticket, version) -> {
            List<FieldProblem> problems = new ArrayList<>();
            Instant restoration = TicketPage.local(input.get("expectedRestorationAt"), user.timeZone(), "expectedRestorationAt", problems);
            Instant next = TicketPage.local(input.get("nextUpdateAt"), user.timeZone(), "nextUpdateAt", problems);
            check(problems);
            desk.postStatusUpdate(user, ticket.number(), version, new TicketDesk.PostStatusUpdate(input.get("actionTaken"),
                    restoration, input.get("restorationUnknownReason"), next));
            return "Status update sent to the customer.";
        });
    }

    @PostMapping("/handoff")
    String handOff(CurrentUser user, @PathVariable String number, @RequestParam Map<String, String> input, Model model,
            RedirectAttributes redirect, HttpServletResponse response, @RequestHeader(name = HTMX, required = false) @Nullable String htmx) {
        return act(user, number, "handoff", input, model, redirect, response, htmx, (ticket, version) -> {
            Fields f = new Fields();
            List<FieldProblem> problems = new ArrayList<>();
            SupportGroupId group = f.id("groupId", input.get("groupId"), SupportGroupId::new);
            UserId assignee = f.id("assigneeId", input.get("assigneeId"), UserId::new);
            HandoffNeed need = f.enumValue("need", input.get("need"), HandoffNeed.class);
            Instant eta = TicketPage.local(input.get("eta"), user.timeZone(), "eta", problems);
            f.check();
            check(problems);
            Ticket after = desk.handOff(user, ticket.number(), version, new TicketDesk.HandOffTicket(group, assignee,
                    input.get("reason"), need, eta));
            return "Handed off to " + after.workingGroupName() + "; the customer was told.";
        });
    }

    @PostMapping("/handback")
    String handBack(CurrentUser user, @PathVariable String number, @RequestParam Map<String, String> input, Model model,
            RedirectAttributes redirect, HttpServletResponse response, @RequestHeader(name = HTMX, required = false) @Nullable String htmx) {
        return act(user, number, "handback", input, model, redirect, response, htmx, (ticket, version) -> {
            desk.handBack(user, ticket.number(), version, input.get("note"));
            return "Handed back to the owner.";
        });
    }

    @PostMapping("/accept-handoff")
    String acceptHandOff(CurrentUser user, @PathVariable String number, @RequestParam Map<String, String> input, Model model,
            RedirectAttributes redirect, HttpServletResponse response, @RequestHeader(name = HTMX, required = false) @Nullable String htmx) {
        return act(user, number, "accept-handoff", input, model, redirect, response, htmx, (ticket, version) -> {
            desk.acceptHandOff(user, ticket.number(), version);
            return "Hand-off accepted.";
        });
    }

    @PostMapping("/transfer")
    String transfer(CurrentUser user, @PathVariable String number, @RequestParam Map<String, String> input, Model model,
            RedirectAttributes redirect, HttpServletResponse response, @RequestHeader(name = HTMX, required = false) @Nullable String htmx) {
        return act(user, number, "transfer", input, model, redirect, response, htmx, (ticket, version) -> {
            Fields f = new Fields();
            UserId owner = f.id("ownerId", input.get("ownerId"), UserId::new);
            f.check();
            Ticket after = desk.transferOwnership(user, ticket.number(), version, new TicketDesk.TransferOwnership(owner,
                    input.get("reason")));
            return after.ownerName() + " now owns " + after.number() + ".";
        });
    }

    @PostMapping("/transition")
    String transition(CurrentUser user, @PathVariable String number, @RequestParam Map<String, String> input, Model model,
            RedirectAttributes redirect, HttpServletResponse response, @RequestHeader(name = HTMX, required = false) @Nullable String htmx) {
        Ticket current = views.visible(user, number);
        Fields f = new Fields();
        TicketStatus to = f.enumValue("to", input.get("to"), TicketStatus.class);
        String form = to == null ? "transition" : formOf(current.status(), to);
        return act(user, number, form, input, model, redirect, response, htmx, (ticket, version) -> {
            PendingReason pending = f.enumValue("pendingReason", input.get("pendingReason"), PendingReason.class);
            f.require("to", to, "is required: the status to move to");
            f.check();
            Ticket after = desk.changeStatus(user, ticket.number(), version, new TicketDesk.ChangeStatus(Objects.requireNonNull(to),
                    pending, input.get("resolutionCode"), input.get("resolutionNotes"), input.get("reason")));
            return after.number() + " is now " + after.status().label().toLowerCase() + ".";
        });
    }

    @PostMapping("/links")
    String link(CurrentUser user, @PathVariable String number, @RequestParam Map<String, String> input, Model model,
            RedirectAttributes redirect, HttpServletResponse response, @RequestHeader(name = HTMX, required = false) @Nullable String htmx) {
        return act(user, number, "link", input, model, redirect, response, htmx, (ticket, version) -> {
            Fields f = new Fields();
            LinkKind kind = f.enumValue("kind", input.get("kind"), LinkKind.class);
            TicketNumber target = f.ticketNumber("target", input.get("target"));
            f.require("kind", input.get("kind") == null || input.get("kind").isBlank() ? null : "", "is required: choose how they relate");
            f.require("target", input.get("target") == null || input.get("target").isBlank() ? null : "",
                    "is required: the other ticket's number");
            f.check();
            if (version != null && version != ticket.version()) {
                throw new StaleVersion("ticket", ticket.version());
            }
            links.link(user, ticket.number(), Objects.requireNonNull(kind), Objects.requireNonNull(target));
            return "Linked: " + TicketPage.linkLabel(kind.name()).toLowerCase() + " " + target + ".";
        });
    }

    // ---------------------------------------------------------------- how an action answers

    @FunctionalInterface
    interface Action {
        /** Runs the command against {@code ticket} with the version the form was rendered from; the notice to show. */
        String run(Ticket ticket, @Nullable Long version);
    }

    private String act(CurrentUser user, String number, String form, Map<String, String> input, Model model,
            RedirectAttributes redirect, HttpServletResponse response, @Nullable String htmx, Action action) {
        Ticket ticket = views.visible(user, number);
        Map<String, String> kept = new LinkedHashMap<>(input);
        kept.remove("_csrf");
        try {
            String notice = action.run(ticket, version(input.get("version")));
            redirect.addFlashAttribute("ticketNotice", notice);
            return "redirect:/tickets/" + ticket.number();
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            render(model, user, ticket, TicketPage.Forms.invalid(form, kept, invalid), 0);
        } catch (StaleVersion stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            Ticket now = views.visible(user, number);
            String who = lastActor(now, user);
            render(model, user, now, new TicketPage.Forms(form, kept, Map.of(), who + " changed this ticket while you were writing — "
                    + "your text is kept below; review the change and send again.", null), 0);
        } catch (Refused refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            render(model, user, views.visible(user, number), new TicketPage.Forms(form, kept, Map.of(), null, refused.getMessage()), 0);
        }
        if (form.equals("handoff")) {
            model.addAttribute("handoffPreview", preview(user, ticket, kept));
        }
        return htmx != null ? "ticket/page :: ticket-page" : "ticket/page";
    }

    private static @Nullable Long version(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private static String formOf(TicketStatus from, TicketStatus to) {
        return switch (to) {
            case RESOLVED -> "resolve";
            case PENDING -> "pending";
            case CLOSED -> "close";
            case CANCELLED -> "cancel";
            case IN_PROGRESS -> from == TicketStatus.RESOLVED ? "reopen" : "progress";
            default -> "transition";
        };
    }

    /** Who made the latest change the viewer may see ("Someone" when it was the system). */
    private String lastActor(Ticket ticket, CurrentUser viewer) {
        return jdbc.sql("select actor_name from ticket_events where ticket_id = :id" + (viewer.isStaff() ? "" : " and visibility = 'PUBLIC'")
                        + " order by id desc fetch first 1 rows only")
                .param("id", ticket.id().value())
                .query(String.class)
                .optional()
                .filter(name -> !name.isBlank())
                .orElse("Someone");
    }

    private @Nullable String preview(CurrentUser user, Ticket ticket, Map<String, String> input) {
        Fields f = new Fields();
        List<FieldProblem> problems = new ArrayList<>();
        SupportGroupId group = f.id("groupId", input.get("groupId"), SupportGroupId::new);
        HandoffNeed need = f.enumValue("need", input.get("need"), HandoffNeed.class);
        Instant eta = TicketPage.local(input.get("eta"), user.timeZone(), "eta", problems);
        return desk.handOffPreview(user, ticket.number(), group, need, eta).orElse(null);
    }

    // ---------------------------------------------------------------- the page's model

    private void render(Model model, CurrentUser user, Ticket ticket, TicketPage.Forms forms, long after) {
        Instant now = clock.instant();
        boolean staff = user.isStaff();
        model.addAttribute("ticket", ticket);
        model.addAttribute("forms", forms);
        model.addAttribute("staff", staff);
        model.addAttribute("nextUpdate", TicketPage.nextUpdate(ticket.isOpen() ? ticket.nextUpdateDueAt() : null, now));
        model.addAttribute("nextUpdateOverdue", ticket.nextUpdateOverdue(now));
        TicketServiceLevels levels = serviceLevels.getIfAvailable();
        model.addAttribute("chips", levels == null ? List.of() : TicketPage.chips(levels.countdowns(ticket.id(), now), now, !staff));
        List<TicketId> ids = new ArrayList<>();
        ids.add(ticket.id());
        ids.addAll(tickets.mergedInto(ticket.id()));
        List<TimelineEntry> entries = timeline.page(ids, staff, after, TIMELINE_PAGE + 1);
        boolean more = entries.size() > TIMELINE_PAGE;
        if (more) {
            entries = entries.subList(0, TIMELINE_PAGE);
        }
        Map<String, String> names = new LinkedHashMap<>();
        Function<String, String> userName = id -> names.computeIfAbsent(id, this::userName);
        model.addAttribute("timeline", entries.stream().map(e -> TicketPage.item(e, ticket.number(), json, user.timeZone(), userName))
                .map(i -> staff || !i.kind().equals("Customer notified") ? i
                        : new TicketPage.Item(i.id(), "Message to you", i.internal(), i.actor(), i.at(), i.body(), i.changes(), i.fromTicket(), i.fullText()))
                .toList());
        model.addAttribute("timelineAfter", after);
        model.addAttribute("timelineNext", more ? entries.getLast().id() : null);
        Lifecycle lifecycle = Lifecycle.of(ticket.type());
        Set<TicketStatus> next = lifecycle.next(ticket.status());
        boolean resolved = ticket.status() == TicketStatus.RESOLVED;
        model.addAttribute("canResolve", staff && next.contains(TicketStatus.RESOLVED));
        model.addAttribute("canPend", staff && next.contains(TicketStatus.PENDING));
        model.addAttribute("canProgress", staff && !resolved && next.contains(TicketStatus.IN_PROGRESS));
        model.addAttribute("canClose", resolved && next.contains(TicketStatus.CLOSED));
        model.addAttribute("canCancel", next.contains(TicketStatus.CANCELLED) && (staff || ticket.status() == TicketStatus.NEW));
        model.addAttribute("canReopen", resolved && next.contains(TicketStatus.IN_PROGRESS));
        model.addAttribute("canReply", ticket.status() != TicketStatus.CLOSED && ticket.status() != TicketStatus.CANCELLED);
        model.addAttribute("pendingReasons", lifecycle.pendingReasons());
        model.addAttribute("resolutionCodes", lifecycle.resolutionCodes());
        if (!staff) {
            return;
        }
        model.addAttribute("presence", presence.others(ticket.id(), user));
        model.addAttribute("links", links.links(user, ticket.number()).stream()
                .map(l -> new LinkRow(TicketPage.linkLabel(l.kind()), l.ticket(), l.subject(), l.status().label())).toList());
        model.addAttribute("linkKinds", LinkKind.values());
        model.addAttribute("needs", HandoffNeed.values());
        List<SupportGroup> groups = directory.supportGroups().stream().filter(SupportGroup::active)
                .filter(g -> g.servesAllOrganizations() || g.organizationIds().contains(ticket.organizationId()))
                .sorted(Comparator.comparing(SupportGroup::name)).toList();
        model.addAttribute("groups", groups);
        // every active member of staff, looked up once (not once per group member or candidate owner)
        java.util.Map<UserId, User> allStaff = new java.util.HashMap<>();
        for (Role role : List.of(Role.AGENT, Role.TEAM_LEAD, Role.COORDINATOR, Role.ADMIN)) {
            directory.activeStaff(role).forEach(u -> allStaff.put(u.id(), u));
        }
        List<Member> members = new ArrayList<>();
        for (SupportGroup g : groups) {
            g.memberIds().stream().map(allStaff::get).filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparing(User::displayName))
                    .forEach(u -> members.add(new Member(u.id().value().toString(), u.displayName(), g.id().value().toString(), g.name())));
        }
        model.addAttribute("members", members);
        boolean coordinates = user.role() == Role.TEAM_LEAD || user.role() == Role.COORDINATOR || user.role() == Role.ADMIN;
        boolean open = ticket.status() != TicketStatus.CLOSED && ticket.status() != TicketStatus.CANCELLED;
        model.addAttribute("canHandOff", ticket.isOpen());
        model.addAttribute("canHandBack", ticket.isOpen() && ticket.workingGroupId() != null);
        model.addAttribute("canAccept", ticket.isOpen() && ticket.workingGroupId() != null
                && (user.groupIds().contains(ticket.workingGroupId()) || coordinates));
        model.addAttribute("canTransfer", open && (coordinates || user.id().equals(ticket.ownerId()) || ticket.ownerId() == null));
        model.addAttribute("canUpdate", ticket.isOpen());
        if (open) {
            model.addAttribute("owners", owners(ticket, allStaff.values(), groups));
        }
    }

    /** A support group member, for the hand-off's assignee choice. */
    record Member(String id, String name, String groupId, String groupName) {}

    record LinkRow(String kind, String ticket, String subject, String status) {}

    record Owner(String id, String name) {}

    /**
     * The members of staff who may own the ticket: those who see its organization (administrators and coordinators
     * see all; others through an active group that serves it), as {@code CurrentUser.canSee} decides.
     */
    private static List<Owner> owners(Ticket ticket, java.util.Collection<User> staff, List<SupportGroup> serving) {
        java.util.Set<org.baton.identity.SupportGroupId> servingIds = new java.util.HashSet<>();
        serving.forEach(g -> servingIds.add(g.id()));
        List<Owner> owners = new ArrayList<>();
        for (User u : staff) {
            if (u.id().equals(ticket.ownerId())) {
                continue;
            }
            boolean seesAll = u.role() == Role.ADMIN || u.role() == Role.COORDINATOR;
            if (seesAll || u.groupIds().stream().anyMatch(servingIds::contains)) {
                owners.add(new Owner(u.id().value().toString(), u.displayName()));
            }
        }
        owners.sort(Comparator.comparing(Owner::name));
        return owners;
    }

    private String userName(String id) {
        try {
            return directory.user(new UserId(UUID.fromString(id))).map(User::displayName).orElse("someone");
        } catch (IllegalArgumentException e) {
            return id;
        }
    }
}
