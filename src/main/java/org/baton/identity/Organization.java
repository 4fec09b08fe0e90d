package org.baton.identity;

import java.time.Instant;
import java.util.List;

/**
 * A client company the desk serves (an internal desk has one).
 *
 * @param code a short unique code shown in queues, e.g. {@code ACME}
 * @param mailDomains mail from these domains belongs to this organization
 * @param sharedTicketVisibility whether its customers see each other's tickets, not only their own
 * @param selfRegistration whether people with an address of its mail domains may create their own portal account
 */
public record Organization(
        OrganizationId id,
        String name,
        String code,
        List<String> mailDomains,
        boolean sharedTicketVisibility,
        boolean selfRegistration,
        boolean active,
        Instant createdAt,
        long version) {

    public Organization {
        mailDomains = List.copyOf(mailDomains);
    }
}
