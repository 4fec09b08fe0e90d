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
}
