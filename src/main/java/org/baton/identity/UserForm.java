package org.baton.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The user account form as typed; {@code password} is only used when creating an account. */
record UserForm(@Nullable String username, @Nullable String email, @Nullable String displayName, @Nullable String role,
        @Nullable String organizationId, @Nullable String phone, @Nullable String location, @Nullable String timeZone,
        @Nullable List<String> groupIds, @Nullable Boolean active, @Nullable String password, @Nullable Long version) {

    static UserForm blank() {
        return new UserForm("", "", "", Role.AGENT.name(), "", "", "", "UTC", List.of(), true, "", 0L);
    }

    static UserForm of(User u) {
        return new UserForm(u.username(), u.email(), u.displayName(), u.role().name(),
                u.organizationId() == null ? "" : u.organizationId().toString(), u.phone(), u.location(), u.timeZone().getId(),
                u.groupIds().stream().map(SupportGroupId::toString).toList(), u.active(), "", u.version());
    }

    AccountDetails details() {
        Role parsedRole;
        try {
            parsedRole = Role.valueOf(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("role", "choose a role");
        }
        OrganizationId org;
        try {
            org = organizationId == null || organizationId.isBlank() ? null : OrganizationId.parse(organizationId);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("organizationId", "choose an organization");
        }
        Set<SupportGroupId> groups;
        try {
            groups = groupIds == null ? Set.of() : groupIds.stream().map(SupportGroupId::parse).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("groupIds", "contains an unknown group");
        }
        return new AccountDetails(text(username), text(email), text(displayName), parsedRole, org, text(phone), text(location),
                text(timeZone), groups, Boolean.TRUE.equals(active));
    }

    @Nullable String initialPassword() {
        return password == null || password.isEmpty() ? null : password;
    }

    public boolean inGroup(Object id) {
        return groupIds != null && groupIds.contains(id.toString());
    }

    long expectedVersion() {
        return version == null ? -1 : version;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
