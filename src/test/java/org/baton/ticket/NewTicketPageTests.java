package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.identity.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class NewTicketPageTests {

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    Desk desk;
    Browser alice;

    @BeforeEach
    void setUp() {
        desk = new Desk(mvc, fixtures);
        alice = Browser.signedIn(mvc, desk.alice.username(), Fixtures.PASSWORD);
    }

    private MvcTestResult log(Browser browser, String... extra) {
        return browser.post("/tickets", fields(extra));
    }

    private String[] fields(String... extra) {
        String[] base = {"key", UUID.randomUUID().toString(), "type", "INCIDENT", "channel", "PHONE",
            "requesterId", desk.carol.id().toString(), "impact", "HIGH", "urgency", "MEDIUM", "category", "Network",
            "subject", "VPN drops every few minutes", "description", "Since this morning, on the 3rd floor."};
        return concat(base, extra);
    }

    private static String[] concat(String[] base, String[] extra) {
        // a later pair replaces an earlier one with the same name
        java.util.LinkedHashMap<String, String> params = new java.util.LinkedHashMap<>();
        for (String[] part : new String[][] {base, extra}) {
            for (int i = 0; i + 1 < part.length; i += 2) {
                params.put(part[i], part[i + 1]);
            }
        }
        return params.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray(String[]::new);
    }

    private static String numberFrom(MvcTestResult result) {
        assertThat(result).hasStatus(303);
        String location = result.getResponse().getHeader("Location");
        assertThat(location).matches("/tickets/INC-\\d+");
        return location.substring("/tickets/".length());
    }

    private int ticketsOfOrganization() {
        return jdbc.sql("select count(*) from tickets where organization_id = :org").param("org", desk.org.id().value())
                .query(Integer.class).single();
    }

    @Test
    void theFormOffersTypeChannelRequesterSearchPriorityAndFirstContactResolution() {
        MvcTestResult page = alice.get("/tickets/new");
        assertThat(page).hasStatusOk().bodyText()
                .contains("id=\"new-ticket-form\"", "id=\"requester-search\"", "id=\"requester-results\"", "id=\"requesterId\"",
                        "id=\"impact\"", "id=\"urgency\"", "id=\"priority-preview\"", "id=\"category\"", "id=\"subject\"",
                        "id=\"description\"", "id=\"first-contact\"", "id=\"resolution-code\"", "id=\"resolution-notes\"")
                .contains("name=\"key\"", "name=\"_csrf\"", "Walk-in", "Caller has no account", "No fault found")
                .doesNotContain("NO_FAULT_FOUND<", ">WALK_IN<");
    }

    @Test
    void aPhoneTicketLoggedThroughTheFormIsOwnedByTheAgentWhoTookTheCall() {
        String number = numberFrom(log(alice));

        MvcTestResult ticket = desk.get(desk.aliceToken, number);
        assertThat(ticket).bodyJson().extractingPath("$.owner.id").isEqualTo(desk.alice.id().toString());
        assertThat(ticket).bodyJson().extractingPath("$.channel").isEqualTo("PHONE");
        assertThat(ticket).bodyJson().extractingPath("$.status").isEqualTo("ASSIGNED");
        assertThat(ticket).bodyJson().extractingPath("$.priority").isEqualTo("P2");
        assertThat(ticket).bodyJson().extractingPath("$.requester.id").isEqualTo(desk.carol.id().toString());
        assertThat(ticket).bodyJson().extractingPath("$.firstContactResolved").isEqualTo(false);
    }

    @Test
    void aCallerWithoutAnAccountIsLoggedByNameAndOrganization() {
        String number = numberFrom(log(alice, "requesterId", "", "requesterName", "Visitor at reception",
                "organizationId", desk.org.id().toString(), "channel", "WALK_IN"));

        MvcTestResult ticket = desk.get(desk.aliceToken, number);
        assertThat(ticket).bodyJson().extractingPath("$.requester.name").isEqualTo("Visitor at reception");
        assertThat(ticket).bodyJson().extractingPath("$.channel").isEqualTo("WALK_IN");
    }

    @Test
    void aContactResolvedOnFirstContactIsCreatedAndResolvedInOneStep() {
        String number = numberFrom(log(alice, "firstContact", "on", "resolutionCode", "FIXED",
                "resolutionNotes", "Reset the VPN profile; the caller connected again."));

        MvcTestResult ticket = desk.get(desk.aliceToken, number);
        assertThat(ticket).bodyJson().extractingPath("$.status").isEqualTo("RESOLVED");
        assertThat(ticket).bodyJson().extractingPath("$.firstContactResolved").isEqualTo(true);
        assertThat(ticket).bodyJson().extractingPath("$.resolution.code").isEqualTo("FIXED");
        assertThat(ticket).bodyJson().extractingPath("$.owner.id").isEqualTo(desk.alice.id().toString());
    }

    @Test
    void badInputIsRefusedWithFieldErrorsBesideTheFieldsKeepsTheInputAndCreatesNothing() {
        int before = ticketsOfOrganization();

        MvcTestResult result = log(alice, "subject", " ", "description", "The printer prints blank pages <b>again</b>",
                "firstContact", "on");

        assertThat(result).hasStatus(422);
        assertThat(result).bodyText()
                .contains("id=\"form-errors\"", "id=\"subject-error\"", "id=\"resolutionCode-error\"", "id=\"resolutionNotes-error\"")
                .contains("The printer prints blank pages &lt;b&gt;again&lt;/b&gt;")
                .contains("value=\"" + desk.carol.id() + "\"")
                .contains(desk.carol.displayName());
        assertThat(ticketsOfOrganization()).isEqualTo(before);
    }

    @Test
    void aResolutionCodeOfAnotherTypeIsRefused() {
        int before = ticketsOfOrganization();

        MvcTestResult result = log(alice, "firstContact", "on", "resolutionCode", "FULFILLED", "resolutionNotes", "Done.");

        assertThat(result).hasStatus(422);
        assertThat(result).bodyText().contains("id=\"resolutionCode-error\"");
        assertThat(ticketsOfOrganization()).isEqualTo(before);
    }

    @Test
    void aDoubleSubmitWithTheSameOneTimeKeyOpensOneTicket() {
        String key = UUID.randomUUID().toString();
        int before = ticketsOfOrganization();

        String first = numberFrom(log(alice, "key", key));
        String second = numberFrom(log(alice, "key", key));

        assertThat(second).isEqualTo(first);
        assertThat(ticketsOfOrganization()).isEqualTo(before + 1);
    }

    @Test
    void theRequesterLookUpOffersOnlyCustomersTheAgentServes() {
        MvcTestResult found = alice.htmx("/tickets/new/requesters?q=" + desk.carol.username());
        assertThat(found).hasStatusOk().bodyText()
                .contains("id=\"requester-results\"", desk.carol.displayName(), desk.org.name(), desk.carol.email())
                .contains("value=\"" + desk.carol.id() + "\"")
                .doesNotContain("id=\"new-ticket-form\"");

        MvcTestResult foreign = alice.htmx("/tickets/new/requesters?q=" + desk.stranger.username());
        assertThat(foreign).hasStatusOk().bodyText().contains("id=\"requester-none\"").doesNotContain(desk.stranger.displayName());

        MvcTestResult byOrganization = alice.htmx("/tickets/new/requesters?q=" + desk.otherOrg.code());
        assertThat(byOrganization).bodyText().doesNotContain(desk.stranger.displayName());

        MvcTestResult outsider = Browser.signedIn(mvc, desk.outsideAgent.username(), Fixtures.PASSWORD)
                .htmx("/tickets/new/requesters?q=" + desk.carol.username());
        assertThat(outsider).bodyText().doesNotContain(desk.carol.displayName());
    }

    @Test
    void withoutJavaScriptTheLookUpShowsTheWholeFormWithTheMatches() {
        MvcTestResult page = alice.get("/tickets/new/requesters?q=" + desk.carol.username());
        assertThat(page).hasStatusOk().bodyText().contains("id=\"new-ticket-form\"", "name=\"requesterPick\"", desk.carol.displayName());

        int before = ticketsOfOrganization();
        MvcTestResult search = log(alice, "requesterId", "", "q", desk.dan.username(), "lookup", "1");
        assertThat(search).hasStatusOk().bodyText().contains(desk.dan.displayName(), "VPN drops every few minutes");
        assertThat(ticketsOfOrganization()).isEqualTo(before);

        String number = numberFrom(log(alice, "requesterId", "", "requesterPick", desk.dan.id().toString()));
        assertThat(desk.get(desk.aliceToken, number)).bodyJson().extractingPath("$.requester.id").isEqualTo(desk.dan.id().toString());
    }

    @Test
    void anAgentCannotLogAContactForACustomerOfAnOrganizationTheyDoNotServe() {
        Browser outsider = Browser.signedIn(mvc, desk.outsideAgent.username(), Fixtures.PASSWORD);
        int before = ticketsOfOrganization();

        MvcTestResult result = log(outsider);

        assertThat(result).hasStatus(422);
        assertThat(result).bodyText().contains("id=\"requesterId-error\"").doesNotContain(desk.carol.displayName());
        assertThat(ticketsOfOrganization()).isEqualTo(before);
    }

    @Test
    void thePriorityPreviewFollowsTheMatrix() {
        assertThat(alice.htmx("/tickets/new/priority?impact=HIGH&urgency=HIGH")).hasStatusOk().bodyText()
                .contains("id=\"priority-preview\"", "priority-p1", "P1 · Critical").doesNotContain("id=\"new-ticket-form\"");
        assertThat(alice.htmx("/tickets/new/priority?impact=LOW&urgency=MEDIUM")).bodyText().contains("priority-p4", "P4 · Low");
        assertThat(alice.get("/tickets/new/priority?impact=MEDIUM&urgency=HIGH")).bodyText()
                .contains("id=\"new-ticket-form\"", "priority-p2", "P2 · High");
    }

    @Test
    void aScreenshotTheCallerSentIsAttachedToTheNewTicketForTheAgentAndTheRequester() {
        assertThat(alice.get("/tickets/new")).bodyText().contains("enctype=\"multipart/form-data\"", "id=\"files\"");

        String number = numberFrom(alice.upload("/tickets",
                List.of(new MockMultipartFile("files", "vpn-error.png", "image/png", TicketAttachmentTests.PNG)), fields()));

        assertThat(alice.get("/tickets/" + number)).bodyText().contains("vpn-error.png", "PNG image");
        Browser carol = Browser.signedIn(mvc, desk.carol.username(), Fixtures.PASSWORD);
        assertThat(carol.get("/tickets/" + number)).bodyText().contains("vpn-error.png");
    }

    @Test
    void aFileOverTheLimitIsAFieldErrorTheFormIsKeptAndNothingIsOpened() {
        int before = ticketsOfOrganization();

        MvcTestResult refused = alice.upload("/tickets",
                List.of(new MockMultipartFile("files", "dump.bin", "application/octet-stream", new byte[1024 * 1024 + 1])), fields());

        assertThat(refused).hasStatus(422);
        assertThat(refused).bodyText().contains("id=\"files-error\"", "&quot;dump.bin&quot; is larger than 1.0 MB",
                "value=\"VPN drops every few minutes\"");
        assertThat(ticketsOfOrganization()).isEqualTo(before);
    }

    @Test
    void customersCannotUseTheForm() {
        Browser carol = Browser.signedIn(mvc, desk.carol.username(), Fixtures.PASSWORD);
        int before = ticketsOfOrganization();

        assertThat(carol.get("/tickets/new")).hasStatus(403);
        assertThat(carol.htmx("/tickets/new/requesters?q=cust")).hasStatus(403);
        assertThat(log(carol)).hasStatus(403);
        assertThat(ticketsOfOrganization()).isEqualTo(before);
    }
}
