package org.baton.ticket;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.OrganizationId;
import org.baton.identity.Role;
import org.baton.identity.SupportGroup;
import org.baton.identity.SupportGroupId;
import org.baton.identity.User;
import org.baton.identity.UserId;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.Refused;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /team}: a team lead's view of their group's workload, member by member, each member's open tickets, and
 * the ownership transfer form ({@code POST /team/reassign}, through {@link TicketDesk#transferOwnership}). Team leads
 * see their own groups; coordinators and administrators choose any group with {@code ?group=}.
 */
@Controller
class TeamPageController {

    private final Workloads workloads;
    private final Tickets tickets;
    private final TicketDesk desk;
    private final Directory directory;
    private final Clock clock;

    TeamPageController(Workloads workloads, Tickets tickets, TicketDesk desk, Directory directory, Clock clock) {
        this.workloads = workloads;
        this.tickets = tickets;
        this.desk = desk;
        this.directory = directory;
        this.clock = clock;
    }

    /** A row of the workload table. */
    record MemberRow(String id, String name, String role, int owned, int assigned, int overdueUpdates, int breached, String href,
            boolean selected) {}

    /** A group the viewer may look at. */
    record GroupChoice(String id, String name, boolean selected) {}

    /** A possible new owner. */
    record OwnerChoice(String id, String name) {}

    /** The ownership transfer form as typed. */
    record ReassignForm(String number, String ownerId, String reason, String version) {}

    @GetMapping("/team")
    String team(CurrentUser user, @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable String member, @RequestParam(required = false) @Nullable String ticket,
            Model model) {
        requireLead(user);
        render(user, group, member, ticket, null, Map.of(), model);
        return "ticket/team";
    }

    @PostMapping("/team/reassign")
    String reassign(CurrentUser user, @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable String member, @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "") String ownerId, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String version, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        requireLead(user);
        ReassignForm form = new ReassignForm(number, ownerId, reason, version);
        TicketNumber ticketNumber = TicketNumber.parse(number).orElseThrow(() -> new NotFound("ticket", number));
        try {
            List<FieldProblem> problems = new ArrayList<>();
            UserId newOwner = null;
            if (ownerId.isBlank()) {
                problems.add(new FieldProblem("ownerId", "is required: the agent who will own the ticket"));
            } else {
                try {
                    newOwner = UserId.parse(ownerId.strip());
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("ownerId", "is not a member of staff"));
                }
            }
            if (reason.isBlank()) {
                problems.add(new FieldProblem("reason", "is required: say why the ownership moves"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            Long expected = version.isBlank() ? null : Long.valueOf(version.strip());
            Ticket saved = desk.transferOwnership(user, ticketNumber, expected,
                    new TicketDesk.TransferOwnership(newOwner, reason.strip()));
            redirect.addFlashAttribute("notice", saved.number() + " is now owned by " + saved.ownerName() + ".");
            return "redirect:" + href(group, member, null);
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
            render(user, group, member, number, form, errors, model);
            return "ticket/team";
        } catch (Refused refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", refused.getMessage());
            render(user, group, member, number, form, Map.of(), model);
            return "ticket/team";
        } catch (StaleVersion stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", ticketNumber + " changed after you opened this page; look again and retry.");
            render(user, group, member, number, null, Map.of(), model);
            return "ticket/team";
        } catch (NumberFormatException e) {
            throw new NotFound("ticket version", version);
        }
    }

    private void render(CurrentUser user, @Nullable String groupParam, @Nullable String memberParam, @Nullable String ticketParam,
            @Nullable ReassignForm form, Map<String, String> errors, Model model) {
        Instant now = clock.instant();
        List<SupportGroup> groups = groupsOf(user);
        SupportGroup group = groups.stream().filter(g -> g.id().toString().equals(groupParam)).findFirst()
                .orElse(groups.isEmpty() ? null : groups.getFirst());
        if (groupParam != null && !groupParam.isBlank() && (group == null || !group.id().toString().equals(groupParam))) {
            throw new AccessDeniedException("not a group this user leads");
        }
        String groupId = group == null ? null : group.id().toString();
        List<User> members = group == null ? List.of() : group.memberIds().stream().map(directory::user).flatMap(Optional::stream)
                .filter(User::active).sorted(Comparator.comparing(User::displayName)).toList();
        Map<UserId, Workloads.Load> loads = workloads.loads(user, members.stream().map(User::id).toList(), now).stream()
                .collect(Collectors.toMap(Workloads.Load::member, l -> l));
        User selected = members.stream().filter(m -> m.id().toString().equals(memberParam)).findFirst().orElse(null);
        List<MemberRow> rows = members.stream().map(m -> {
            Workloads.Load l = loads.getOrDefault(m.id(), new Workloads.Load(m.id(), 0, 0, 0, 0));
            return new MemberRow(m.id().toString(), m.displayName(), m.role().label(), l.owned(), l.assigned(), l.overdueUpdates(),
                    l.breached(), href(groupId, m.id().toString(), null), selected != null && selected.id().equals(m.id()));
        }).toList();
        model.addAttribute("groups", groups.stream().map(g -> new GroupChoice(g.id().toString(), g.name(), g == group)).toList());
        model.addAttribute("group", group == null ? null : new GroupChoice(group.id().toString(), group.name(), true));
        model.addAttribute("chooseGroup", groups.size() > 1);
        model.addAttribute("members", rows);
        model.addAttribute("member", selected == null ? null : selected.displayName());
        model.addAttribute("memberId", selected == null ? null : selected.id().toString());
        model.addAttribute("memberTickets", selected == null ? List.of()
                : workloads.openTicketsOf(user, selected.id()).stream().map(t -> new TicketLine(QueueRow.of(t, now),
                        href(groupId, selected.id().toString(), t.number().value()))).toList());
        Ticket target = null;
        if (ticketParam != null && !ticketParam.isBlank()) {
            target = TicketNumber.parse(ticketParam).flatMap(n -> tickets.visible(n, user))
                    .orElseThrow(() -> new NotFound("ticket", ticketParam));
        }
        model.addAttribute("target", target == null ? null : QueueRow.of(target, now));
        model.addAttribute("targetVersion", target == null ? null : Long.toString(target.version()));
        model.addAttribute("owners", target == null ? List.of() : ownersFor(target));
        model.addAttribute("form", form != null ? form
                : new ReassignForm(target == null ? "" : target.number().value(), "", "", target == null ? "" : Long.toString(target.version())));
        model.addAttribute("errors", errors);
        model.addAttribute("cancelHref", href(groupId, selected == null ? null : selected.id().toString(), null));
    }

    /** A ticket in the member's list, with the link that opens the transfer form for it. */
    record TicketLine(QueueRow row, String reassignHref) {}

    /** Staff who may own a ticket of this organization: members of the groups that serve it, and the coordinators. */
    private List<OwnerChoice> ownersFor(Ticket t) {
        OrganizationId org = t.organizationId();
        Set<UserId> ids = new java.util.LinkedHashSet<>();
        for (SupportGroup g : directory.supportGroups()) {
            if (g.active() && (g.servesAllOrganizations() || g.organizationIds().contains(org))) {
                ids.addAll(g.memberIds());
            }
        }
        directory.activeStaff(Role.COORDINATOR).forEach(u -> ids.add(u.id()));
        return ids.stream().filter(id -> !id.equals(t.ownerId())).map(directory::user).flatMap(Optional::stream)
                .filter(u -> u.active() && u.role().isStaff())
                .sorted(Comparator.comparing(User::displayName))
                .map(u -> new OwnerChoice(u.id().toString(), u.displayName() + " · " + u.role().label())).toList();
    }

    private List<SupportGroup> groupsOf(CurrentUser user) {
        List<SupportGroup> all = directory.supportGroups().stream().filter(SupportGroup::active)
                .sorted(Comparator.comparing(SupportGroup::name)).toList();
        if (user.role() == Role.TEAM_LEAD) {
            Set<SupportGroupId> mine = user.groupIds();
            return all.stream().filter(g -> mine.contains(g.id())).toList();
        }
        return all;
    }

    static String href(@Nullable String group, @Nullable String member, @Nullable String ticket) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/team");
        if (group != null) {
            b.queryParam("group", group);
        }
        if (member != null) {
            b.queryParam("member", member);
        }
        if (ticket != null) {
            b.queryParam("ticket", ticket);
        }
        return b.encode().build().toUriString();
    }

    private static void requireLead(CurrentUser user) {
        if (user.role() != Role.TEAM_LEAD && user.role() != Role.COORDINATOR && user.role() != Role.ADMIN) {
            throw new AccessDeniedException("the team page is for team leads and coordinators");
        }
    }
}
