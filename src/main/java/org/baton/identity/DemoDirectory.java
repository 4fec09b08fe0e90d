package org.baton.identity;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.baton.shared.DemoMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo desk: two client organizations with customers, the service desk and five escalation
 * groups, agents, a team lead, a coordinator and an administrator. Loaded only in demo mode and
 * only into an empty directory.
 */
@Component
@Order(10)
class DemoDirectory implements ApplicationRunner {

    static final String PASSWORD = "baton-demo";

    /** The demo accounts shown on the sign-in page, one per role and escalation group. */
    record DemoAccount(String username, String displayName, Role role, String what) {}

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "Ada Admin", Role.ADMIN, "manages organizations, users and groups"),
            new DemoAccount("colin", "Colin Coordinator", Role.COORDINATOR, "dispatches across all clients"),
            new DemoAccount("tara", "Tara Lead", Role.TEAM_LEAD, "leads the service desk"),
            new DemoAccount("alice", "Alice Agent", Role.AGENT, "service desk, first contact"),
            new DemoAccount("bob", "Bob Agent", Role.AGENT, "service desk, first contact"),
            new DemoAccount("felix", "Felix Field", Role.AGENT, "field services / on-site"),
            new DemoAccount("nina", "Nina Network", Role.AGENT, "network operations"),
            new DemoAccount("priya", "Priya Purchase", Role.AGENT, "procurement approval"),
            new DemoAccount("hana", "Hana Human", Role.AGENT, "HR approval"),
            new DemoAccount("victor", "Victor Vendor", Role.AGENT, "vendor liaison"),
            new DemoAccount("olga", "Olga Onsite", Role.AGENT, "on-site for Contoso Health only"),
            new DemoAccount("carol", "Carol Chen", Role.CUSTOMER, "Northwind Logistics (sees colleagues' tickets)"),
            new DemoAccount("dan", "Dan Dorsey", Role.CUSTOMER, "Northwind Logistics"),
            new DemoAccount("erin", "Erin Evans", Role.CUSTOMER, "Contoso Health (own tickets only)"),
            new DemoAccount("frank", "Frank Fischer", Role.CUSTOMER, "Contoso Health"));

    private static final Logger log = LoggerFactory.getLogger(DemoDirectory.class);

    private final DemoMode demo;
    private final Users users;
    private final DirectoryAdministration admin;
    private final TransactionTemplate transactions;

    DemoDirectory(DemoMode demo, Users users, DirectoryAdministration admin, TransactionTemplate transactions) {
        this.demo = demo;
        this.users = users;
        this.admin = admin;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || users.count() > 0) {
            return;
        }
        transactions.executeWithoutResult(status -> load());
        log.info("Demo mode: loaded the demo desk; sign in as any of {} with password '{}'",
                ACCOUNTS.stream().map(DemoAccount::username).toList(), PASSWORD);
    }

    private void load() {
        String hash = admin.hash(PASSWORD);
        Organization northwind = admin.createOrganization(
                new OrganizationDetails("Northwind Logistics", "NWL", List.of("northwind.example"), true, true, true));
        Organization contoso = admin.createOrganization(
                new OrganizationDetails("Contoso Health", "CON", List.of("contoso.example"), false, true));

        Map<String, SupportGroup> groups = new LinkedHashMap<>();
        groups.put("desk", group("Service Desk", SupportGroupKind.SERVICE_DESK, "First contact for every client: phone, mail and portal.", "desk@baton.example", null));
        groups.put("field", group("Field Services", SupportGroupKind.FIELD_SERVICES, "On-site visits: hardware, break-fix, cabling.", null, null));
        groups.put("network", group("Network Operations", SupportGroupKind.NETWORK, "Client networks, VPN, firewalls, Wi-Fi.", null, null));
        groups.put("procurement", group("Procurement", SupportGroupKind.PROCUREMENT, "Approves and orders devices, software and parts.", null, null));
        groups.put("hr", group("HR Approvals", SupportGroupKind.HR, "Approves onboarding, leavers and access changes.", null, null));
        groups.put("vendor", group("Vendor Liaison", SupportGroupKind.VENDOR_LIAISON, "Warranty cases and third-party vendors.", null, null));
        groups.put("contoso-onsite", group("Contoso On-site", SupportGroupKind.FIELD_SERVICES, "Resident engineer at Contoso Health.", null, contoso.id()));

        staff(hash, "admin", "Ada Admin", Role.ADMIN, "UTC");
        staff(hash, "colin", "Colin Coordinator", Role.COORDINATOR, "Europe/London");
        staff(hash, "tara", "Tara Lead", Role.TEAM_LEAD, "Europe/London", groups.get("desk"));
        staff(hash, "alice", "Alice Agent", Role.AGENT, "Europe/London", groups.get("desk"));
        staff(hash, "bob", "Bob Agent", Role.AGENT, "Europe/London", groups.get("desk"));
        staff(hash, "felix", "Felix Field", Role.AGENT, "Europe/Berlin", groups.get("field"));
        staff(hash, "nina", "Nina Network", Role.AGENT, "Europe/Berlin", groups.get("network"));
        staff(hash, "priya", "Priya Purchase", Role.AGENT, "Europe/London", groups.get("procurement"));
        staff(hash, "hana", "Hana Human", Role.AGENT, "Europe/London", groups.get("hr"));
        staff(hash, "victor", "Victor Vendor", Role.AGENT, "America/New_York", groups.get("vendor"));
        staff(hash, "olga", "Olga Onsite", Role.AGENT, "Europe/Berlin", groups.get("contoso-onsite"));

        customer(hash, "carol", "Carol Chen", northwind, "+44 20 7946 0101", "London HQ, 3rd floor");
        customer(hash, "dan", "Dan Dorsey", northwind, "+44 161 496 0202", "Manchester depot");
        customer(hash, "erin", "Erin Evans", contoso, "+49 30 901820", "Berlin clinic, reception");
        customer(hash, "frank", "Frank Fischer", contoso, "+49 89 2190 3030", "Munich lab");
    }

    private SupportGroup group(String name, SupportGroupKind kind, String description, @Nullable String email,
            @Nullable OrganizationId onlyFor) {
        return admin.createSupportGroup(new SupportGroupDetails(name, kind, description, email, onlyFor == null,
                onlyFor == null ? Set.of() : Set.of(onlyFor), Set.of(), true));
    }

    private void staff(String hash, String username, String name, Role role, String zone, SupportGroup... groups) {
        Set<SupportGroupId> ids = Arrays.stream(groups).map(SupportGroup::id).collect(Collectors.toSet());
        admin.createUserWithPasswordHash(
                new AccountDetails(username, username + "@baton.example", name, role, null, "", "", zone, ids, true), hash);
    }

    private void customer(String hash, String username, String name, Organization org, String phone, String location) {
        String domain = org.mailDomains().getFirst();
        admin.createUserWithPasswordHash(new AccountDetails(username, username + "@" + domain, name, Role.CUSTOMER, org.id(), phone,
                location, "Europe/London", Set.of(), true), hash);
    }
}
