package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.baton.IntegrationTest;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.Fixtures;
import org.baton.identity.User;
import org.baton.shared.SqlValues;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class LiveTicketsTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired LiveTickets live;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private final List<LiveTickets.Subscription> open = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        open.forEach(LiveTickets.Subscription::close);
    }

    /** What one open page heard. */
    private BlockingQueue<String> listen(User user) {
        CurrentUser viewer = directory.currentUser(user.id()).orElseThrow();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        open.add(live.subscribe(viewer, (number, at) -> heard.add(number.value())));
        return heard;
    }

    private static @Nullable String next(BlockingQueue<String> heard, String number, Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < until) {
            String n = heard.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (number.equals(n)) {
                return n;
            }
        }
        return null;
    }

    @Test
    void aChangeReachesOnlyThoseWhoMaySeeTheTicket() throws Exception {
        Desk desk = new Desk(mvc, fixtures);
        String number = desk.phoneIncident();
        BlockingQueue<String> alice = listen(desk.alice);
        BlockingQueue<String> carol = listen(desk.carol);
        BlockingQueue<String> dan = listen(desk.dan);
        BlockingQueue<String> outsider = listen(desk.outsideAgent);
        BlockingQueue<String> stranger = listen(desk.stranger);

        assertThat(desk.post(desk.aliceToken, number, "comments", "{\"body\": \"Restarted the VPN gateway.\"}")).hasStatus(201);

        assertThat(next(alice, number, Duration.ofSeconds(5))).isEqualTo(number);
        assertThat(next(carol, number, Duration.ofSeconds(5))).isEqualTo(number);
        // Dan is Carol's colleague, but their organization does not share tickets; the others serve or belong elsewhere
        assertThat(next(dan, number, Duration.ofMillis(2500))).isNull();
        assertThat(next(outsider, number, Duration.ofMillis(100))).isNull();
        assertThat(next(stranger, number, Duration.ofMillis(100))).isNull();
    }

    @Test
    void aChangeMadeOnAnotherNodeIsFoundByThePoll() throws Exception {
        Desk desk = new Desk(mvc, fixtures);
        String number = desk.phoneIncident();
        BlockingQueue<String> alice = listen(desk.alice);
        BlockingQueue<String> outsider = listen(desk.outsideAgent);
        // another node's change: the row moves on, but no event is published on this node
        jdbc.sql("update tickets set subject = 'VPN drops (seen by node 2)', updated_at = :at, version = version + 1 where number = :n")
                .param("at", SqlValues.timestamp(clock.instant())).param("n", number).update();

        assertThat(next(alice, number, Duration.ofSeconds(8))).isEqualTo(number);
        assertThat(next(outsider, number, Duration.ofMillis(100))).isNull();
    }

    @Test
    void theStreamIsOpenForSignedInUsersOnly() throws Exception {
        Desk desk = new Desk(mvc, fixtures);
        MvcTestResult stream = mvc.get().uri("/live/tickets").cookie(session(desk.carol)).asyncExchange();
        assertThat(stream).hasStatusOk();
        assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
        assertThat(stream.getRequest().isAsyncStarted()).isTrue();
        assertThat(stream.getResponse().getContentAsString()).contains("retry:3000");
        stream.getRequest().getAsyncContext().complete();

        assertThat(mvc.get().uri("/live/tickets").asyncExchange()).hasStatus3xxRedirection();
    }

    @Test
    void aStreamOpenedAfterAChangeCatchesUpFromWhenThePageWasMade() throws Exception {
        Desk desk = new Desk(mvc, fixtures);
        String number = desk.phoneIncident();
        java.time.Instant rendered = clock.instant();
        Thread.sleep(5); // the change below is stamped after the page was made
        assertThat(desk.post(desk.aliceToken, number, "comments", "{\"body\": \"Resolved the DNS entry.\"}")).hasStatus(201);

        // the page was rendered before the reply, its stream opens after it: the reply is sent first
        MvcTestResult stream = mvc.get().uri("/live/tickets?since=" + rendered).cookie(session(desk.carol)).asyncExchange();
        assertThat(stream.getResponse().getContentAsString()).contains("event:ticket-changed", "data:" + number);
        stream.getRequest().getAsyncContext().complete();

        // another organization's customer hears nothing of it
        MvcTestResult stranger = mvc.get().uri("/live/tickets?since=" + rendered).cookie(session(desk.stranger)).asyncExchange();
        assertThat(stranger.getResponse().getContentAsString()).doesNotContain(number);
        stranger.getRequest().getAsyncContext().complete();

        // a browser reconnecting names the last event it heard: nothing after it, nothing again
        MvcTestResult resumed = mvc.get().uri("/live/tickets?since=" + rendered).header("Last-Event-ID", clock.instant().plusSeconds(5).toString())
                .cookie(session(desk.carol)).asyncExchange();
        assertThat(resumed.getResponse().getContentAsString()).doesNotContain(number).doesNotContain("resync");
        resumed.getRequest().getAsyncContext().complete();

        // a page from long ago is told to refresh everything
        MvcTestResult old = mvc.get().uri("/live/tickets?since=" + rendered.minus(Duration.ofHours(1))).cookie(session(desk.carol)).asyncExchange();
        assertThat(old.getResponse().getContentAsString()).contains("event:resync").doesNotContain(number);
        old.getRequest().getAsyncContext().complete();
    }

    private Cookie session(User user) {
        MvcTestResult signIn = mvc.post().uri("/sign-in").with(csrf()).cookie(new Cookie("baton-test", "1"))
                .param("username", user.username()).param("password", Fixtures.PASSWORD).exchange();
        assertThat(signIn.getResponse().getRedirectedUrl()).isIn("/", "/portal"); // customers land on the portal
        Cookie session = signIn.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }
}
