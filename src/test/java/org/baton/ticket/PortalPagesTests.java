package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.baton.identity.Organization;
import org.baton.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The customer portal: my tickets (and the organization's), reporting a problem and requesting something, through its forms. */
@IntegrationTest
class PortalPagesTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired Tickets tickets;
    @Autowired JdbcClient jdbc;

    Desk desk;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc, fixtures);
    }

    private Ticket ticket(String location) {
        return tickets.byNumber(new TicketNumber(location.substring(location.lastIndexOf('/') + 1))).orElseThrow();
    }

    private long ticketsOf(User requester) {
        return jdbc.sql("select count(*) from tickets where requester_id = :id").param("id", requester.id().value()).query(Long.class).single();
    }

    @Test
    void aCustomerLandsOnMyTicketsWithWhoHasEachAndWhenTheyHearNext() {
        String mine = desk.portalIncident();
        desk.post(desk.aliceToken, mine, "transitions", "{\"to\": \"IN_PROGRESS\"}");
        String dans = desk.number(desk.open(desk.danToken, "{\"type\": \"INCIDENT\", \"subject\": \"Dan's monitor flickers\"}"));

        Browser carol = new Browser(mvc);
        assertThat(carol.signIn(desk.carol.username(), Fixtures.PASSWORD)).hasRedirectedUrl("/portal");
        MvcTestResult page = carol.get("/portal");
        assertThat(page).hasStatusOk();
        String html = Desk.body(page);
        assertThat(html).contains("id=\"portal-nav\"").contains("id=\"row-" + mine + "\"").contains("Printer on 3rd floor offline")
                .contains(desk.alice.displayName()).contains("In progress").doesNotContain(dans);
        // the organization does not share tickets: no tab, and asking for it shows only their own
        assertThat(html).doesNotContain("id=\"tab-organization\"");
        assertThat(Desk.body(carol.get("/portal?tab=organization"))).doesNotContain(dans).contains(mine);
    }

    @Test
    void customersOfASharingOrganizationSeeTheirColleaguesTicketsInATab() {
        Organization shared = fixtures.organizationSharingTickets();
        User erin = fixtures.customerOf(shared);
        User frank = fixtures.customerOf(shared);
        String franks = desk.number(desk.open(fixtures.tokenFor(frank), "{\"type\": \"INCIDENT\", \"subject\": \"Frank's VPN is down\"}"));

        Browser browser = desk.as(erin);
        assertThat(Desk.body(browser.get("/portal"))).contains("id=\"tab-organization\"").doesNotContain(franks);
        String all = Desk.body(browser.get("/portal?tab=organization"));
        assertThat(all).contains("id=\"row-" + franks + "\"").contains(frank.displayName());
    }

    @Test
    void reportingAProblemInPlainWordsSetsImpactAndUrgencyAndAttachesTheFile() {
        Browser carol = desk.as(desk.carol);
        assertThat(carol.get("/portal/report")).hasStatusOk().bodyText().contains("What is broken?");
        String key = java.util.UUID.randomUUID().toString();
        MvcTestResult sent = carol.upload("/portal/report", List.of(new MockMultipartFile("files", "error.png", "image/png",
                        TicketAttachmentTests.PNG)), "key", key, "subject", "Warehouse scanners cannot connect", "description",
                "All handhelds show 'no network'.", "since", "TODAY", "affected", "HIGH", "blocked", "HIGH");

        assertThat(sent).hasStatus(303);
        String location = sent.getResponse().getRedirectedUrl();
        Ticket ticket = ticket(location);
        assertThat(ticket.type()).isEqualTo(TicketType.INCIDENT);
        assertThat(ticket.impact()).isEqualTo(Impact.HIGH);
        assertThat(ticket.urgency()).isEqualTo(Urgency.HIGH);
        assertThat(ticket.priority()).isEqualTo(Priority.P1);
        assertThat(ticket.channel()).isEqualTo(Channel.PORTAL);
        assertThat(ticket.description()).startsWith("Broken since: earlier today.").contains("no network");
        String view = Desk.body(carol.get(location));
        assertThat(view).contains("error.png").contains("PNG image").contains("id=\"portal-nav\"").contains("href=\"/portal\"");

        // the same form sent again (a double click) opens no second ticket
        long before = ticketsOf(desk.carol);
        MvcTestResult again = carol.upload("/portal/report", List.of(new MockMultipartFile("files", "error.png", "image/png",
                        TicketAttachmentTests.PNG)), "key", key, "subject", "Warehouse scanners cannot connect", "description",
                "All handhelds show 'no network'.", "since", "TODAY", "affected", "HIGH", "blocked", "HIGH");
        assertThat(again).hasStatus(303).hasRedirectedUrl(location);
        assertThat(ticketsOf(desk.carol)).isEqualTo(before);
    }

    @Test
    void aProblemWithoutASubjectComesBackWithTheFieldMarkedAndTheInputKept() {
        MvcTestResult refused = desk.as(desk.carol).upload("/portal/report", List.of(), "key", java.util.UUID.randomUUID().toString(),
                "subject", " ", "description", "The coffee machine shows E42", "since", "YESTERDAY", "affected", "MEDIUM", "blocked", "LOW");

        assertThat(refused).hasStatus(422);
        String html = Desk.body(refused);
        assertThat(html).contains("id=\"subject-error\"").contains("Say in a few words what this is about.")
                .contains(">The coffee machine shows E42</textarea>").contains("value=\"YESTERDAY\" selected");
        assertThat(html).containsPattern("value=\"MEDIUM\"\\s+checked");
    }

    @Test
    void requestingSomethingNeedsATypeFromTheList() {
        Browser carol = desk.as(desk.carol);
        assertThat(Desk.body(carol.get("/portal/request"))).contains("New laptop or equipment").contains("Something else");

        MvcTestResult refused = carol.upload("/portal/request", List.of(), "key", java.util.UUID.randomUUID().toString(),
                "requestType", "A pony", "subject", "A second monitor");
        assertThat(refused).hasStatus(422);
        assertThat(Desk.body(refused)).contains("id=\"requestType-error\"").contains("value=\"A second monitor\"");

        MvcTestResult sent = carol.upload("/portal/request", List.of(), "key", java.util.UUID.randomUUID().toString(),
                "requestType", "New laptop or equipment", "subject", "A second monitor", "description", "For the standing desk.");
        assertThat(sent).hasStatus(303);
        Ticket ticket = ticket(sent.getResponse().getRedirectedUrl());
        assertThat(ticket.type()).isEqualTo(TicketType.SERVICE_REQUEST);
        assertThat(ticket.category()).isEqualTo("New laptop or equipment");
        assertThat(ticket.requesterId()).isEqualTo(desk.carol.id());
    }

    @Test
    void staffUseTheConsoleInstead() {
        Browser alice = desk.as(desk.alice);
        assertThat(alice.get("/portal")).hasRedirectedUrl("/queues");
        assertThat(alice.get("/portal/report")).hasRedirectedUrl("/tickets/new");
        assertThat(Desk.body(alice.get("/queues"))).doesNotContain("id=\"portal-nav\"");
    }
}
