package org.baton.mail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.baton.identity.AccountDetails;
import org.baton.identity.Directory;
import org.baton.identity.DirectoryAdministration;
import org.baton.identity.Organization;
import org.baton.identity.Role;
import org.baton.identity.User;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who wrote a mail: the user whose email address it is, or else a new customer account (no password; named after the
 * From display name) in the organization that owns the sender's mail domain, or else in the mailbox's organization.
 * When neither exists the message cannot be taken in ({@link Unplaceable}); it goes to failed intake.
 */
@Component
class InboundSenders {

    /** No organization for the sender: their domain belongs to none and the mailbox names none. */
    static final class Unplaceable extends RuntimeException {
        Unplaceable(String message) {
            super(message, null, false, false);
        }
    }

    private final Directory directory;
    private final DirectoryAdministration administration;

    InboundSenders(Directory directory, DirectoryAdministration administration) {
        this.directory = directory;
        this.administration = administration;
    }

    /** What the directory knows of an address: the user who signs in with it (as username or email), if any. */
    record Lookup(String address, Optional<User> byLogin) {
        /** The existing user with this email address, if any. */
        Optional<User> known() {
            return byLogin.filter(u -> u.email().equalsIgnoreCase(address));
        }
    }

    Lookup lookup(String address) {
        return new Lookup(address, directory.userByLogin(address));
    }

    /** The existing user with this email address, or a new customer for it. */
    User findOrCreate(Lookup sender, @Nullable String name, InboundMailSettings.Mailbox mailbox) {
        Optional<User> known = sender.known();
        if (known.isPresent()) {
            return known.get();
        }
        String address = sender.address();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        Organization organization = directory.organizationByMailDomain(domain).filter(Organization::active)
                .or(() -> mailboxOrganization(mailbox))
                .orElseThrow(() -> new Unplaceable("no organization for " + address + ": the domain " + domain
                        + " belongs to no organization and mailbox " + mailbox.label() + " names none; add the domain to an "
                        + "organization (or set the mailbox's organization) and retry"));
        String display = name != null && !name.isBlank() ? InboundParser.clip(name.strip(), 200) : address.substring(0, address.indexOf('@'));
        try {
            return administration.createUser(new AccountDetails(username(sender), address, display, Role.CUSTOMER, organization.id(),
                    "", "", "UTC", Set.of(), true), null);
        } catch (InvalidInput invalid) {
            throw new Unplaceable("cannot create a customer for " + address + ": " + invalid.getMessage());
        }
    }

    Optional<Organization> mailboxOrganization(InboundMailSettings.Mailbox mailbox) {
        String wanted = mailbox.organization();
        if (wanted == null || wanted.isBlank()) {
            return Optional.empty();
        }
        String key = wanted.strip();
        List<Organization> all = directory.organizations();
        return all.stream()
                .filter(o -> o.active() && (o.name().equalsIgnoreCase(key) || o.code().equalsIgnoreCase(key) || o.id().value().toString().equals(key)))
                .findFirst();
    }

    /** A username for the address: the address itself where the rules allow it, otherwise its allowed characters. */
    private String username(Lookup sender) {
        String address = sender.address().toLowerCase(Locale.ROOT);
        String base = address.replaceAll("[^a-z0-9.@_-]", "_");
        base = base.length() > 90 ? base.substring(0, 90) : base;
        // the lookup already asked for the address itself
        if (base.equals(address) ? sender.byLogin().isEmpty() : directory.userByLogin(base).isEmpty()) {
            return base;
        }
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
