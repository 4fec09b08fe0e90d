package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baton.ticket.Desk.body;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.MovableClock;
import org.baton.identity.CurrentUser;
import org.baton.identity.Directory;
import org.baton.identity.Fixtures;
import org.baton.shared.SqlValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class QueuePagesTests {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*data-ticket=\"([A-Z]+-\\d+)\"");
    private static final Pattern NEXT = Pattern.compile("id=\"next-page\" href=\"([^\"]+)\"");

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired Queues queues;
    @Autowired Directory directory;

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc, fixtures);
    }

    private Browser as(org.baton.identity.User user) {
        return Browser.signedIn(mvc, user.username(), Fixtures.PASSWORD);
    }

    static List<String> rows(MvcTestResult page) {
        List<String> numbers = new ArrayList<>();
        Matcher m = ROW.matcher(body(page));
        while (m.find()) {
            numbers.add(m.group(1));
        }
        return numbers;
    }

    static String count(MvcTestResult page, String view) {
        Matcher m = Pattern.compile("id=\"count-" + view + "\">([^<]*)<").matcher(body(page));
        assertThat(m.find()).as("count of " + view).isTrue();
        return m.group(1);
    }

    private void slaDue(String number, Instant due) {
        jdbc.sql("update tickets set sla_due_at = :due where number = :n").param("due", SqlValues.timestamp(due)).param("n", number).update();
    }

    @Test
    void eachTabListsItsTicketsWithCounts() {
        Instant now = clock.instant();
        String mine = desk.phoneIncident();
        String pending = desk.phoneIncident();
        String nearBreach = desk.phoneIncident();
        String overdue = desk.phoneIncident();
        String handedOff = desk.phoneIncident();
        String unassigned = desk.portalIncident();
        assertThat(desk.move(desk.aliceToken, pending, "{\"to\": \"PENDING\", \"pendingReason\": \"CUSTOMER\"}")).hasStatusOk();
        assertThat(desk.post(desk.aliceToken, handedOff, "handoffs", """
                {"groupId": "%s", "reason": "Cable fault at desk 3.14", "need": "ON_SITE_VISIT", "eta": "%s"}"""
                .formatted(desk.field.id(), now.plus(Duration.ofDays(2))))).hasStatusOk();
        slaDue(nearBreach, now.plus(Duration.ofMinutes(90)));
        slaDue(mine, now.plus(Duration.ofHours(5)));
        jdbc.sql("update tickets set next_update_due_at = :due where number = :n")
                .param("due", SqlValues.timestamp(now.minus(Duration.ofMinutes(10)))).param("n", overdue).update();

        Browser alice = as(desk.alice);
        MvcTestResult myTickets = alice.get("/queues");
        assertThat(myTickets).hasStatusOk();
        assertThat(rows(myTickets)).containsExactlyInAnyOrder(mine, pending, nearBreach, overdue, handedOff);
        assertThat(count(myTickets, "mine")).isEqualTo("5");
        assertThat(count(myTickets, "unassigned")).isEqualTo("1");
        assertThat(count(myTickets, "near-breach")).isEqualTo("1");
        assertThat(count(myTickets, "pending")).isEqualTo("1");
        assertThat(count(myTickets, "overdue")).isEqualTo("1");
        assertThat(count(myTickets, "group")).isEqualTo("0");
        assertThat(body(myTickets)).contains("Waiting for the customer").containsPattern("due in 1 h (29|30) min")
                .contains("data-shortcut-first=\"true\"").contains("tabindex=\"0\"").contains("data-live-refresh=\"/queues?view=mine");

        assertThat(rows(alice.get("/queues?view=unassigned"))).containsExactly(unassigned);
        assertThat(rows(alice.get("/queues?view=near-breach"))).containsExactly(nearBreach);
        assertThat(rows(alice.get("/queues?view=pending"))).containsExactly(pending);
        assertThat(rows(alice.get("/queues?view=overdue"))).containsExactly(overdue);
        assertThat(rows(as(desk.tech).get("/queues?view=group"))).containsExactly(handedOff);

        // the outside agent serves another organization: none of these are theirs to see
        MvcTestResult outsider = as(desk.outsideAgent).get("/queues?view=unassigned");
        assertThat(rows(outsider)).isEmpty();
        assertThat(count(outsider, "unassigned")).isEqualTo("0");
    }

    @Test
    void breachedTargetsShowHowLongAgoAndSortFirst() {
        Instant now = clock.instant();
        String later = desk.phoneIncident();
        String breached = desk.phoneIncident();
        String none = desk.phoneIncident();
        slaDue(later, now.plus(Duration.ofHours(1)));
        slaDue(breached, now.minus(Duration.ofMinutes(5)).minusSeconds(20));

        MvcTestResult page = as(desk.alice).get("/queues?view=mine&sort=due");
        assertThat(rows(page)).containsExactly(breached, later, none);
        assertThat(body(page)).contains("breached 5 min ago").contains("sla-breached");
        assertThat(rows(as(desk.alice).get("/queues?view=near-breach"))).containsExactly(breached, later);
    }

    @Test
    void theOverdueTabPutsTheLongestOverdueFirstAndPagesInThatOrder() {
        Instant now = clock.instant();
        List<String> late = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            String number = desk.phoneIncident();
            // the later a ticket was opened (and the later its SLA targets are due), the longer its update is overdue
            jdbc.sql("update tickets set next_update_due_at = :due where number = :n")
                    .param("due", SqlValues.timestamp(now.minus(Duration.ofMinutes(1 + i)))).param("n", number).update();
            late.addFirst(number);
        }
        String onTime = desk.phoneIncident();
        jdbc.sql("update tickets set next_update_due_at = :due where number = :n")
                .param("due", SqlValues.timestamp(now.plus(Duration.ofMinutes(30)))).param("n", onTime).update();
        Browser alice = as(desk.alice);

        MvcTestResult first = alice.get("/queues?view=overdue&organization=" + desk.org.id());
        assertThat(rows(first)).containsExactlyElementsOf(late.subList(0, 50));
        assertThat(body(first)).contains("id=\"sort-update-due\"").containsPattern("id=\"sort-update-due\"[^>]*aria-pressed=\"true\"")
                .contains("Next update due first");
        Matcher next = NEXT.matcher(body(first));
        assertThat(next.find()).isTrue();
        MvcTestResult second = alice.get(next.group(1).replace("&amp;", "&"));
        assertThat(rows(second)).containsExactlyElementsOf(late.subList(50, 52));
        assertThat(body(second)).doesNotContain("id=\"next-page\"");

        // the order is one of the queue's sorts: on my tickets, the on-time promise after all the late ones
        List<String> mine = rows(alice.get("/queues?view=mine&sort=update-due&organization=" + desk.org.id()));
        assertThat(mine.subList(0, 50)).containsExactlyElementsOf(late.subList(0, 50));
        String saved = Fixtures.unique("Late updates ");
        MvcTestResult save = alice.post("/queues/saved", "name", saved, "view", "overdue", "sort", "update-due");
        assertThat(save).hasStatus3xxRedirection();
        assertThat(save.getResponse().getRedirectedUrl()).contains("sort=update-due");
        assertThat(body(alice.get(save.getResponse().getRedirectedUrl()))).contains(saved)
                .containsPattern("id=\"sort-update-due\"[^>]*aria-pressed=\"true\"");
    }

    @Test
    void filtersNarrowTheQueue() {
        String medium = desk.phoneIncident(); // impact MEDIUM × urgency HIGH
        String low = Desk.number(desk.open(desk.aliceToken, """
                {"type": "INCIDENT", "subject": "Mouse wobbles", "requesterId": "%s", "channel": "PHONE",
                 "impact": "LOW", "urgency": "LOW"}""".formatted(desk.carol.id())));
        String priority = Desk.read(desk.get(desk.aliceToken, low), "$.priority");
        Browser alice = as(desk.alice);
        assertThat(rows(alice.get("/queues?view=mine&priority=" + priority))).contains(low).doesNotContain(medium);
        assertThat(rows(alice.get("/queues?view=mine&type=SERVICE_REQUEST"))).isEmpty();
        assertThat(rows(alice.get("/queues?view=mine&organization=" + desk.otherOrg.id()))).isEmpty();
        assertThat(rows(alice.get("/queues?view=mine&organization=" + desk.org.id()))).containsExactlyInAnyOrder(low, medium);
        assertThat(rows(alice.get("/queues?view=mine&priority=bogus&type=&sort=sideways"))).containsExactlyInAnyOrder(low, medium);
    }

    @Test
    void pagesOfFiftyFollowTheCursorWithoutGapsOrRepeats() {
        Instant now = clock.instant();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 53; i++) {
            all.add(desk.phoneIncident());
        }
        for (int i = 0; i < 30; i++) {
            slaDue(all.get(i), now.plus(Duration.ofMinutes(10L + (i % 7))));
        }
        Browser alice = as(desk.alice);
        for (String sort : new String[] {"updated", "due"}) {
            MvcTestResult first = alice.get("/queues?view=mine&sort=" + sort);
            assertThat(rows(first)).hasSize(50);
            Matcher next = NEXT.matcher(body(first));
            assertThat(next.find()).isTrue();
            MvcTestResult second = alice.get(next.group(1).replace("&amp;", "&"));
            assertThat(rows(second)).hasSize(3);
            assertThat(body(second)).doesNotContain("id=\"next-page\"");
            List<String> seen = new ArrayList<>(rows(first));
            seen.addAll(rows(second));
            assertThat(new HashSet<>(seen)).hasSize(53).containsExactlyInAnyOrderElementsOf(all);
            if (sort.equals("due")) {
                assertThat(rows(first).subList(0, 30)).containsExactlyInAnyOrderElementsOf(all.subList(0, 30));
            }
        }
    }

    @Test
    void htmxGetsTheQueueFragmentAndABrowserTheWholePage() {
        desk.phoneIncident();
        Browser alice = as(desk.alice);
        MvcTestResult fragment = alice.htmx("/queues?view=pending");
        assertThat(fragment).hasStatusOk();
        assertThat(body(fragment)).contains("id=\"queue\"").contains("id=\"queue-table\"").contains("id=\"count-pending\"")
                .doesNotContain("id=\"main\"").doesNotContain("<html");
        MvcTestResult page = alice.get("/queues?view=pending");
        assertThat(body(page)).contains("id=\"main\"").contains("id=\"queue\"").contains("/js/live.js");
    }

    @Test
    void customersCannotOpenTheQueues() {
        assertThat(as(desk.carol).get("/queues")).hasStatus(403);
        assertThat(new Browser(mvc).get("/queues")).hasStatus3xxRedirection();
    }

    @Test
    void savedFiltersAppearAsTabsForTheirOwnerOnlyAndCanBeDeleted() {
        String unassigned = desk.portalIncident();
        Browser alice = as(desk.alice);
        String name = Fixtures.unique("New on portal ");
        MvcTestResult saved = alice.post("/queues/saved", "name", name, "view", "unassigned", "type", "INCIDENT", "sort", "updated");
        assertThat(saved).hasStatus3xxRedirection();
        String target = saved.getResponse().getRedirectedUrl();
        assertThat(target).contains("view=unassigned").contains("type=INCIDENT").contains("saved=");
        MvcTestResult tab = alice.get(target);
        assertThat(body(tab)).contains(name).contains("id=\"delete-saved-filter\"");
        assertThat(rows(tab)).containsExactly(unassigned);
        String id = target.substring(target.indexOf("saved=") + 6);
        assertThat(count(tab, "saved-" + id)).isEqualTo("1");

        Browser bob = as(desk.bob);
        assertThat(body(bob.get("/queues"))).doesNotContain(name);
        assertThat(bob.post("/queues/saved/" + id + "/delete")).hasStatus(404);
        assertThat(body(alice.get("/queues"))).contains(name);

        MvcTestResult duplicate = alice.post("/queues/saved", "name", name, "view", "mine");
        assertThat(duplicate).hasStatus(422);
        assertThat(body(duplicate)).contains("id=\"saved-name-error\"").contains("already have a saved filter");
        MvcTestResult blank = alice.post("/queues/saved", "name", "  ", "view", "mine");
        assertThat(blank).hasStatus(422);
        assertThat(body(blank)).contains("id=\"saved-name-error\"");

        assertThat(alice.post("/queues/saved/" + id + "/delete")).hasStatus3xxRedirection().hasRedirectedUrl("/queues");
        MvcTestResult after = alice.get("/queues");
        assertThat(body(after)).contains("Saved filter " + name + " deleted.").doesNotContain("count-saved-" + id);
    }

    @Test
    void countsChangeAtOnceAfterATicketChangesOnThisNode() {
        String first = desk.portalIncident();
        String second = desk.portalIncident();
        Browser alice = as(desk.alice);
        MvcTestResult before = alice.get("/queues");
        assertThat(count(before, "unassigned")).isEqualTo("2");
        assertThat(count(before, "mine")).isEqualTo("0");

        // her own change: the live refresh of the list that follows shows it in the counts too
        assertThat(desk.post(desk.aliceToken, first, "ownership-transfers", "{\"ownerId\": \"%s\"}".formatted(desk.alice.id())))
                .hasStatusOk();
        MvcTestResult refreshed = alice.htmx("/queues");
        assertThat(rows(refreshed)).containsExactly(first);
        assertThat(count(refreshed, "mine")).isEqualTo("1");
        assertThat(count(refreshed, "unassigned")).isEqualTo("1");

        // a colleague's change counts as well
        assertThat(desk.post(desk.bobToken, second, "ownership-transfers", "{\"ownerId\": \"%s\"}".formatted(desk.bob.id())))
                .hasStatusOk();
        assertThat(count(alice.get("/queues"), "unassigned")).isEqualTo("0");
    }

    @Test
    void countsAreReusedForAFewSecondsWhileNoTicketChanges() {
        String number = desk.portalIncident();
        Browser alice = as(desk.alice);
        assertThat(count(alice.get("/queues"), "unassigned")).isEqualTo("1");
        // taken behind the application's back: no ticket event, so the next refresh (within 5 s) reuses the counts
        jdbc.sql("update tickets set owner_id = :me, status = 'ASSIGNED' where number = :n")
                .param("me", desk.alice.id().value()).param("n", number).update();
        MvcTestResult refreshed = alice.htmx("/queues");
        assertThat(rows(refreshed)).as("the list itself is read afresh").containsExactly(number);
        assertThat(count(refreshed, "unassigned")).isEqualTo("1");
        assertThat(count(refreshed, "mine")).isEqualTo("0");
    }

    @Test
    void aCountIsKeptForFiveSecondsThenCountedAgain() {
        String number = desk.portalIncident();
        MovableClock time = new MovableClock(clock.instant());
        QueueCounts counts = new QueueCounts(queues, time, Duration.ofSeconds(5), 100);
        CurrentUser alice = directory.currentUser(desk.alice.id()).orElseThrow();
        QueueQuery unassigned = QueuePageController.query("unassigned", null, null, null, null, null);
        assertThat(counts.count(alice, unassigned)).isEqualTo(1);

        jdbc.sql("update tickets set owner_id = :me, status = 'ASSIGNED' where number = :n")
                .param("me", desk.alice.id().value()).param("n", number).update();
        time.advance(Duration.ofMillis(4_900));
        assertThat(counts.count(alice, unassigned)).isEqualTo(1);
        assertThat(counts.count(alice, QueuePageController.query("unassigned", null, null, null, "updated", null)))
                .as("the sort does not matter to a count").isEqualTo(1);
        time.advance(Duration.ofMillis(100));
        assertThat(counts.count(alice, unassigned)).isEqualTo(0);

        jdbc.sql("update tickets set owner_id = null, status = 'NEW' where number = :n").param("n", number).update();
        assertThat(counts.count(alice, unassigned)).isEqualTo(0);
        counts.forget();
        assertThat(counts.count(alice, unassigned)).as("a ticket change forgets every count").isEqualTo(1);
    }
}
