package org.baton.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal kept in the (database-backed) session: only the user's id, name and role. Everything
 * else is read fresh per request as a {@link CurrentUser}.
 */
final class SignedInUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String userId;
    private final String username;
    private final Role role;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final boolean unlocked;

    SignedInUser(UserId userId, String username, Role role, @Nullable String passwordHash, boolean enabled, boolean unlocked) {
        this.userId = userId.toString();
        this.username = username;
        this.role = role;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.unlocked = unlocked;
    }

    UserId userId() {
        return UserId.parse(userId);
    }

    Role role() {
        return role;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return unlocked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
