package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.baton.IntegrationTest;
import org.baton.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node remembers an organization (by id and by mail domain) for two seconds: a change made on another node (here:
 * straight in the database) takes effect once that time is up; a change made through this node at once, also inside
 * the transaction that makes it, and a change that is rolled back is never remembered.
 */
@IntegrationTest
class OrganizationCacheTests {

    private static final Instant START = Instant.parse("2026-12-02T10:00:00Z");

    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @Test
    void aChangeOnAnotherNodeIsSeenOnceTheCacheTimeIsUp() {
        Organization org = fixtures.organization();
        String domain = org.mailDomains().getFirst();
        MovableClock clock = new MovableClock(START);
        Organizations organizations = new Organizations(jdbc, clock, Duration.ofSeconds(2));
        assertThat(organizations.byId(org.id())).map(Organization::active).contains(true);
        assertThat(organizations.byMailDomain(domain)).map(Organization::id).contains(org.id());

        jdbc.sql("update organizations set active = false where id = :id").param("id", org.id().value()).update();

        clock.advance(Duration.ofMillis(1_900));
        assertThat(organizations.byId(org.id())).map(Organization::active).as("still remembered").contains(true);
        assertThat(organizations.byMailDomain(domain)).map(Organization::active).as("still remembered").contains(true);
        clock.advance(Duration.ofMillis(200));
        assertThat(organizations.byId(org.id())).map(Organization::active).as("read again after 2 s").contains(false);
        assertThat(organizations.byMailDomain(domain)).map(Organization::active).contains(false);
    }

    @Test
    void aChangeThroughThisNodeIsSeenAtOnceAndARolledBackOneNever() {
        Organization org = fixtures.organization();
        Organizations organizations = new Organizations(jdbc, new MovableClock(START), Duration.ofSeconds(2));
        assertThat(organizations.byId(org.id())).map(Organization::name).contains(org.name());

        transactions.executeWithoutResult(tx -> {
            organizations.update(renamed(org, "Renamed and rolled back"), org.version());
            assertThat(organizations.byId(org.id())).map(Organization::name).as("inside the changing transaction")
                    .contains("Renamed and rolled back");
            tx.setRollbackOnly();
        });
        assertThat(organizations.byId(org.id())).map(Organization::name).as("after the rollback").contains(org.name());

        transactions.executeWithoutResult(tx -> organizations.update(renamed(org, "Renamed"), org.version()));
        assertThat(organizations.byId(org.id())).map(Organization::name).as("after the commit, without waiting").contains("Renamed");
    }

    @Test
    void aMailDomainMovedThroughThisNodeIsSeenAtOnce() {
        Organization from = fixtures.organization();
        Organization to = fixtures.organization();
        String domain = from.mailDomains().getFirst();
        Organizations organizations = new Organizations(jdbc, new MovableClock(START), Duration.ofSeconds(2));
        assertThat(organizations.byMailDomain(domain)).map(Organization::id).contains(from.id());

        transactions.executeWithoutResult(tx -> {
            organizations.update(withDomains(from, List.of()), from.version());
            organizations.update(withDomains(to, List.of(to.mailDomains().getFirst(), domain)), to.version());
        });

        assertThat(organizations.byMailDomain(domain)).map(Organization::id).contains(to.id());
    }

    @Test
    void withoutACacheTimeEveryLookUpReadsTheDatabase() {
        Organization org = fixtures.organization();
        Organizations organizations = new Organizations(jdbc, new MovableClock(START), Duration.ZERO);
        assertThat(organizations.byId(org.id())).map(Organization::active).contains(true);

        jdbc.sql("update organizations set active = false where id = :id").param("id", org.id().value()).update();

        assertThat(organizations.byId(org.id())).map(Organization::active).contains(false);
    }

    private static Organization renamed(Organization o, String name) {
        return new Organization(o.id(), name, o.code(), o.mailDomains(), o.sharedTicketVisibility(), o.selfRegistration(), o.active(),
                o.createdAt(), o.version());
    }

    private static Organization withDomains(Organization o, List<String> domains) {
        return new Organization(o.id(), o.name(), o.code(), domains, o.sharedTicketVisibility(), o.selfRegistration(), o.active(),
                o.createdAt(), o.version());
    }
}
