package org.baton.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.baton.api.ProblemType;
import org.baton.api.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} with a personal API token. A token that is
 * unknown, revoked, expired, or whose owner is deactivated ends the request with 401 at once.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final RecentPrincipals principals;
    private final ProblemWriter problems;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(RecentPrincipals principals, ProblemWriter problems) {
        this.principals = principals;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<CurrentUser> user = principals.forToken(header.substring(7).strip());
        if (user.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"baton\", error=\"invalid_token\"");
            problems.write(response, ProblemType.UNAUTHENTICATED, "The API token is unknown, revoked or expired.", request.getRequestURI());
            return;
        }
        CurrentUser current = user.get();
        SignedInUser principal = new SignedInUser(current.id(), current.username(), current.role(), null, true, true);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        contexts.setContext(context);
        request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, current);
        chain.doFilter(request, response);
    }
}
