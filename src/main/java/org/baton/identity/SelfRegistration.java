package org.baton.identity;

import static org.baton.shared.SqlValues.requiredInstant;
import static org.baton.shared.SqlValues.requiredUuid;
import static org.baton.shared.SqlValues.timestamp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.baton.outbox.Outbox;
import org.baton.outbox.OutboxMessage;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.baton.shared.Sha256;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Portal accounts people create themselves, where their organization allows it (its {@code selfRegistration} flag)
 * and only for an address of one of its mail domains. The account starts inactive; a mail through the outbox
 * carries a single-use link (only its SHA-256 is stored) that confirms the address within 24 hours and activates
 * the account. The answer is the same whether the address already has an account or not: an existing account's
 * owner gets a "you already have an account" mail instead, so nobody learns who has an account.
 */
@Service
class SelfRegistration {

    static final Duration LINK_LIFETIME = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the verification link found. */
    enum Verification { CONFIRMED, EXPIRED, USED, UNKNOWN }

    /** The outcome of following a link: what happened and, when confirmed, the account's sign-in name. */
    record Verified(Verification outcome, @Nullable String username) {}

    private final Organizations organizations;
    private final Users users;
    private final DirectoryAdministration admin;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SelfRegistration(Organizations organizations, Users users, DirectoryAdministration admin, Outbox outbox, JdbcClient jdbc,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.organizations = organizations;
        this.users = users;
        this.admin = admin;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers {@code email}: refuses (422, by field) a name, address or password that breaks the rules, and an
     * address whose domain belongs to no organization that allows self-registration; otherwise writes the mail to send
     * (a link to confirm, or "you already have an account") and returns without saying which.
     */
    void register(@Nullable String name, @Nullable String email, @Nullable String password) {
        List<FieldProblem> problems = new ArrayList<>();
        String displayName = name == null ? "" : name.strip();
        String address = email == null ? "" : email.strip();
        if (displayName.isEmpty()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else if (displayName.length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
        }
        Organization org = null;
        if (address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("email", "is not an email address"));
        } else {
            String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            org = organizations.domainOwner(domain, null).flatMap(organizations::byId)
                    .filter(o -> o.active() && o.selfRegistration()).orElse(null);
            if (org == null) {
                problems.add(new FieldProblem("email", "cannot register here: accounts for this address are created by your IT "
                        + "contact or the service desk"));
            }
        }
        if (password == null || password.isEmpty()) {
            problems.add(new FieldProblem("password", "must not be blank"));
        } else {
            DirectoryAdministration.checkPassword(password, address, problems);
        }
        if (!problems.isEmpty() || org == null || password == null) {
            throw new InvalidInput(problems);
        }
        Organization organization = org;
        try {
            transactions.executeWithoutResult(tx -> {
                Optional<User> existing = users.byLogin(address).filter(u -> u.email().equalsIgnoreCase(address));
                if (existing.isPresent()) {
                    // hash the password all the same, so that the answer takes as long as for a new account
                    admin.hash(password);
                    tellExisting(existing.get());
                } else {
                    User created = admin.createUser(new AccountDetails(username(address), address, displayName, Role.CUSTOMER,
                            organization.id(), "", "", "UTC", Set.of(), false), password);
                    sendLink(created);
                }
            });
        } catch (DuplicateKeyException e) {
            // someone registered this address a moment ago: the same answer; that registration's mail is on its way
        }
    }

    /** Confirms the address of the link's account and activates it, once, within 24 hours. */
    Verified verify(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return new Verified(Verification.UNKNOWN, null);
        }
        String hash = Sha256.hex(token.strip());
        Instant now = clock.instant();
        return transactions.execute(tx -> {
            Optional<Link> link = jdbc.sql("select user_id, expires_at, used_at from portal_verifications where token_hash = :hash")
                    .param("hash", hash)
                    .query((rs, n) -> new Link(new UserId(requiredUuid(rs, "user_id")), requiredInstant(rs, "expires_at"),
                            rs.getObject("used_at") != null))
                    .optional();
            if (link.isEmpty()) {
                return new Verified(Verification.UNKNOWN, null);
            }
            if (link.get().used()) {
                return new Verified(Verification.USED, null);
            }
            if (!link.get().expiresAt().isAfter(now)) {
                return new Verified(Verification.EXPIRED, null);
            }
            int claimed = jdbc.sql("update portal_verifications set used_at = :now where token_hash = :hash and used_at is null")
                    .param("now", timestamp(now))
                    .param("hash", hash)
                    .update();
            if (claimed == 0) {
                return new Verified(Verification.USED, null);
            }
            // only an account that never signed in is activated: a link cannot undo an administrator's deactivation
            jdbc.sql("update users set active = true, version = version + 1 where id = :id and last_sign_in_at is null")
                    .param("id", link.get().user().value())
                    .update();
            events.publishEvent(DirectoryChanged.INSTANCE);
            return new Verified(Verification.CONFIRMED, users.byId(link.get().user()).map(User::username).orElse(null));
        });
    }

