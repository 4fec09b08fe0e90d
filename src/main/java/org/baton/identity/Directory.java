package org.baton.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Read-only look-ups of organizations, users and support groups, for every module. */
public interface Directory {

    Optional<User> user(UserId id);

    /** The user whose username or email address is {@code login}, ignoring case. */
    Optional<User> userByLogin(String login);

    /** The customer with this id and their organization, in one look-up; empty for staff and unknown ids. */
    Optional<CustomerContact> customerContact(UserId id);

    Optional<Organization> organization(OrganizationId id);

    /** The organization that owns a mail domain such as {@code acme.example}, ignoring case. */
    Optional<Organization> organizationByMailDomain(String domain);

    List<Organization> organizations();

    Optional<SupportGroup> supportGroup(SupportGroupId id);

    List<SupportGroup> supportGroups();

    /** Those of {@code ids} who are active members of staff (in one look-up, however many there are). */
    Set<UserId> activeStaffAmong(Collection<UserId> ids);

    /** The active members of staff who have {@code role} (for example every coordinator), by display name. */
    List<User> activeStaff(Role role);

    /** The user as the current user of a request, with the organizations they may see; empty when inactive. */
    Optional<CurrentUser> currentUser(UserId id);
}
