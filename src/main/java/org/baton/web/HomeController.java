package org.baton.web;

import java.util.Comparator;
import java.util.List;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.Organization;
import org.baton.identity.SupportGroup;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after sign-in: who you are, the groups you work in and the organizations you serve. */
@Controller
class HomeController {

    private final Directory directory;

    HomeController(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/")
    String home(CurrentUser me, Model model) {
        List<Organization> organizations = directory.organizations().stream()
                .filter(o -> me.canSee(o.id()))
                .filter(Organization::active)
                .sorted(Comparator.comparing(Organization::name))
                .toList();
        List<SupportGroup> groups = directory.supportGroups().stream()
                .filter(g -> me.groupIds().contains(g.id()))
                .toList();
        model.addAttribute("organizations", organizations);
        model.addAttribute("groups", groups);
        model.addAttribute("profile", directory.user(me.id()).orElseThrow());
        return "home";
    }
}
