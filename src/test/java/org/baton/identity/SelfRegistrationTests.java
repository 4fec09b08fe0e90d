package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Optional;
import org.baton.Browser;
import org.baton.IntegrationTest;
import org.baton.outbox.Outbox;
import org.baton.outbox.PendingMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Self-registration in the portal: only where the organization allows it, for its domains, confirmed by a single-use link. */
@IntegrationTest
class SelfRegistrationTests {

    private static final String PASSWORD = "a-long-new-password";

    @Autowired MockMvcTester mvc;
    @Autowired Fixtures fixtures;
    @Autowired DirectoryAdministration admin;
    @Autowired Users users;
    @Autowired Outbox outbox;
    @Autowired JdbcClient jdbc;

    private Organization openOrganization() {
        String code = Fixtures.unique("R");
        return admin.createOrganization(new OrganizationDetails("Org " + code, code, List.of(code.toLowerCase() + ".example"), false,
                true, true));
    }

    private static String address(Organization org, String who) {
        return Fixtures.unique(who) + "@" + org.mailDomains().getFirst();
    }

    private MvcTestResult register(Browser browser, String name, String email, String password) {
        return browser.post("/portal/register", "name", name, "email", email, "password", password);
    }

    private PendingMessage onlyMailTo(String email) {
        User user = users.byLogin(email).orElseThrow();
        List<PendingMessage> mails = outbox.about(user.id().value());
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().recipient()).isEqualTo(email);
        return mails.getFirst();
    }

    private static String token(PendingMessage mail) {
        String link = JsonPath.read(mail.payload(), "$.link");
        assertThat(link).startsWith("/portal/verify?token=");
        return link.substring("/portal/verify?token=".length());
    }

    @Test
    void aNewCustomerRegistersConfirmsTheAddressOnceAndSignsIn() {
        Organization org = openOrganization();
        String email = address(org, "erin");
        Browser browser = new Browser(mvc);
        assertThat(browser.get("/sign-in")).bodyText().contains("Create your account");

        assertThat(register(browser, "Erin Example", email, PASSWORD)).hasRedirectedUrl("/portal/register/sent");
        User created = users.byLogin(email).orElseThrow();
        assertThat(created.active()).isFalse();
        assertThat(created.role()).isEqualTo(Role.CUSTOMER);
        assertThat(created.organizationId()).isEqualTo(org.id());
        PendingMessage mail = onlyMailTo(email);
        assertThat(mail.kind()).isEqualTo("CUSTOMER_NOTIFICATION");
        assertThat((String) JsonPath.read(mail.payload(), "$.template")).isEqualTo("VERIFY_EMAIL");
        String token = token(mail);
        // only the hash is stored
        assertThat(jdbc.sql("select count(*) from portal_verifications where token_hash = :t").param("t", token).query(Long.class).single())
                .isZero();

        // not confirmed yet: sign-in refused with the generic message
        assertThat(new Browser(mvc).signIn(email, PASSWORD)).hasRedirectedUrl("/sign-in?error");

        assertThat(browser.get("/portal/verify?token=" + token)).hasStatusOk().bodyText().contains("Confirm my address");
        assertThat(browser.post("/portal/verify", "token", token)).hasRedirectedUrl("/sign-in?verified");
        assertThat(browser.get("/sign-in?verified")).bodyText().contains("Your email address is confirmed");
        assertThat(users.byLogin(email).orElseThrow().active()).isTrue();
        assertThat(new Browser(mvc).signIn(email, PASSWORD)).hasRedirectedUrl("/portal");

        // the link works once
        MvcTestResult again = new Browser(mvc).post("/portal/verify", "token", token);
        assertThat(again).hasStatus(410).bodyText().contains("already used");
    }

    @Test
    void anExpiredLinkConfirmsNothing() {
        Organization org = openOrganization();
        String email = address(org, "late");
        Browser browser = new Browser(mvc);
        register(browser, "Late Larry", email, PASSWORD);
        String token = token(onlyMailTo(email));
        jdbc.sql("update portal_verifications set expires_at = expires_at - interval '25' hour where user_id = :id")
                .param("id", users.byLogin(email).orElseThrow().id().value()).update();

        assertThat(browser.get("/portal/verify?token=" + token)).hasStatus(410).bodyText().contains("expired");
        assertThat(browser.post("/portal/verify", "token", token)).hasStatus(410);
        assertThat(users.byLogin(email).orElseThrow().active()).isFalse();
        assertThat(browser.post("/portal/verify", "token", "not-a-token")).hasStatus(404);
    }

    @Test
    void anOrganizationWithoutSelfRegistrationRefusesAndCreatesNothing() {
        Organization closed = fixtures.organization();
        String email = address(closed, "nope");

        MvcTestResult refused = register(new Browser(mvc), "No Body", email, PASSWORD);

        assertThat(refused).hasStatus(422);
        assertThat(html(refused)).contains("id=\"email-error\"").contains("value=\"No Body\"").contains("value=\"" + email + "\"")
                .doesNotContain(PASSWORD);
        assertThat(users.byLogin(email)).isEmpty();
    }

    @Test
    void anAddressOfAnotherDomainIsRefused() {
        openOrganization();
        String email = Fixtures.unique("mallory") + "@elsewhere.example";
        assertThat(register(new Browser(mvc), "Mallory", email, PASSWORD)).hasStatus(422);
        assertThat(users.byLogin(email)).isEmpty();
    }

    @Test
    void aWeakPasswordIsAFieldError() {
        Organization org = openOrganization();
        MvcTestResult refused = register(new Browser(mvc), "Short Pat", address(org, "pat"), "short");
        assertThat(refused).hasStatus(422);
        assertThat(html(refused)).contains("id=\"password-error\"").contains("at least 10 characters");
    }

    @Test
    void anExistingAccountGetsTheSameAnswerAndAMailInsteadOfASecondAccount() {
        Organization org = openOrganization();
        User carol = fixtures.customerOf(org);

        assertThat(register(new Browser(mvc), "Carol Again", carol.email(), PASSWORD)).hasRedirectedUrl("/portal/register/sent");

        Optional<User> same = users.byLogin(carol.email());
        assertThat(same).map(User::id).contains(carol.id());
        List<PendingMessage> mails = outbox.about(carol.id().value());
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat((String) JsonPath.read(m.payload(), "$.template")).isEqualTo("ACCOUNT_EXISTS");
            assertThat(m.recipient()).isEqualTo(carol.email());
        });
        // the password is unchanged
        assertThat(new Browser(mvc).signIn(carol.username(), Fixtures.PASSWORD)).hasRedirectedUrl("/portal");
        assertThat(new Browser(mvc).signIn(carol.username(), PASSWORD)).hasRedirectedUrl("/sign-in?error");
    }

    @Test
    void adminsSwitchSelfRegistrationOnInTheApiAndItNeedsAMailDomain() {
        Organization org = fixtures.organization();
        String token = fixtures.tokenFor(fixtures.admin());
        MvcTestResult patched = mvc.patch().uri("/api/v1/organizations/" + org.id()).header(AUTHORIZATION, "Bearer " + token)
                .header("If-Match", "\"0\"").contentType("application/merge-patch+json").content("{\"selfRegistration\": true}").exchange();
        assertThat(patched).hasStatusOk().bodyJson().extractingPath("$.selfRegistration").isEqualTo(true);

        MvcTestResult noDomains = mvc.patch().uri("/api/v1/organizations/" + org.id()).header(AUTHORIZATION, "Bearer " + token)
                .header("If-Match", "\"1\"").contentType("application/merge-patch+json").content("{\"mailDomains\": null}").exchange();
        assertThat(noDomains).hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("selfRegistration");
    }

    @Test
    void adminsSwitchSelfRegistrationOnOnTheOrganizationPage() {
        Organization org = fixtures.organization();
        Browser admin = Browser.signedIn(mvc, fixtures.admin().username(), Fixtures.PASSWORD);
        assertThat(admin.get("/admin/organizations/" + org.id())).bodyText().contains("may create their own portal account");
        MvcTestResult saved = admin.post("/admin/organizations/" + org.id(), "name", org.name(), "code", org.code(), "mailDomains",
                org.mailDomains().getFirst(), "selfRegistration", "true", "active", "true", "version", "0");
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(jdbc.sql("select self_registration from organizations where id = :id").param("id", org.id().value())
                .query(Boolean.class).single()).isTrue();
    }

    private static String html(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
