package org.baton.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.baton.identity.CurrentUser;
import org.baton.shared.DemoMode;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in user, demo mode, and the current path for navigation. */
@ControllerAdvice(annotations = Controller.class)
class LayoutAttributes {

    private final DemoMode demo;
    private final Clock clock;

    LayoutAttributes(DemoMode demo, Clock clock) {
        this.demo = demo;
        this.clock = clock;
    }

    /**
     * When the page was made: live pages ask the live stream for the changes since then, so a change that commits
     * between rendering and the stream's start still refreshes the page ({@code /js/live.js}).
     */
    @ModelAttribute("renderedAt")
    String renderedAt() {
        return clock.instant().toString();
    }

    @ModelAttribute("me")
    @Nullable CurrentUser me(HttpServletRequest request) {
        return (CurrentUser) request.getAttribute(CurrentUser.REQUEST_ATTRIBUTE);
    }

    @ModelAttribute("demo")
    boolean demo() {
        return demo.enabled();
    }

    /** The id of this request (see {@link RequestIdFilter}), shown on error pages. */
    @ModelAttribute("requestId")
    @Nullable Object requestId(HttpServletRequest request) {
        return request.getAttribute(RequestIdFilter.HEADER);
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
