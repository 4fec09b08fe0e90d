package org.baton.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.baton.api.ProblemType;
import org.baton.api.ProblemWriter;
import org.baton.shared.DemoMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains. {@code /api/**} is stateless: personal API tokens ({@code Bearer}) and, where
 * switched on, HTTP Basic; every refusal is a problem document. Everything else is the browser UI:
 * form sign-in, a database-backed session (any node serves any request), CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String LAST_USERNAME = "BATON_LAST_USERNAME";

    private static final String[] PUBLIC = {
        "/sign-in", "/portal/register", "/portal/register/sent", "/portal/verify", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error", "/problems/**",
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui", "/swagger-ui/**", "/swagger-ui.html"
    };

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Spring Security's own observations of every request, off: with Actuator's observation registry it wrapped each
     * of the ~15 filters of a request in an observation of its own, and each authorization decision in another
     * (docs/performance.md, 2026-12-04). Requests are still timed as a whole ({@code http.server.requests}), and
     * authentications (sign-in with a password) are still observed.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).shouldObserveAuthorizations(false)
                .build();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                ROLE_ADMIN > ROLE_COORDINATOR
                ROLE_ADMIN > ROLE_TEAM_LEAD
                ROLE_COORDINATOR > ROLE_AGENT
                ROLE_TEAM_LEAD > ROLE_AGENT
                """);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, RecentPrincipals principals, ProblemWriter problems, DemoMode demo,
            @Value("${baton.security.basic-auth:auto}") String basicAuth) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"baton\"");
            problems.write(response, ProblemType.UNAUTHENTICATED,
                    "Send a personal API token as 'Authorization: Bearer <token>'.", request.getRequestURI());
        };
        http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .addFilterBefore(new BearerTokenFilter(principals, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new CurrentUserFilter(principals, problems, true), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((request, response, denied) -> problems.write(response, ProblemType.FORBIDDEN,
                                "Your role does not allow this action.", request.getRequestURI())))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        if (basicAuthEnabled(basicAuth, demo)) {
            http.httpBasic(b -> b.authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, RecentPrincipals principals, ProblemWriter problems) throws Exception {
        LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/sign-in");
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (request.getHeader("HX-Request") != null) {
                // htmx follows this header with a full-page navigation instead of swapping the sign-in page into a fragment
                response.setHeader("HX-Redirect", request.getContextPath() + "/sign-in");
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                signIn.commence(request, response, e);
            }
        };
        http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .successHandler(new LandingPage())
                        .failureHandler(new RememberingFailureHandler())
                        .permitAll())
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out").permitAll())
                .addFilterBefore(new CurrentUserFilter(principals, problems, false), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    static boolean basicAuthEnabled(String setting, DemoMode demo) {
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> demo.enabled();
        };
    }

    /**
     * Where sign-in lands: the page that was asked for before sign-in, else the portal's "my tickets" for a customer
     * and the start page for staff.
     */
    private static final class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

        LandingPage() {
            setDefaultTargetUrl("/");
        }

        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
            if (authentication.getPrincipal() instanceof SignedInUser user && user.role() == Role.CUSTOMER) {
                return "/portal";
            }
            return super.determineTargetUrl(request, response, authentication);
        }
    }

    /** Sends a failed sign-in back to the form with one generic message and the username kept. */
    private static final class RememberingFailureHandler extends SimpleUrlAuthenticationFailureHandler {

        RememberingFailureHandler() {
            super("/sign-in?error");
        }

        @Override
        public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException, jakarta.servlet.ServletException {
            String username = request.getParameter("username");
            if (username != null && username.length() <= 254) {
                request.getSession().setAttribute(LAST_USERNAME, username);
            }
            super.onAuthenticationFailure(request, response, e);
        }
    }
}
