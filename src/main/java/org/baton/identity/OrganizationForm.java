package org.baton.identity;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The organization form as typed: every value kept as text so that a page with errors shows exactly
 * what was entered. Mail domains are one per line or comma-separated.
 */
record OrganizationForm(@Nullable String name, @Nullable String code, @Nullable String mailDomains,
        @Nullable Boolean sharedTicketVisibility, @Nullable Boolean selfRegistration, @Nullable Boolean active, @Nullable Long version) {

    static OrganizationForm blank() {
        return new OrganizationForm("", "", "", false, false, true, 0L);
    }

    static OrganizationForm of(Organization org) {
        return new OrganizationForm(org.name(), org.code(), String.join("\n", org.mailDomains()), org.sharedTicketVisibility(),
                org.selfRegistration(), org.active(), org.version());
    }

    OrganizationDetails details() {
        List<String> domains = mailDomains == null ? List.of()
                : Arrays.stream(mailDomains.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        return new OrganizationDetails(name == null ? "" : name, code == null ? "" : code, domains,
                Boolean.TRUE.equals(sharedTicketVisibility), Boolean.TRUE.equals(selfRegistration), Boolean.TRUE.equals(active));
    }

    long expectedVersion() {
        return version == null ? -1 : version;
    }
}
