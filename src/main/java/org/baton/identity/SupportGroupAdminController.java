package org.baton.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of support groups: what they do, whom they serve, who is in them. */
@Controller
@RequestMapping("/admin/support-groups")
class SupportGroupAdminController {

    private static final int MAX_STAFF_LISTED = 500;

    private final SupportGroups groups;
    private final Organizations organizations;
    private final Users users;
    private final DirectoryAdministration admin;

    SupportGroupAdminController(SupportGroups groups, Organizations organizations, Users users, DirectoryAdministration admin) {
        this.groups = groups;
        this.organizations = organizations;
        this.users = users;
        this.admin = admin;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("groups", groups.all());
        model.addAttribute("organizationCodes", organizations.all().stream()
                .collect(Collectors.toMap(Organization::id, Organization::code)));
        return "identity/support-groups";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, SupportGroupForm.blank(), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute SupportGroupForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            SupportGroup created = admin.createSupportGroup(form.details());
            redirect.addFlashAttribute("notice", "Support group " + created.name() + " created.");
            return "redirect:/admin/support-groups";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, null, FormErrors.of(invalid));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        SupportGroup group = find(id);
        return form(model, SupportGroupForm.of(group), group, Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute SupportGroupForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        SupportGroup group = find(id);
        try {
            SupportGroup saved = admin.updateSupportGroup(group.id(), form.expectedVersion(), form.details());
            redirect.addFlashAttribute("notice", "Support group " + saved.name() + " saved.");
            return "redirect:/admin/support-groups";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, group, FormErrors.of(invalid));
        } catch (StaleVersion stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", stale.getMessage());
            return form(model, form, group, Map.of());
        }
    }

    private String form(Model model, SupportGroupForm form, @Nullable SupportGroup existing, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", SupportGroupKind.values());
        model.addAttribute("organizations", organizations.all());
        List<User> staff = new ArrayList<>();
        for (Role role : List.of(Role.AGENT, Role.TEAM_LEAD, Role.COORDINATOR, Role.ADMIN)) {
            staff.addAll(users.pageAll(new UserFilter(role, null, null, true, null), null, MAX_STAFF_LISTED));
        }
        staff.sort(Comparator.comparing(User::displayName));
        model.addAttribute("staff", staff);
        return "identity/support-group-form";
    }

    private SupportGroup find(String id) {
        try {
            return groups.byId(SupportGroupId.parse(id)).orElseThrow(() -> new NotFound("support group", id));
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("support group", id);
        }
    }
}
