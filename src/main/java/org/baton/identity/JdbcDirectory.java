package org.baton.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory, and the visibility rules:
 *
 * <ul>
 *   <li>administrators and coordinators see every organization;
 *   <li>agents and team leads see the organizations their active support groups serve (every one,
 *       if any of their groups serves all);
 *   <li>a customer sees their own organization only, and within it their colleagues only when the
 *       organization shares ticket visibility.
 * </ul>
 */
@Service
@Transactional(readOnly = true)
class JdbcDirectory implements Directory {

    private final Users users;
    private final Organizations organizations;
    private final SupportGroups groups;

    JdbcDirectory(Users users, Organizations organizations, SupportGroups groups) {
        this.users = users;
        this.organizations = organizations;
        this.groups = groups;
    }

    @Override
    public Optional<User> user(UserId id) {
        return users.byId(id);
    }

    @Override
    public Set<UserId> activeStaffAmong(Collection<UserId> ids) {
        return users.activeStaffAmong(ids);
    }

    @Override
    public Optional<User> userByLogin(String login) {
        return users.byLogin(login);
    }

    @Override
    public Optional<CustomerContact> customerContact(UserId id) {
        return users.customerContact(id);
    }

    @Override
    public Optional<Organization> organization(OrganizationId id) {
        return organizations.byId(id);
    }

    @Override
    public Optional<Organization> organizationByMailDomain(String domain) {
        return organizations.byMailDomain(domain);
    }

    @Override
    public List<Organization> organizations() {
        return organizations.all();
    }

    @Override
    public Optional<SupportGroup> supportGroup(SupportGroupId id) {
        return groups.byId(id);
    }

    @Override
    public List<SupportGroup> supportGroups() {
        return groups.all();
    }

    @Override
    public List<User> activeStaff(Role role) {
        return users.activeStaff(role);
    }

    @Override
    public Optional<CurrentUser> currentUser(UserId id) {
        return users.byId(id).filter(User::active).map(this::asCurrentUser);
    }

    private CurrentUser asCurrentUser(User user) {
        OrganizationScope scope;
        boolean organizationWide = true;
        Set<SupportGroupId> groupIds = user.groupIds();
        switch (user.role()) {
            case ADMIN, COORDINATOR -> scope = OrganizationScope.ALL;
            case AGENT, TEAM_LEAD -> {
                List<SupportGroup> memberOf = groups.ofMember(user.id());
                if (memberOf.stream().anyMatch(SupportGroup::servesAllOrganizations)) {
                    scope = OrganizationScope.ALL;
                } else {
                    Set<OrganizationId> served = new HashSet<>();
                    memberOf.forEach(g -> served.addAll(g.organizationIds()));
                    scope = OrganizationScope.only(served);
                }
            }
            case CUSTOMER -> {
                OrganizationId own = user.organizationId();
                Optional<Organization> org = own == null ? Optional.empty() : organizations.byId(own).filter(Organization::active);
                scope = org.map(o -> OrganizationScope.only(Set.of(o.id()))).orElse(OrganizationScope.NONE);
                organizationWide = org.map(Organization::sharedTicketVisibility).orElse(false);
            }
            default -> throw new IllegalStateException("unknown role " + user.role());
        }
        return new CurrentUser(user.id(), user.username(), user.displayName(), user.email(), user.role(), user.organizationId(),
                user.timeZone(), groupIds, scope, organizationWide);
    }
}
