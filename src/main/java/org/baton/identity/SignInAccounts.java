package org.baton.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Accounts as sign-in sees them (by username or email address, ignoring case), and the lockout:
 * after {@code baton.security.lockout.max-failures} wrong passwords in a row an account refuses
 * every password for {@code baton.security.lockout.duration}. The sign-in page says the same
 * generic sentence in every case, so nobody learns which accounts exist or are locked.
 */
@Service
class SignInAccounts implements UserDetailsService {

    private final Users users;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    SignInAccounts(Users users, Clock clock,
            @Value("${baton.security.lockout.max-failures:5}") int maxFailures,
            @Value("${baton.security.lockout.duration:15m}") Duration lockout) {
        this.users = users;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    @Override
    public UserDetails loadUserByUsername(String login) {
        Users.Credentials account = users.credentials(login).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        Instant now = clock.instant();
        boolean unlocked = account.lockedUntil() == null || !account.lockedUntil().isAfter(now);
        return new SignedInUser(account.id(), account.username(), account.role(), account.passwordHash(),
                account.active() && account.passwordHash() != null, unlocked);
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String login) {
            users.credentials(login).ifPresent(account ->
                    users.recordFailedSignIn(account.id(), maxFailures, clock.instant().plus(lockout)));
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            users.recordSignIn(user.userId(), clock.instant());
        }
    }
}
