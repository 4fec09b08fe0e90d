package org.baton.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of the organizations the desk serves. */
@Controller
@RequestMapping("/admin/organizations")
class OrganizationAdminController {

    private static final int PAGE = 50;

    private final Organizations organizations;
    private final DirectoryAdministration admin;

    OrganizationAdminController(Organizations organizations, DirectoryAdministration admin) {
        this.organizations = organizations;
        this.admin = admin;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String after,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var rows = organizations.page(OrganizationScope.ALL, q, null, after, PAGE + 1);
        boolean more = rows.size() > PAGE;
        model.addAttribute("organizations", more ? rows.subList(0, PAGE) : rows);
        model.addAttribute("nextAfter", more ? rows.get(PAGE - 1).name() : null);
        model.addAttribute("q", q == null ? "" : q);
        return htmx != null ? "identity/organizations :: rows" : "identity/organizations";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, OrganizationForm.blank(), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute OrganizationForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Organization created = admin.createOrganization(form.details());
            redirect.addFlashAttribute("notice", "Organization " + created.name() + " created.");
            return "redirect:/admin/organizations";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, null, FormErrors.of(invalid));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        Organization org = find(id);
        return form(model, OrganizationForm.of(org), org, Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute OrganizationForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Organization org = find(id);
        try {
            Organization saved = admin.updateOrganization(org.id(), form.expectedVersion(), form.details());
            redirect.addFlashAttribute("notice", "Organization " + saved.name() + " saved.");
            return "redirect:/admin/organizations";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, org, FormErrors.of(invalid));
        } catch (StaleVersion stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", stale.getMessage());
            return form(model, form, org, Map.of());
        }
    }

    private String form(Model model, OrganizationForm form, @Nullable Organization existing, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        return "identity/organization-form";
    }

    private Organization find(String id) {
        try {
            return organizations.byId(OrganizationId.parse(id)).orElseThrow(() -> new NotFound("organization", id));
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound("organization", id);
        }
    }
}
