package org.baton.identity;

import java.time.ZoneId;

/**
 * A customer as a ticket needs them: how to reach them, where they are, and their organization, read
 * in one query.
 *
 * @param active whether the account is active
 * @param organizationActive whether their organization is active
 */
public record CustomerContact(
        UserId id,
        String displayName,
        String email,
        String phone,
        String location,
        ZoneId timeZone,
        boolean active,
        OrganizationId organizationId,
        String organizationName,
        boolean organizationActive) {}
