package org.baton.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.baton.identity.CurrentUser;
import org.baton.shared.DemoMode;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * What every page's layout needs: the signed-in user, demo mode, and the current path for navigation. They are added
 * to the model of a page once its controller has returned (never over a value the controller set, never to a
 * redirect, whose model would become query parameters), so that a request that renders no page, an API request,
 * pays nothing. As a {@code @ControllerAdvice} with {@code @ModelAttribute} methods, as until 2026-12-04, they ran for
 * every request, REST ones too: matching the advice to the controller, making a handler method per attribute and
 * invoking it took a tenth of Baton's Java samples under the API workload (JFR, bench/tickets.sh).
 */
@Configuration(proxyBeanMethods = false)
class LayoutAttributes implements WebMvcConfigurer, HandlerInterceptor {

    private final DemoMode demo;
    private final Clock clock;

    LayoutAttributes(DemoMode demo, Clock clock) {
        this.demo = demo;
        this.clock = clock;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable ModelAndView page) {
        if (page == null || !page.hasView() || page.getView() instanceof RedirectView
                || page.getViewName() != null && page.getViewName().startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)) {
            return;
        }
        ModelMap model = page.getModelMap();
        // when the page was made: live pages ask the live stream for the changes since then, so a change that commits
        // between rendering and the stream's start still refreshes the page (/js/live.js)
        model.putIfAbsent("renderedAt", clock.instant().toString());
        model.putIfAbsent("me", (CurrentUser) request.getAttribute(CurrentUser.REQUEST_ATTRIBUTE));
        model.putIfAbsent("demo", demo.enabled());
        // the id of this request (see RequestIdFilter), shown on error pages
        model.putIfAbsent("requestId", request.getAttribute(RequestIdFilter.HEADER));
        model.putIfAbsent("path", request.getRequestURI());
    }
}
