package org.baton.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An organization as the API shows it. */
@Schema(name = "Organization", description = "A client company the desk serves.")
record OrganizationResource(
        UUID id,
        @Schema(example = "Acme Corporation") String name,
        @Schema(example = "ACME", description = "Short unique code shown in queues.") String code,
        @Schema(example = "[\"acme.example\"]", description = "Mail from these domains belongs to this organization.")
                List<String> mailDomains,
        @Schema(description = "Whether its customers see each other's tickets, not only their own.") boolean sharedTicketVisibility,
        @Schema(description = "Whether people with an address of its mail domains may create their own portal account "
                + "(confirmed by email).") boolean selfRegistration,
        boolean active,
        Instant createdAt,
        @Schema(description = "Also sent as the ETag; send it back in If-Match to change the organization.", example = "0")
                long version) {

    static OrganizationResource of(Organization org) {
        return new OrganizationResource(org.id().value(), org.name(), org.code(), org.mailDomains(), org.sharedTicketVisibility(),
                org.selfRegistration(), org.active(), org.createdAt(), org.version());
    }
}
