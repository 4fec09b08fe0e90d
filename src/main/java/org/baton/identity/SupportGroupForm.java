package org.baton.identity;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/** The support group form as typed; unreadable ids or kinds become field errors, not failures. */
record SupportGroupForm(@Nullable String name, @Nullable String kind, @Nullable String description, @Nullable String email,
        @Nullable Boolean servesAllOrganizations, @Nullable List<String> organizationIds, @Nullable List<String> memberIds,
        @Nullable Boolean active, @Nullable Long version) {

    static SupportGroupForm blank() {
        return new SupportGroupForm("", SupportGroupKind.OTHER.name(), "", "", true, List.of(), List.of(), true, 0L);
    }

    static SupportGroupForm of(SupportGroup g) {
        return new SupportGroupForm(g.name(), g.kind().name(), g.description(), g.email() == null ? "" : g.email(),
                g.servesAllOrganizations(), g.organizationIds().stream().map(OrganizationId::toString).toList(),
                g.memberIds().stream().map(UserId::toString).toList(), g.active(), g.version());
    }

    SupportGroupDetails details() {
        SupportGroupKind parsedKind;
        try {
            parsedKind = SupportGroupKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("kind", "choose what this group does");
        }
        try {
            Set<OrganizationId> orgs = organizationIds == null ? Set.of()
                    : organizationIds.stream().map(OrganizationId::parse).collect(Collectors.toSet());
            Set<UserId> members = memberIds == null ? Set.of() : memberIds.stream().map(UserId::parse).collect(Collectors.toSet());
            return new SupportGroupDetails(name == null ? "" : name, parsedKind, description == null ? "" : description, email,
                    Boolean.TRUE.equals(servesAllOrganizations), orgs, members, Boolean.TRUE.equals(active));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new FieldProblem("organizationIds", "contains an unknown id")));
        }
    }

    public boolean hasOrganization(Object id) {
        return organizationIds != null && organizationIds.contains(id.toString());
    }

    public boolean hasMember(Object id) {
        return memberIds != null && memberIds.contains(id.toString());
    }

    long expectedVersion() {
        return version == null ? -1 : version;
    }
}
