package org.baton.ticket;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.baton.BrowserTest;
import org.baton.Chromium;
import org.baton.identity.Directory;
import org.baton.identity.DirectoryAdministration;
import org.baton.identity.Fixtures;
import org.baton.identity.OrganizationDetails;
import org.baton.outbox.Outbox;
import org.baton.identity.Organization;
import org.baton.identity.SupportGroup;
import org.baton.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A customer's visit to the portal in a real browser: sign in, report a problem with a screenshot attached, find
 * it in "my tickets" with who has it and when they hear next, open it, read the public timeline (never the
 * internal note) and reply with another file.
 */
@BrowserTest
class CustomerPortalBrowserTests {

    @Autowired Fixtures fixtures;
    @Autowired DirectoryAdministration admin;
    @Autowired Directory directory;
    @Autowired Outbox outbox;
    @LocalServerPort int port;

    @Test
    void aCustomerReportsAProblemWithAFileFindsItInMyTicketsAndReplies(Chromium chromium) throws Exception {
        Organization client = fixtures.organization();
        SupportGroup serviceDesk = fixtures.groupServing(client);
        User alice = fixtures.agentIn(serviceDesk);
        User carol = fixtures.customerOf(client);
        Path files = Files.createTempDirectory("portal-files");
        Path screenshot = Files.write(files.resolve("scanner-error.png"), TicketAttachmentTests.PNG);
        Path log = files.resolve("scanner-log.txt");
        Files.writeString(log, "12:01 connect failed: no route to host\n12:02 connect failed: no route to host\n");

        // Carol signs in and lands on her tickets
        Page page = chromium.signedIn(carol.username(), Fixtures.PASSWORD);
        assertThat(page).hasURL(Pattern.compile("/portal$"));
        assertThat(page.locator("#portal-nav")).isVisible();
        assertThat(page.locator("#no-tickets")).isVisible();
        chromium.screenshot(page, "portal-1-my-tickets-empty");

        // she reports a problem in plain words, with a screenshot
        page.locator("#report-problem").click();
        assertThat(page).hasURL(Pattern.compile("/portal/report$"));
        page.locator("#subject").fill("Warehouse scanners cannot connect to the network");
        page.locator("#since").selectOption("TODAY");
        page.locator("label[for=affected-MEDIUM]").click();
        page.locator("label[for=blocked-HIGH]").click();
        page.locator("#description").fill("All handheld scanners in hall B show 'no network' since the morning shift started.");
        page.locator("#files").setInputFiles(screenshot);
        chromium.screenshot(page, "portal-2-report-a-problem");
        page.locator("#portal-submit").click();

        assertThat(page).hasURL(Pattern.compile("/tickets/INC-\\d+$"));
        String number = page.locator("#ticket-number").innerText().strip();
        assertThat(page.locator("#ticket-notice")).containsText(number + " is logged");
        assertThat(page.locator("#timeline")).containsText(screenshot.getFileName().toString());
        assertThat(page.locator("#timeline")).containsText("PNG image");
        assertThat(page.locator("#portal-nav")).isVisible();

        // the desk takes it on: Alice owns it, writes an internal note and promises the next update
        String token = fixtures.tokenFor(alice);
        api(token, "/api/v1/tickets/" + number + "/transitions", "{\"to\": \"IN_PROGRESS\"}");
        api(token, "/api/v1/tickets/" + number + "/comments", "{\"body\": \"Switch in hall B rebooted at 06:00, check its uplink.\", "
                + "\"visibility\": \"INTERNAL\"}");
        api(token, "/api/v1/tickets/" + number + "/status-updates", "{\"actionTaken\": \"We are checking the network switch in hall B.\", "
                + "\"restorationUnknownReason\": \"the cause is not known yet\", \"nextUpdateAt\": \""
                + Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + "\"}");

        // My tickets shows who has it and when Carol hears next
        page.locator("#nav-my-tickets").click();
        Locator row = page.locator("#row-" + number);
        assertThat(row).containsText("Warehouse scanners cannot connect");
        assertThat(row).containsText(alice.displayName());
        assertThat(row).containsText("In progress");
        assertThat(row.locator(".next-update")).containsText("in 1 h");
        chromium.screenshot(page, "portal-3-my-tickets");

        // she opens it: the public timeline, without the internal note
        row.locator("a").first().click();
        assertThat(page.locator("#ticket-number")).hasText(number);
        assertThat(page.locator("#timeline")).containsText("We are checking the network switch in hall B.");
        assertThat(page.locator("#timeline")).not().containsText("uplink");

        // and replies with the scanner's log
        page.locator("#reply-body").fill("The scanners' log is attached.");
        page.locator("#reply-files").setInputFiles(log);
        page.locator("#reply-submit").click();
        assertThat(page.locator("#timeline")).containsText("The scanners' log is attached.");
        assertThat(page.locator("#timeline")).containsText(log.getFileName().toString());
        chromium.screenshot(page, "portal-4-ticket-after-reply");

        // the file downloads as a file, not as a page
        var download = page.waitForDownload(() -> page.locator(".timeline-file-link", new Page.LocatorOptions()
                .setHasText(log.getFileName().toString())).click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo(log.getFileName().toString());
    }

    @Test
    void theReportFormWorksWithoutJavaScript(Chromium chromium) {
        Organization client = fixtures.organization();
        User dan = fixtures.customerOf(client);
        Page page = chromium.newPageWithoutJavaScript();
        chromium.signIn(page, dan.username(), Fixtures.PASSWORD);
        page.navigate("/portal/request");
        page.locator("#portal-submit").click();
        assertThat(page.locator("#requestType-error")).isVisible();
        assertThat(page.locator("#subject-error")).isVisible();
        chromium.screenshot(page, "portal-5-request-errors");
        page.locator("#requestType").selectOption("Software or a licence");
        page.locator("#subject").fill("Visio for drawing the new warehouse layout");
        page.locator("#portal-submit").click();
        assertThat(page).hasURL(Pattern.compile("/tickets/REQ-\\d+$"));
    }

    @Test
    void someoneOfAnOpenOrganizationRegistersConfirmsTheAddressAndSignsIn(Chromium chromium) {
        String code = Fixtures.unique("P");
        Organization open = admin.createOrganization(new OrganizationDetails("Org " + code, code, java.util.List.of(code.toLowerCase()
                + ".example"), false, true, true));
        String email = Fixtures.unique("grace") + "@" + open.mailDomains().getFirst();

        Page page = chromium.newPage();
        page.navigate("/sign-in");
        page.locator("#register-link a").click();
        page.locator("#name").fill("Grace Hopper");
        page.locator("#email").fill(email);
        page.locator("#password").fill("short");
        page.locator("#register-submit").click();
        assertThat(page.locator("#password-error")).containsText("at least 10 characters");
        assertThat(page.locator("#email")).hasValue(email);
        chromium.screenshot(page, "portal-6-register-errors");
        page.locator("#password").fill("cobol-and-compilers");
        page.locator("#register-submit").click();
        assertThat(page.locator("#registered")).containsText("Check your inbox");
        chromium.screenshot(page, "portal-7-check-your-inbox");

        // the link from the mail (the outbox holds it until the mail module sends it)
        User grace = directory.userByLogin(email).orElseThrow();
        String link = com.jayway.jsonpath.JsonPath.read(outbox.about(grace.id().value()).getFirst().payload(), "$.link");
        page.navigate(link);
        chromium.screenshot(page, "portal-8-confirm");
        page.locator("#verify-submit").click();
        assertThat(page.locator("#verified")).isVisible();
        assertThat(page.locator("#username")).not().hasValue("");
        page.locator("#password").fill("cobol-and-compilers");
        page.locator("#sign-in-form button[type=submit]").click();
        assertThat(page).hasURL(Pattern.compile("/portal$"));
        assertThat(page.locator("h1")).containsText("Grace Hopper");
    }

    private void api(String token, String path, String json) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new AssertionError(path + ": " + answer.statusCode() + " " + answer.body());
        }
    }
}
