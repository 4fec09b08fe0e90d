package org.baton.identity;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administration of user accounts: customers of organizations and members of staff. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private static final int PAGE = 50;
    private static final List<String> COMMON_ZONES = List.of("UTC", "Europe/London", "Europe/Berlin", "Europe/Paris",
            "America/New_York", "America/Chicago", "America/Los_Angeles", "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney");

    private final Users users;
    private final Organizations organizations;
    private final SupportGroups groups;
    private final DirectoryAdministration admin;

    UserAdminController(Users users, Organizations organizations, SupportGroups groups, DirectoryAdministration admin) {
        this.users = users;
        this.organizations = organizations;
        this.groups = groups;
        this.admin = admin;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String organizationId, @RequestParam(required = false) @Nullable String after,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Role roleFilter = parse(role, Role::valueOf);
        OrganizationId orgFilter = parse(organizationId, OrganizationId::parse);
        var rows = users.pageAll(new UserFilter(roleFilter, orgFilter, null, null, q), after, PAGE + 1);
        boolean more = rows.size() > PAGE;
        model.addAttribute("users", more ? rows.subList(0, PAGE) : rows);
        model.addAttribute("nextAfter", more ? rows.get(PAGE - 1).username() : null);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("role", roleFilter == null ? "" : roleFilter.name());
        model.addAttribute("organizationId", orgFilter == null ? "" : orgFilter.toString());
        model.addAttribute("roles", Role.values());
        model.addAttribute("organizations", organizations.all());
        model.addAttribute("organizationNames", organizations.all().stream().collect(Collectors.toMap(Organization::id, Organization::name)));
        model.addAttribute("groupNames", groups.all().stream().collect(Collectors.toMap(SupportGroup::id, SupportGroup::name)));
        return htmx != null ? "identity/users :: rows" : "identity/users";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, UserForm.blank(), null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute UserForm form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            User created = admin.createUser(form.details(), form.initialPassword());
            redirect.addFlashAttribute("notice", "User " + created.displayName() + " created"
                    + (form.initialPassword() == null ? "; set a password before they can sign in." : "."));
            return "redirect:/admin/users";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, null, FormErrors.of(invalid));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        User user = find(id);
        return form(model, UserForm.of(user), user, Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable String id, @ModelAttribute UserForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        User user = find(id);
        try {
            User saved = admin.updateUser(user.id(), form.expectedVersion(), form.details());
            redirect.addFlashAttribute("notice", "User " + saved.displayName() + " saved.");
            return "redirect:/admin/users";
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, form, user, FormErrors.of(invalid));
        } catch (StaleVersion stale) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", stale.getMessage());
            return form(model, form, user, Map.of());
        }
    }

    @PostMapping("/{id}/password")
    String setPassword(@PathVariable String id, @RequestParam(defaultValue = "") String password, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        User user = find(id);
        try {
            admin.setPassword(user.id(), password);
            redirect.addFlashAttribute("notice", "New password set for " + user.displayName() + "; any sign-in lockout is lifted.");
            return "redirect:/admin/users/" + user.id();
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("passwordError", FormErrors.of(invalid).get("password"));
            return form(model, UserForm.of(user), user, Map.of());
        }
    }

    private String form(Model model, UserForm form, @Nullable User existing, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("organizations", organizations.all());
        model.addAttribute("groups", groups.all());
        model.addAttribute("zones", COMMON_ZONES);
        model.addAttribute("allZones", ZoneId.getAvailableZoneIds().stream().sorted().toList());
        model.addAttribute("minPassword", DirectoryAdministration.MIN_PASSWORD_LENGTH);
        return "identity/user-form";
    }

    private User find(String id) {
        UserId userId = parse(id, UserId::parse);
        return (userId == null ? java.util.Optional.<User>empty() : users.byId(userId)).orElseThrow(() -> new NotFound("user", id));
    }

    private static <T> @Nullable T parse(@Nullable String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
