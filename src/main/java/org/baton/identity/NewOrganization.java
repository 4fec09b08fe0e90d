package org.baton.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Objects;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** What a client sends to create an organization; missing fields are reported by name (422). */
@Schema(name = "NewOrganization")
record NewOrganization(
        @Schema(example = "Acme Corporation", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String name,
        @Schema(example = "ACME", requiredMode = Schema.RequiredMode.REQUIRED) @Nullable String code,
        @Schema(example = "[\"acme.example\"]") @Nullable List<String> mailDomains,
        @Schema(defaultValue = "false") @Nullable Boolean sharedTicketVisibility,
        @Schema(defaultValue = "false", description = "Let people of its mail domains register in the portal.") @Nullable Boolean selfRegistration,
        @Schema(defaultValue = "true") @Nullable Boolean active) {

    OrganizationDetails details() {
        List<String> domains = mailDomains == null ? List.of() : mailDomains;
        if (domains.stream().anyMatch(Objects::isNull)) {
            throw InvalidInput.of("mailDomains", "must not contain null");
        }
        return new OrganizationDetails(name == null ? "" : name, code == null ? "" : code, domains,
                Boolean.TRUE.equals(sharedTicketVisibility), Boolean.TRUE.equals(selfRegistration), !Boolean.FALSE.equals(active));
    }
}
