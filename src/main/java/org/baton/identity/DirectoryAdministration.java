package org.baton.identity;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing organizations, support groups and user accounts. Every rule is checked
 * before anything is written, and all problems are reported at once, each naming its field; a
 * change made by someone else in the meantime is refused with {@link org.baton.shared.StaleVersion}.
 */
@Service
@Transactional
public class DirectoryAdministration {

    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 128;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,99}");

    private final Organizations organizations;
    private final SupportGroups groups;
    private final Users users;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DirectoryAdministration(Organizations organizations, SupportGroups groups, Users users, PasswordEncoder passwords, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.organizations = organizations;
        this.groups = groups;
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    public Organization createOrganization(OrganizationDetails details) {
        events.publishEvent(DirectoryChanged.INSTANCE);
        OrganizationDetails clean = checked(details, null);
        Organization org = new Organization(OrganizationId.random(), clean.name(), clean.code(), clean.mailDomains(),
                clean.sharedTicketVisibility(), clean.selfRegistration(), clean.active(), clock.instant(), 0);
        organizations.insert(org);
        return org;
    }

    public Organization updateOrganization(OrganizationId id, long expectedVersion, OrganizationDetails details) {
        events.publishEvent(DirectoryChanged.INSTANCE);
        Organization current = organizations.byId(id).orElseThrow(() -> new NotFound("organization", id));
        OrganizationDetails clean = checked(details, id);
        organizations.update(new Organization(id, clean.name(), clean.code(), clean.mailDomains(), clean.sharedTicketVisibility(),
                clean.selfRegistration(), clean.active(), current.createdAt(), expectedVersion), expectedVersion);
        return organizations.byId(id).orElseThrow();
    }

    public SupportGroup createSupportGroup(SupportGroupDetails details) {
        events.publishEvent(DirectoryChanged.INSTANCE);
        SupportGroupDetails clean = checked(details, null);
        SupportGroup group = new SupportGroup(SupportGroupId.random(), clean.name(), clean.kind(), clean.description(), clean.email(),
                clean.servesAllOrganizations(), clean.organizationIds(), clean.memberIds(), clean.active(), clock.instant(), 0);
        groups.insert(group);
        return group;
    }

    public SupportGroup updateSupportGroup(SupportGroupId id, long expectedVersion, SupportGroupDetails details) {
        events.publishEvent(DirectoryChanged.INSTANCE);
        SupportGroup current = groups.byId(id).orElseThrow(() -> new NotFound("support group", id));
        SupportGroupDetails clean = checked(details, id);
        groups.update(new SupportGroup(id, clean.name(), clean.kind(), clean.description(), clean.email(),
                clean.servesAllOrganizations(), clean.organizationIds(), clean.memberIds(), clean.active(),
                current.createdAt(), expectedVersion), expectedVersion);
        return groups.byId(id).orElseThrow();
    }

    /**
     * Creates an account. {@code password} may be null for an account that cannot sign in with a
     * password yet (an administrator sets one later).
     */
    public User createUser(AccountDetails details, @Nullable String password) {
        events.publishEvent(DirectoryChanged.INSTANCE);
        List<FieldProblem> problems = new ArrayList<>();
        AccountDetails clean = checked(details, null, problems);
        if (password != null) {
            checkPassword(password, clean.username(), problems);
        }
        throwIfAny(problems);
        return insertChecked(clean, password == null ? null : passwords.encode(password));
    }

    /** For seeding many accounts with one known password: the hash is computed once by the caller. */
    User createUserWithPasswordHash(AccountDetails details, String passwordHash) {
        List<FieldProblem> problems = new ArrayList<>();
        AccountDetails clean = checked(details, null, problems);
        throwIfAny(problems);
        return insertChecked(clean, passwordHash);
    }

    String hash(String password) {
        return passwords.encode(password);
    }

    private User insertChecked(AccountDetails clean, @Nullable String passwordHash) {
        // as stored: the database keeps microseconds
        User user = new User(UserId.random(), clean.username(), clean.email(), clean.displayName(), clean.role(),
                clean.organizationId(), clean.phone(), clean.location(), ZoneId.of(clean.timeZone()), clean.active(),
                Set.copyOf(clean.groupIds()), null, clock.instant().truncatedTo(ChronoUnit.MICROS), 0);
        users.insert(user, passwordHash);
        groups.addMemberships(user.id(), user.groupIds());
        return user;
    }

    public User updateUser(UserId id, long expectedVersion, AccountDetails details) {
        events.publishEvent(DirectoryChanged.INSTANCE);
        User current = users.byId(id).orElseThrow(() -> new NotFound("user", id));
        List<FieldProblem> problems = new ArrayList<>();
        AccountDetails clean = checked(details, id, problems);
        boolean losesAdmin = current.role() == Role.ADMIN && current.active() && (clean.role() != Role.ADMIN || !clean.active());
        if (losesAdmin && users.countActiveAdmins() <= 1) {
            problems.add(new FieldProblem(clean.role() != Role.ADMIN ? "role" : "active",
                    "this is the last active administrator; make someone else an administrator first"));
        }
        throwIfAny(problems);
        users.update(new User(id, clean.username(), clean.email(), clean.displayName(), clean.role(), clean.organizationId(),
                clean.phone(), clean.location(), ZoneId.of(clean.timeZone()), clean.active(), clean.groupIds(),
                current.lastSignInAt(), current.createdAt(), expectedVersion), expectedVersion);
        groups.setMemberships(id, clean.groupIds());
        return users.byId(id).orElseThrow();
    }

    /** Sets a new password and lifts any sign-in lockout. */
    public void setPassword(UserId id, String password) {
        events.publishEvent(DirectoryChanged.INSTANCE);
        User user = users.byId(id).orElseThrow(() -> new NotFound("user", id));
        List<FieldProblem> problems = new ArrayList<>();
        checkPassword(password, user.username(), problems);
        throwIfAny(problems);
        users.setPasswordHash(id, passwords.encode(password));
    }

    private OrganizationDetails checked(OrganizationDetails details, @Nullable OrganizationId self) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = details.name().strip();
        String code = details.code().strip().toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (name.length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
        } else if (organizations.nameTaken(name, self)) {
            problems.add(new FieldProblem("name", "another organization already has this name"));
        }
        if (!CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "must be 2 to 20 letters, digits or dashes, starting with a letter or digit"));
        } else if (organizations.codeTaken(code, self)) {
            problems.add(new FieldProblem("code", "another organization already uses this code"));
        }
        Set<String> domains = new LinkedHashSet<>();
        for (String raw : details.mailDomains()) {
            String domain = raw.strip().toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (domain.isEmpty()) {
                continue;
            }
            if (!DOMAIN.matcher(domain).matches()) {
                problems.add(new FieldProblem("mailDomains", "'" + raw.strip() + "' is not a mail domain such as example.com"));
            } else {
                String d = domain;
                organizations.domainOwner(domain, self).flatMap(organizations::byId).ifPresent(owner ->
                        problems.add(new FieldProblem("mailDomains", d + " already belongs to " + owner.name())));
                domains.add(domain);
            }
        }
        throwIfAny(problems);
        if (details.selfRegistration() && domains.isEmpty()) {
            problems.add(new FieldProblem("selfRegistration", "needs at least one mail domain: only addresses of its domains may register"));
            throwIfAny(problems);
        }
        return new OrganizationDetails(name, code, List.copyOf(domains), details.sharedTicketVisibility(), details.selfRegistration(),
                details.active());
    }

    private SupportGroupDetails checked(SupportGroupDetails details, @Nullable SupportGroupId self) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = details.name().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (name.length() > 120) {
            problems.add(new FieldProblem("name", "must be at most 120 characters"));
        } else if (groups.nameTaken(name, self)) {
            problems.add(new FieldProblem("name", "another support group already has this name"));
        }
        String email = details.email() == null ? null : details.email().strip();
        if (email != null && email.isEmpty()) {
            email = null;
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "is not an email address"));
        }
        if (details.description().length() > 1000) {
            problems.add(new FieldProblem("description", "must be at most 1000 characters"));
        }
        for (OrganizationId org : details.organizationIds()) {
            if (organizations.byId(org).isEmpty()) {
                problems.add(new FieldProblem("organizationIds", "no organization " + org));
            }
        }
        if (!details.servesAllOrganizations() && details.organizationIds().isEmpty()) {
            problems.add(new FieldProblem("organizationIds", "choose the organizations this group serves, or let it serve all"));
        }
        for (UserId member : details.memberIds()) {
            users.byId(member).ifPresentOrElse(
                    u -> {
                        if (!u.role().isStaff()) {
                            problems.add(new FieldProblem("memberIds", u.displayName() + " is a customer and cannot be a member"));
                        }
                    },
                    () -> problems.add(new FieldProblem("memberIds", "no user " + member)));
        }
        throwIfAny(problems);
        return new SupportGroupDetails(name, details.kind(), details.description().strip(), email,
                details.servesAllOrganizations(), details.servesAllOrganizations() ? Set.of() : details.organizationIds(),
                details.memberIds(), details.active());
    }

    private AccountDetails checked(AccountDetails details, @Nullable UserId self, List<FieldProblem> problems) {
        String username = details.username().strip();
        String email = details.email().strip();
        String displayName = details.displayName().strip();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", "must be 2 to 100 letters, digits, dots, dashes, underscores or @"));
        } else if (users.usernameTaken(username, self)) {
            problems.add(new FieldProblem("username", "is already taken"));
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "is not an email address"));
        } else if (users.emailTaken(email, self)) {
            problems.add(new FieldProblem("email", "another user already has this address"));
        }
        if (displayName.isEmpty()) {
            problems.add(new FieldProblem("displayName", "must not be blank"));
        } else if (displayName.length() > 200) {
            problems.add(new FieldProblem("displayName", "must be at most 200 characters"));
        }
        OrganizationId org = details.organizationId();
        if (details.role() == Role.CUSTOMER) {
            if (org == null) {
                problems.add(new FieldProblem("organizationId", "a customer must belong to an organization"));
            } else if (organizations.byId(org).isEmpty()) {
                problems.add(new FieldProblem("organizationId", "no organization " + org));
            }
            if (!details.groupIds().isEmpty()) {
                problems.add(new FieldProblem("groupIds", "customers cannot be members of support groups"));
            }
        } else {
            org = null;
            for (SupportGroupId group : details.groupIds()) {
                if (groups.byId(group).isEmpty()) {
                    problems.add(new FieldProblem("groupIds", "no support group " + group));
                }
            }
        }
        String zone = details.timeZone().isBlank() ? "UTC" : details.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "'" + zone + "' is not a time zone such as Europe/Berlin"));
        }
        if (details.phone().length() > 50) {
            problems.add(new FieldProblem("phone", "must be at most 50 characters"));
        }
        if (details.location().length() > 200) {
            problems.add(new FieldProblem("location", "must be at most 200 characters"));
        }
        return new AccountDetails(username, email, displayName, details.role(), org, details.phone().strip(),
                details.location().strip(), zone, details.role() == Role.CUSTOMER ? Set.of() : details.groupIds(), details.active());
    }

    static void checkPassword(String password, String username, List<FieldProblem> problems) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            problems.add(new FieldProblem("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (password.length() > MAX_PASSWORD_LENGTH) {
            problems.add(new FieldProblem("password", "must be at most " + MAX_PASSWORD_LENGTH + " characters"));
        } else if (password.equalsIgnoreCase(username)) {
            problems.add(new FieldProblem("password", "must not be the username"));
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }
}
