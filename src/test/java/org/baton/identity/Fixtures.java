package org.baton.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Test data in the desk's own words: {@code fixtures.organization()}, {@code fixtures.customerOf(org)},
 * {@code fixtures.agentIn(group)}, {@code fixtures.tokenFor(user)}. Every name is unique per call, so
 * tests sharing one database never collide. Every account's password is {@link #PASSWORD}.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    private final DirectoryAdministration admin;
    private final ApiTokens tokens;

    Fixtures(DirectoryAdministration admin, ApiTokens tokens) {
        this.admin = admin;
        this.tokens = tokens;
    }

    public static String unique(String stem) {
        return stem + RUN + SEQUENCE.incrementAndGet();
    }

    public Organization organization() {
        return organization(false);
    }

    /** An organization whose customers see each other's tickets. */
    public Organization organizationSharingTickets() {
        return organization(true);
    }

    private Organization organization(boolean shared) {
        String code = unique("O");
        return admin.createOrganization(new OrganizationDetails("Org " + code, code, List.of(code.toLowerCase() + ".example"), shared, true));
    }

    public SupportGroup groupServingAll() {
        return admin.createSupportGroup(new SupportGroupDetails(unique("Group "), SupportGroupKind.SERVICE_DESK, "", null, true,
                Set.of(), Set.of(), true));
    }

    public SupportGroup groupServing(Organization... organizations) {
        return admin.createSupportGroup(new SupportGroupDetails(unique("Group "), SupportGroupKind.FIELD_SERVICES, "", null, false,
                Arrays.stream(organizations).map(Organization::id).collect(Collectors.toSet()), Set.of(), true));
    }

    public User customerOf(Organization organization) {
        String name = unique("cust");
        return admin.createUser(new AccountDetails(name, name + "@" + organization.mailDomains().getFirst(), "Customer " + name,
                Role.CUSTOMER, organization.id(), "", "", "UTC", Set.of(), true), PASSWORD);
    }

    public User agentIn(SupportGroup... groups) {
        return staff(Role.AGENT, groups);
    }

    public User staff(Role role, SupportGroup... groups) {
        String name = unique(role.name().toLowerCase().replace('_', '-'));
        return admin.createUser(new AccountDetails(name, name + "@desk.example", "Staff " + name, role, null, "", "", "UTC",
                Arrays.stream(groups).map(SupportGroup::id).collect(Collectors.toSet()), true), PASSWORD);
    }

    public User admin() {
        return staff(Role.ADMIN);
    }

    /** A fresh personal API token of {@code user}; the secret, for an {@code Authorization: Bearer} header. */
    public String tokenFor(User user) {
        return tokens.issue(user.id(), "test token", null).secret();
    }

    public void deactivate(User user) {
        User current = admin.updateUser(user.id(), user.version(), new AccountDetails(user.username(), user.email(),
                user.displayName(), user.role(), user.organizationId(), user.phone(), user.location(), user.timeZone().getId(),
                user.groupIds(), false));
        assert !current.active();
    }
}
