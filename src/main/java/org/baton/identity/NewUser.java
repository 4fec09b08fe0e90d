package org.baton.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * What a client sends to create a user account. The role is read here rather than by the JSON
 * reader, so that an unknown role is a field problem (422) that names the roles there are.
 */
@Schema(name = "NewUser")
record NewUser(
        @Schema(example = "jdoe", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String username,
        @Schema(example = "jane.doe@acme.example", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String email,
        @Schema(example = "Jane Doe", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String displayName,
        @Schema(example = "CUSTOMER", requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"CUSTOMER", "AGENT", "TEAM_LEAD", "COORDINATOR", "ADMIN"}) @Nullable String role,
        @Schema(description = "Required for customers; ignored for staff.") @Nullable UUID organizationId,
        @Nullable String phone,
        @Nullable String location,
        @Schema(example = "Europe/Berlin", defaultValue = "UTC") @Nullable String timeZone,
        @Schema(description = "Support groups, for staff only.") @Nullable List<UUID> groupIds,
        @Schema(defaultValue = "true") @Nullable Boolean active,
        @Schema(description = "At least 10 characters; leave it out for an account that cannot sign in with a password yet.",
                accessMode = Schema.AccessMode.WRITE_ONLY) @Nullable String password) {

    AccountDetails details() {
        List<UUID> groups = groupIds == null ? List.of() : groupIds;
        if (groups.stream().anyMatch(Objects::isNull)) {
            throw InvalidInput.of("groupIds", "must not contain null");
        }
        return new AccountDetails(orEmpty(username), orEmpty(email), orEmpty(displayName), parsedRole(),
                organizationId == null ? null : new OrganizationId(organizationId), orEmpty(phone), orEmpty(location),
                orEmpty(timeZone), groups.stream().map(SupportGroupId::new).collect(Collectors.toSet()), !Boolean.FALSE.equals(active));
    }

    private Role parsedRole() {
        String known = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
        if (role == null || role.isBlank()) {
            throw InvalidInput.of("role", "is required: one of " + known);
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("role", "'" + role + "' is not a role; use one of " + known);
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
