package org.baton.ticket;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.OrganizationId;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The agent console's queues: tabs (mine, my groups, unassigned, near breach, pending, update overdue, and the
 * user's saved filters) with counts, a filter bar, and a keyset-paged table. With {@code HX-Request} only the
 * {@code #queue} region is returned, so switching tabs and filters and the live refresh swap just that. The counts
 * come from {@link QueueCounts}: a live refresh or tab switch within a few seconds of the last one, with no ticket
 * changed on this node in between, does not count again.
 */
@Controller
@RequestMapping("/queues")
class QueuePageController {

    static final int PAGE_SIZE = 50;

    private final Queues queues;
    private final QueueCounts counts;
    private final SavedQueueFilters saved;
    private final Directory directory;
    private final Clock clock;

    QueuePageController(Queues queues, QueueCounts counts, SavedQueueFilters saved, Directory directory, Clock clock) {
        this.queues = queues;
        this.counts = counts;
        this.saved = saved;
        this.directory = directory;
        this.clock = clock;
    }

    /** A tab: a built-in queue or a saved filter. */
    record QueueTab(String id, String label, String count, String href, boolean active, @Nullable UUID savedId) {}

    /** An organization in the filter bar. */
    record Choice(String value, String label) {}

    /** A sort button: the same queue in that order. */
    record SortLink(QueueSort sort, String href, boolean active) {}

    @GetMapping
    String queue(CurrentUser user, @RequestParam(required = false) @Nullable String view,
            @RequestParam(required = false) @Nullable String priority, @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String organization, @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String after, @RequestParam(required = false) @Nullable UUID saved,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        requireStaff(user);
        QueueQuery query = query(view, priority, type, organization, sort, after);
        render(user, query, saved, model);
        return htmx != null ? "ticket/queues :: queue" : "ticket/queues";
    }

    @PostMapping("/saved")
    String save(CurrentUser user, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String view, @RequestParam(required = false) @Nullable String priority,
            @RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String organization,
            @RequestParam(required = false) @Nullable String sort, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        requireStaff(user);
        QueueQuery query = query(view, priority, type, organization, sort, null);
        try {
            SavedQueueFilters.SavedFilter filter = saved.save(user.id(), name, query, clock.instant());
            redirect.addFlashAttribute("notice", "Saved filter " + filter.name() + " added to your tabs.");
            return "redirect:" + href(query, filter.id());
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("savedName", name == null ? "" : name);
            model.addAttribute("savedError", String.join("; ", invalid.problems().stream().map(FieldProblem::message).toList()));
            render(user, query, null, model);
            return "ticket/queues";
        }
    }

    @PostMapping("/saved/{id}/delete")
    String delete(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        requireStaff(user);
        SavedQueueFilters.SavedFilter filter = saved.find(user.id(), id)
                .orElseThrow(() -> new org.baton.shared.NotFound("saved filter", id.toString()));
        saved.delete(user.id(), id);
        redirect.addFlashAttribute("notice", "Saved filter " + filter.name() + " deleted.");
        return "redirect:/queues";
    }

    private void render(CurrentUser user, QueueQuery query, @Nullable UUID savedId, Model model) {
        Instant now = clock.instant();
        List<SavedQueueFilters.SavedFilter> mine = saved.of(user.id());
        boolean savedActive = savedId != null && mine.stream().anyMatch(f -> f.id().equals(savedId));
        List<QueueTab> tabs = new java.util.ArrayList<>();
        for (QueueView v : QueueView.values()) {
            QueueQuery tab = query.in(v);
            tabs.add(new QueueTab("count-" + v.key(), v.label(), shown(counts.count(user, tab)), href(tab, null),
                    !savedActive && v == query.view(), null));
        }
        for (SavedQueueFilters.SavedFilter f : mine) {
            tabs.add(new QueueTab("count-saved-" + f.id(), f.name(), shown(counts.count(user, f.query())), href(f.query(), f.id()),
                    savedActive && f.id().equals(savedId), f.id()));
        }
        Queues.Page page = queues.page(user, query, PAGE_SIZE, now);
        model.addAttribute("tabs", tabs);
        model.addAttribute("view", query.view());
        model.addAttribute("query", query);
        model.addAttribute("rows", page.tickets().stream().map(t -> QueueRow.of(t, now)).toList());
        model.addAttribute("nextHref", page.next() == null ? null : href(new QueueQuery(query.view(), query.priority(), query.type(),
                query.organizationId(), query.sort(), page.next()), savedActive ? savedId : null));
        model.addAttribute("firstHref", query.after() == null ? null : href(new QueueQuery(query.view(), query.priority(), query.type(),
                query.organizationId(), query.sort(), null), savedActive ? savedId : null));
        model.addAttribute("selfHref", href(query, savedActive ? savedId : null));
        model.addAttribute("savedId", savedActive ? savedId : null);
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("sorts", QueueSort.values());
        model.addAttribute("organizations", directory.organizations().stream().filter(o -> user.canSee(o.id()))
                .map(o -> new Choice(o.id().toString(), o.name())).toList());
        model.addAttribute("sortLinks", java.util.Arrays.stream(QueueSort.values())
                .map(sort -> new SortLink(sort, href(new QueueQuery(query.view(), query.priority(), query.type(), query.organizationId(),
                        sort, null), savedActive ? savedId : null), sort == query.sort()))
                .toList());
        if (!model.containsAttribute("savedName")) {
            model.addAttribute("savedName", "");
        }
    }

    /** The queue named by the request's parameters; unknown values fall back to the defaults instead of failing. */
    static QueueQuery query(@Nullable String view, @Nullable String priority, @Nullable String type, @Nullable String organization,
            @Nullable String sort, @Nullable String after) {
        QueueView v = view == null ? QueueView.MINE : QueueView.parse(view).orElse(QueueView.MINE);
        QueueSort s = sort == null ? v.defaultSort() : QueueSort.parse(sort).orElse(v.defaultSort());
        return new QueueQuery(v, enumOrNull(Priority.class, priority), enumOrNull(TicketType.class, type), organization(organization), s,
                after == null || after.isBlank() ? null : after);
    }

    static String href(QueueQuery q, @Nullable UUID savedId) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/queues").queryParam("view", q.view().key());
        if (q.priority() != null) {
            b.queryParam("priority", q.priority().name());
        }
        if (q.type() != null) {
            b.queryParam("type", q.type().name());
        }
        if (q.organizationId() != null) {
            b.queryParam("organization", q.organizationId().toString());
        }
        b.queryParam("sort", q.sort().key());
        if (q.after() != null) {
            b.queryParam("after", q.after());
        }
        if (savedId != null) {
            b.queryParam("saved", savedId.toString());
        }
        return b.encode().build().toUriString();
    }

    static String shown(int count) {
        return count >= Queues.COUNT_CAP ? (Queues.COUNT_CAP - 1) + "+" : Integer.toString(count);
    }

    private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, @Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable OrganizationId organization(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return OrganizationId.parse(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void requireStaff(CurrentUser user) {
        if (!user.isStaff()) {
            throw new AccessDeniedException("the agent console is for staff");
        }
    }
}
