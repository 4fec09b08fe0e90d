package org.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.Role;
import org.baton.identity.SupportGroup;
import org.baton.identity.User;
import org.baton.sla.ServiceTarget;
import org.baton.sla.SlaBreached;
import org.baton.sla.SlaWarningReached;
import org.baton.ticket.Ticket;
import org.baton.ticket.TicketNumber;
import org.baton.ticket.TicketQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class NotificationTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired TicketQueries tickets;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    Organization org;
    SupportGroup serviceDesk;
    SupportGroup field;
    User carol;
    User alice;
    User tech;
    User otherTech;
    User lead;
    String carolToken;
    String aliceToken;

    @BeforeEach
    void setUp() {
        org = fixtures.organization();
        serviceDesk = fixtures.groupServing(org);
        field = fixtures.groupServing(org);
        carol = fixtures.customerOf(org);
        alice = fixtures.agentIn(serviceDesk);
        tech = fixtures.agentIn(field);
        otherTech = fixtures.agentIn(field);
        lead = fixtures.staff(Role.TEAM_LEAD, serviceDesk);
        carolToken = fixtures.tokenFor(carol);
        aliceToken = fixtures.tokenFor(alice);
    }

    private String phoneIncident() {
        MvcTestResult created = api(aliceToken, "/api/v1/tickets", """
                {"type": "INCIDENT", "subject": "VPN drops every few minutes", "requesterId": "%s", "channel": "PHONE",
                 "impact": "MEDIUM", "urgency": "HIGH"}""".formatted(carol.id()));
        assertThat(created).hasStatus(201);
        return JsonPath.read(body(created), "$.number");
    }

    private void handOffToField(String number) {
        String eta = Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        assertThat(api(aliceToken, "/api/v1/tickets/" + number + "/handoffs", """
                {"groupId": "%s", "reason": "Cable fault at desk 3.14", "need": "ON_SITE_VISIT", "eta": "%s"}"""
                .formatted(field.id(), eta))).hasStatusOk();
    }

    private MvcTestResult api(String token, String uri, String json) {
        return mvc.post().uri(uri).header(AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int notificationsOf(User user) {
        return jdbc.sql("select count(*) from notifications where user_id = :u").param("u", user.id().value()).query(Integer.class)
                .single();
    }

    private Browser browserOf(User user) {
        return Browser.signedIn(mvc, user.username(), Fixtures.PASSWORD);
    }

    private static String badge(int count) {
        return "<span id=\"notification-count\" class=\"badge rounded-pill text-bg-danger" + (count == 0 ? " d-none" : "") + "\">"
                + count + "</span>";
    }

    @Test
    void aHandOffNotifiesTheMembersOfTheGroupButNotTheCustomer() {
        String number = phoneIncident();

        handOffToField(number);

        assertThat(notificationsOf(tech)).isEqualTo(1);
        assertThat(notificationsOf(otherTech)).isEqualTo(1);
        assertThat(notificationsOf(carol)).isZero();
        assertThat(notificationsOf(alice)).isZero();
        MvcTestResult list = browserOf(tech).get("/notifications");
        assertThat(list).hasStatusOk().bodyText()
                .contains("id=\"notifications-list\"", "href=\"/tickets/" + number + "\"", number + " was handed off to " + field.name());
    }

    @Test
    void anAgentWhoHandsOffToTheirOwnGroupIsNotToldOfIt() {
        String number = phoneIncident();
        User colleague = fixtures.agentIn(serviceDesk);
        String eta = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

        assertThat(api(aliceToken, "/api/v1/tickets/" + number + "/handoffs", """
                {"groupId": "%s", "reason": "Needs a second pair of eyes", "need": "OTHER", "eta": "%s"}"""
                .formatted(serviceDesk.id(), eta))).hasStatusOk();

        assertThat(notificationsOf(alice)).isZero();
        assertThat(notificationsOf(colleague)).isEqualTo(1);
        assertThat(notificationsOf(lead)).isEqualTo(1);
    }

    @Test
    void aCustomerReplyNotifiesTheOwner() {
        String number = phoneIncident();
        handOffToField(number);

        assertThat(api(carolToken, "/api/v1/tickets/" + number + "/comments", "{\"body\": \"Restarted, still drops.\"}"))
                .hasStatus2xxSuccessful();

        assertThat(notificationsOf(alice)).isEqualTo(1);
        assertThat(browserOf(alice).get("/notifications")).bodyText().contains(carol.displayName() + " replied on " + number);
        assertThat(notificationsOf(carol)).isZero();
    }

    @Test
    void anAgentsOwnNoteNotifiesNobody() {
        String number = phoneIncident();

        assertThat(api(aliceToken, "/api/v1/tickets/" + number + "/comments", "{\"body\": \"Called back, no answer.\"}"))
                .hasStatus2xxSuccessful();

        assertThat(notificationsOf(alice)).isZero();
    }

    @Test
    void anSlaBreachNotifiesTheNotifiedPeopleOnceEvenWhenRedelivered() {
        Ticket ticket = tickets.find(new TicketNumber(phoneIncident())).orElseThrow();
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SlaBreached breach = new SlaBreached(ticket.id(), ticket.number(), ServiceTarget.RESOLUTION, due, due, Set.of(alice.id(), lead.id()));

        transactions.executeWithoutResult(tx -> events.publishEvent(breach));
        transactions.executeWithoutResult(tx -> events.publishEvent(breach));

        assertThat(notificationsOf(alice)).isEqualTo(1);
        assertThat(notificationsOf(lead)).isEqualTo(1);
        assertThat(notificationsOf(tech)).isZero();
        assertThat(browserOf(lead).get("/notifications")).bodyText().contains(ticket.number() + " missed its resolution target");
    }

    @Test
    void aWarningAtAnotherThresholdIsANewNotification() {
        Ticket ticket = tickets.find(new TicketNumber(phoneIncident())).orElseThrow();
        Instant due = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

        for (int percent : new int[] {75, 75, 90}) {
            transactions.executeWithoutResult(tx -> events.publishEvent(new SlaWarningReached(ticket.id(), ticket.number(),
                    ServiceTarget.FIRST_RESPONSE, percent, due, Instant.now(), Set.of(tech.id(), carol.id()))));
        }

        assertThat(notificationsOf(tech)).isEqualTo(2);
        assertThat(notificationsOf(carol)).isZero();
    }

    @Test
    void theBadgeCountsUnreadAndViewingTheListMarksThemRead() {
        String number = phoneIncident();
        Browser techBrowser = browserOf(tech);
        assertThat(techBrowser.get("/notifications/badge")).hasStatusOk().bodyText().isEqualTo(badge(0));

        handOffToField(number);
        handOffToField(phoneIncident());

        assertThat(techBrowser.get("/notifications/badge")).bodyText().isEqualTo(badge(2));
        assertThat(techBrowser.get("/notifications")).bodyText().contains("notification-unread", "2 new since you last looked.");
        assertThat(techBrowser.get("/notifications/badge")).bodyText().isEqualTo(badge(0));
        assertThat(techBrowser.get("/notifications")).bodyText().doesNotContain("notification-unread").contains(number);
    }

    @Test
    void markAllReadClearsTheBadge() {
        handOffToField(phoneIncident());
        Browser other = browserOf(otherTech);
        assertThat(other.get("/notifications/badge")).bodyText().isEqualTo(badge(1));

        MvcTestResult marked = other.post("/notifications/read-all");

        assertThat(marked).hasStatus(303).hasRedirectedUrl("/notifications");
        assertThat(other.get("/notifications/badge")).bodyText().isEqualTo(badge(0));
        assertThat(browserOf(tech).get("/notifications/badge")).bodyText().isEqualTo(badge(1));
    }

    @Test
    void customersHaveNoNotificationPages() {
        Browser customer = browserOf(carol);
        assertThat(customer.get("/notifications")).hasStatus(403);
        assertThat(customer.get("/notifications/badge")).hasStatus(403);
        assertThat(customer.post("/notifications/read-all")).hasStatus(403);
    }
}
