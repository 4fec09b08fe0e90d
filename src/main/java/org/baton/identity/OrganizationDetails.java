package org.baton.identity;

import java.util.List;

/** What an administrator enters for an organization, when creating or changing it. */
public record OrganizationDetails(String name, String code, List<String> mailDomains, boolean sharedTicketVisibility,
        boolean selfRegistration, boolean active) {

    public OrganizationDetails {
        mailDomains = List.copyOf(mailDomains);
    }

    /** Details without self-registration (it is off unless switched on). */
    public OrganizationDetails(String name, String code, List<String> mailDomains, boolean sharedTicketVisibility, boolean active) {
        this(name, code, mailDomains, sharedTicketVisibility, false, active);
    }
}
