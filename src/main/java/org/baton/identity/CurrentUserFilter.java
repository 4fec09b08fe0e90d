package org.baton.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.baton.api.ProblemType;
import org.baton.api.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the signed-in user from the directory (remembered for at most a moment, see {@link RecentPrincipals}) and leaves it as a request
 * attribute. A user deactivated since signing in is signed out here, on their next request.
 */
final class CurrentUserFilter extends OncePerRequestFilter {

    private final RecentPrincipals principals;
    private final ProblemWriter problems;
    private final boolean api;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    CurrentUserFilter(RecentPrincipals principals, ProblemWriter problems, boolean api) {
        this.principals = principals;
        this.problems = problems;
        this.api = api;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (request.getAttribute(CurrentUser.REQUEST_ATTRIBUTE) == null
                && authentication != null
                && authentication.getPrincipal() instanceof SignedInUser principal) {
            Optional<CurrentUser> user = principals.forUser(principal.userId());
            if (user.isEmpty()) {
                contexts.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                if (api) {
                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"baton\"");
                    problems.write(response, ProblemType.UNAUTHENTICATED, "This account is deactivated.", request.getRequestURI());
                } else {
                    response.sendRedirect(request.getContextPath() + "/sign-in?deactivated");
                }
                return;
            }
            request.setAttribute(CurrentUser.REQUEST_ATTRIBUTE, user.get());
        }
        chain.doFilter(request, response);
    }
}
