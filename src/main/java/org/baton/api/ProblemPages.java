package org.baton.api;

import java.util.List;
import org.baton.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Serves the page behind each problem {@code type} URI, and an index of them all. */
@Controller
class ProblemPages {

    @GetMapping("/problems")
    String index(Model model) {
        model.addAttribute("types", List.of(ProblemType.values()));
        return "problems/index";
    }

    @GetMapping("/problems/{slug}")
    String page(@PathVariable String slug, Model model) {
        model.addAttribute("type", ProblemType.bySlug(slug).orElseThrow(() -> new NotFound("problem type", slug)));
        return "problems/page";
    }
}