    /** Whether the link's token is one that would confirm an address now (for the page that asks to confirm). */
    Verification check(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Verification.UNKNOWN;
        }
        return jdbc.sql("select expires_at, used_at from portal_verifications where token_hash = :hash")
                .param("hash", Sha256.hex(token.strip()))
                .query((rs, n) -> rs.getObject("used_at") != null ? Verification.USED
                        : requiredInstant(rs, "expires_at").isAfter(clock.instant()) ? Verification.CONFIRMED : Verification.EXPIRED)
                .optional()
                .orElse(Verification.UNKNOWN);
    }

    private record Link(UserId user, Instant expiresAt, boolean used) {}

    private void sendLink(User user) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("insert into portal_verifications (token_hash, user_id, expires_at) values (:hash, :user, :expires)")
                .param("hash", Sha256.hex(token))
                .param("user", user.id().value())
                .param("expires", timestamp(now.plus(LINK_LIFETIME)))
                .update();
        outbox.enqueue(new OutboxMessage("CUSTOMER_NOTIFICATION", user.id().value(), user.email(), "Confirm your email address",
                Map.of("template", "VERIFY_EMAIL",
                        "text", "Hello " + user.displayName() + ", please confirm your email address to start using the Baton service "
                                + "desk portal. The link works once, within 24 hours. If you did not ask for an account, ignore this mail.",
                        "link", "/portal/verify?token=" + token)));
    }

    /** The owner of an existing account gets a mail; a not yet confirmed account a fresh link. */
    private void tellExisting(User user) {
        boolean pending = !user.active() && user.lastSignInAt() == null
                && jdbc.sql("select count(*) from portal_verifications where user_id = :id").param("id", user.id().value())
                        .query(Long.class).single() > 0;
        if (pending) {
            sendLink(user);
            return;
        }
        outbox.enqueue(new OutboxMessage("CUSTOMER_NOTIFICATION", user.id().value(), user.email(), "You already have an account",
                Map.of("template", "ACCOUNT_EXISTS",
                        "text", "Hello " + user.displayName() + ", someone (probably you) tried to register this address in the Baton "
                                + "service desk portal, but you already have an account. Sign in with your username " + user.username()
                                + " or this address. If you forgot your password, ask the service desk to reset it.",
                        "link", "/sign-in")));
    }

    /** The address as the sign-in name where it fits the rules and is free; else its local part and a number. */
    private String username(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        if (lower.matches("[a-z0-9][a-z0-9._@-]{1,99}") && !users.usernameTaken(lower, null)) {
            return lower;
        }
        String local = lower.substring(0, lower.indexOf('@')).replaceAll("[^a-z0-9._-]", "");
        if (local.isEmpty() || !Character.isLetterOrDigit(local.charAt(0))) {
            local = "customer" + local;
        }
        local = local.length() > 80 ? local.substring(0, 80) : local;
        for (int i = 0; ; i++) {
            String candidate = local + "-" + (1000 + RANDOM.nextInt(9000));
            if (!users.usernameTaken(candidate, null) || i > 20) {
                return candidate;
            }
        }
    }
}
