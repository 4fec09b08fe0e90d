package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.baton.IntegrationTest;
import org.baton.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node remembers who a token is for two seconds: a change made on another node (here: straight in
 * the database) takes effect once that time is up, and a change made through this node at once.
 */
@IntegrationTest
class RecentPrincipalsTests {

    @Autowired Fixtures fixtures;
    @Autowired ApiTokens tokens;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;

    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aDeactivationOnAnotherNodeTakesEffectHereWithinTheCacheTime() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        String token = fixtures.tokenFor(agent);
        MovableClock clock = new MovableClock(START);
        RecentPrincipals principals = new RecentPrincipals(tokens, directory, clock, Duration.ofSeconds(2));
        assertThat(principals.forToken(token)).map(CurrentUser::id).contains(agent.id());

        jdbc.sql("update users set active = false where id = :id").param("id", agent.id().value()).update();

        clock.advance(Duration.ofMillis(1_500));
        assertThat(principals.forToken(token)).as("still remembered").isPresent();
        clock.advance(Duration.ofMillis(600));
        assertThat(principals.forToken(token)).as("looked up again after 2 s").isEmpty();
    }

    @Test
    void aChangeThroughThisNodeIsSeenAtOnce() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        String token = fixtures.tokenFor(agent);
        MovableClock clock = new MovableClock(START);
        RecentPrincipals principals = new RecentPrincipals(tokens, directory, clock, Duration.ofSeconds(2));
        assertThat(principals.forToken(token)).isPresent();

        jdbc.sql("update users set active = false where id = :id").param("id", agent.id().value()).update();
        principals.on(DirectoryChanged.INSTANCE);

        assertThat(principals.forToken(token)).isEmpty();
    }

    @Test
    void withoutACacheTimeEveryRequestLooksTheUserUp() {
        User agent = fixtures.agentIn(fixtures.groupServingAll());
        String token = fixtures.tokenFor(agent);
        RecentPrincipals principals = new RecentPrincipals(tokens, directory, new MovableClock(START), Duration.ZERO);
        assertThat(principals.forToken(token)).isPresent();

        jdbc.sql("update users set active = false where id = :id").param("id", agent.id().value()).update();

        assertThat(principals.forToken(token)).isEmpty();
    }
}
