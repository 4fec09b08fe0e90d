package org.baton.sla;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baton.calendar.BusinessCalendars;
import org.baton.calendar.CalendarId;
import org.baton.identity.Directory;
import org.baton.identity.Organization;
import org.baton.identity.SupportGroup;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.StaleVersion;
import org.baton.ticket.PendingReason;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of SLA and OLA policies: a list, and one form per policy with its targets as a grid. */
@Controller
@RequestMapping("/admin/service-levels")
class PolicyAdminController {

    private final ServiceLevelPolicies policies;
    private final PolicyAdministration administration;
    private final Directory directory;
    private final BusinessCalendars calendars;

    PolicyAdminController(ServiceLevelPolicies policies, PolicyAdministration administration, Directory directory,
            BusinessCalendars calendars) {
        this.policies = policies;
        this.administration = administration;
        this.directory = directory;
        this.calendars = calendars;
    }

    /** A row of the list. */
    record PolicyRow(String id, String name, String kind, String appliesTo, String calendar, String warnings, String pauses, int targets) {}

    @GetMapping
    String list(Model model) {
        Map<String, String> orgs = new LinkedHashMap<>();
        directory.organizations().forEach(o -> orgs.put(o.id().toString(), o.name()));
        Map<String, String> groups = new LinkedHashMap<>();
        directory.supportGroups().forEach(g -> groups.put(g.id().toString(), g.name()));
        Map<CalendarId, String> calendarNames = calendars.names();
        List<PolicyRow> rows = new ArrayList<>();
        for (ServiceLevelPolicy p : policies.page(null, null, 1000)) {
            String appliesTo = p.kind() == PolicyKind.OLA ? groups.getOrDefault(String.valueOf(p.supportGroupId()), "—")
                    : (p.organizationId() == null ? "Every organization without its own" : orgs.getOrDefault(p.organizationId().toString(), "—"));
            rows.add(new PolicyRow(p.id().toString(), p.name(), p.kind().name(), appliesTo, calendarNames.getOrDefault(p.calendarId(), "—"),
                    String.join(" · ", p.warningPercents().stream().map(w -> w + " %").toList()),
                    String.join(", ", p.pauseOn().stream().map(PendingReason::label).sorted().toList()), p.targets().size()));
        }
        model.addAttribute("policies", rows);
        return "sla/policies";
    }

    @GetMapping("/new")
    String create(@RequestParam(defaultValue = "SLA") String kind, Model model) {
        return form(model, PolicyForm.blank("OLA".equalsIgnoreCase(kind) ? "OLA" : "SLA", CalendarId.TWENTY_FOUR_SEVEN.toString()), null,
                Map.of());
    }

    @PostMapping
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        PolicyForm form = PolicyForm.from(params);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> order = form.orderedCells();
        try {
            PolicyAdministration.PolicyInput input = form.input(order, errors);
            if (!errors.isEmpty()) {
                administration.validate(null, input);
                throw new InvalidInput(List.of());
            }
            ServiceLevelPolicy created = administration.create(input);
            redirect.addFlashAttribute("notice", "Policy " + created.name() + " created.");
            return "redirect:/admin/service-levels";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, null, errors(invalid, order, errors));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        ServiceLevelPolicy policy = find(id);
        return form(model, PolicyForm.of(policy), policy, Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ServiceLevelPolicy policy = find(id);
        PolicyForm form = PolicyForm.from(params);
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> order = form.orderedCells();
        try {
            PolicyAdministration.PolicyInput input = form.input(order, errors);
            if (!errors.isEmpty()) {
                administration.validate(policy.id(), input);
                throw new InvalidInput(List.of());
            }
            ServiceLevelPolicy saved = administration.replace(policy.id(), form.version(), input);
            redirect.addFlashAttribute("notice", "Policy " + saved.name() + " saved.");
            return "redirect:/admin/service-levels";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, policy, errors(invalid, order, errors));
        } catch (StaleVersion stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", "Someone else changed this policy after you opened it; your changes were not saved.");
            return form(model, form, policy, Map.of());
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, @RequestParam(defaultValue = "-1") long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        ServiceLevelPolicy policy = find(id);
        try {
            administration.delete(policy.id(), version);
            redirect.addFlashAttribute("notice", "Policy " + policy.name() + " deleted. Running clocks keep their targets.");
            return "redirect:/admin/service-levels";
        } catch (StaleVersion stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", "Someone else changed this policy after you opened it; it was not deleted.");
            return form(model, PolicyForm.of(policy), policy, Map.of());
        }
    }

    /** The rule problems, moved from {@code targets[i].x} to the grid cell they came from. */
    private static Map<String, String> errors(InvalidInput invalid, List<String> order, Map<String, String> formErrors) {
        Map<String, String> errors = new LinkedHashMap<>(formErrors);
        for (FieldProblem p : invalid.problems()) {
            String field = p.field();
            if (field.startsWith("targets[")) {
                int end = field.indexOf(']');
                int index = Integer.parseInt(field.substring("targets[".length(), end));
                field = index < order.size() ? "t_" + order.get(index) : "targets";
            } else if (field.equals("organizationId") || field.equals("supportGroupId") || field.equals("isDefault")) {
                field = "scope";
            } else if (field.startsWith("warningPercents")) {
                field = "warnings";
            } else if (field.startsWith("pauseOn")) {
                field = "pauseOn";
            }
            if (!(field.startsWith("t_") && errors.containsKey(field))) {
                errors.merge(field, p.message(), (a, b) -> a.equals(b) ? a : a + "; " + b);
            }
        }
        return errors;
    }

    private String form(Model model, PolicyForm form, @Nullable ServiceLevelPolicy existing, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("organizations", directory.organizations().stream().filter(Organization::active).toList());
        model.addAttribute("groups", directory.supportGroups().stream().filter(SupportGroup::active).toList());
        model.addAttribute("calendars", calendars.names());
        model.addAttribute("pendingReasons", PendingReason.values());
        model.addAttribute("types", PolicyForm.SLA_TYPES);
        model.addAttribute("priorities", PolicyForm.PRIORITIES);
        model.addAttribute("targets", form.ola() ? PolicyForm.OLA_TARGETS : PolicyForm.SLA_TARGETS);
        return "sla/policy-form";
    }

    private ServiceLevelPolicy find(String id) {
        try {
            return policies.byId(UUID.fromString(id)).orElseThrow(() -> new NotFound("service-level policy", id));
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("service-level policy", id);
        }
    }
}
