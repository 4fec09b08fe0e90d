package org.baton.identity;

import jakarta.servlet.http.HttpSession;
import org.baton.shared.DemoMode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; in demo mode it lists the demo accounts. */
@Controller
class SignInController {

    private final DemoMode demo;

    SignInController(DemoMode demo) {
        this.demo = demo;
    }

    @GetMapping("/sign-in")
    String signIn(@Nullable HttpSession session, Model model) {
        Object last = session == null ? null : session.getAttribute(SecurityConfiguration.LAST_USERNAME);
        model.addAttribute("username", last == null ? "" : last.toString());
        if (demo.enabled()) {
            model.addAttribute("demoAccounts", DemoDirectory.ACCOUNTS);
            model.addAttribute("demoPassword", DemoDirectory.PASSWORD);
        }
        return "sign-in";
    }
}
