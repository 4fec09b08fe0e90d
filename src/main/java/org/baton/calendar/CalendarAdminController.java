package org.baton.calendar;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.Refused;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administration of business calendars: the list, the create and edit form (field errors keep the input and
 * save nothing; a concurrent change is a conflict notice), deleting, and the due-instant preview on a calendar's
 * page, which works as a plain form post and answers an htmx request with the result fragment alone.
 */
@Controller
@RequestMapping("/admin/calendars")
class CalendarAdminController {

    private static final int PAGE = 50;
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/") && !z.startsWith("Etc/")
            && !z.startsWith("SystemV/")).sorted().toList();

    private final Calendars calendars;
    private final CalendarAdministration administration;
    private final JdbcBusinessCalendars businessCalendars;
    private final Clock clock;

    CalendarAdminController(Calendars calendars, CalendarAdministration administration, JdbcBusinessCalendars businessCalendars,
            Clock clock) {
        this.calendars = calendars;
        this.administration = administration;
        this.businessCalendars = businessCalendars;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String after,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var rows = calendars.page(q, after, PAGE + 1);
        boolean more = rows.size() > PAGE;
        model.addAttribute("calendars", (more ? rows.subList(0, PAGE) : rows).stream().map(CalendarViews::row).toList());
        model.addAttribute("nextAfter", more ? rows.get(PAGE - 1).name() : null);
        model.addAttribute("q", q == null ? "" : q);
        return htmx != null ? "calendar/calendars :: rows" : "calendar/calendars";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, CalendarForm.blank(), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute CalendarForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            refuseMalformedRanges(form, null);
            BusinessCalendar created = administration.create(form.input());
            redirect.addFlashAttribute("notice", "Calendar " + created.name() + " created.");
            return "redirect:/admin/calendars/" + created.id();
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, null, CalendarForm.errors(invalid));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        BusinessCalendar calendar = find(id);
        return form(model, CalendarForm.of(calendar), calendar, Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute CalendarForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        BusinessCalendar calendar = find(id);
        try {
            refuseMalformedRanges(form, calendar.id());
            BusinessCalendar saved = administration.update(calendar.id(), form.expectedVersion(), form.input());
            redirect.addFlashAttribute("notice", "Calendar " + saved.name() + " saved.");
            return "redirect:/admin/calendars/" + saved.id();
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, calendar, CalendarForm.errors(invalid));
        } catch (StaleVersion stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", stale.getMessage());
            return form(model, form, calendar, Map.of());
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, @RequestParam(required = false) @Nullable Long version, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        BusinessCalendar calendar = find(id);
        try {
            administration.delete(calendar.id(), version);
            redirect.addFlashAttribute("notice", "Calendar " + calendar.name() + " deleted.");
            return "redirect:/admin/calendars";
        } catch (Refused refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", refused.getMessage());
            return form(model, CalendarForm.of(calendar), calendar, Map.of());
        } catch (StaleVersion stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", stale.getMessage());
            return form(model, CalendarForm.of(calendar), calendar, Map.of());
        }
    }

    @PostMapping("/{id}/preview")
    String preview(@PathVariable String id, @ModelAttribute PreviewForm preview, Model model,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, HttpServletResponse response) {
        BusinessCalendar calendar = find(id);
        CalendarTime time = businessCalendars.calendarTime(calendar.id()).orElseThrow(() -> new NotFound("calendar", id));
        model.addAttribute("previewForm", preview);
        try {
            model.addAttribute("preview", CalendarViews.preview(preview.on(calendar.id(), time)));
            model.addAttribute("previewErrors", Map.of());
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("previewErrors", CalendarForm.errors(invalid));
        }
        if (htmx != null) {
            model.addAttribute("existing", calendar);
            return "calendar/calendar-form :: preview";
        }
        return form(model, CalendarForm.of(calendar), calendar, Map.of());
    }

    /**
     * A weekday range that cannot be split is reported together with every other problem of the form (a missing
     * name, an unknown zone), as if the rules had seen it; "no opening hours" is left out, since some were typed.
     */
    private void refuseMalformedRanges(CalendarForm form, @Nullable CalendarId current) {
        List<FieldProblem> malformed = form.malformedRanges();
        if (malformed.isEmpty()) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>(malformed);
        administration.problems(form.input(), current).stream().filter(p -> !p.field().equals("weeklyHours")).forEach(problems::add);
        throw new InvalidInput(problems);
    }

    private String form(Model model, CalendarForm form, @Nullable BusinessCalendar existing, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("zones", ZONES);
        model.addAttribute("countries", CalendarViews.countries());
        String country = form.holidayCountry() == null ? "" : form.holidayCountry().strip();
        model.addAttribute("subdivisions", country.isEmpty() ? Map.of() : PublicHolidays.SHARED.subdivisions(country));
        if (existing != null) {
            model.addAttribute("summary", CalendarViews.row(existing));
            if (!model.containsAttribute("previewForm")) {
                model.addAttribute("previewForm", PreviewForm.startingAt(clock.instant(), existing.definition().zone()));
                model.addAttribute("previewErrors", Map.of());
            }
        }
        return "calendar/calendar-form";
    }

    private BusinessCalendar find(String id) {
        return calendars.byId(CalendarAccess.id(id)).orElseThrow(() -> new NotFound("calendar", id));
    }
}
