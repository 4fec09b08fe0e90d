package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.baton.Browser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A deployment scripted without clicking: an empty database gets its first administrator from the environment. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:first-admin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "baton.admin.user=root-admin",
    "baton.admin.password=first-admin-password"
})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FirstAdminTests {

    @Autowired MockMvcTester mvc;
    @Autowired Directory directory;
    @Autowired FirstAdmin firstAdmin;
    @Autowired Users users;

    @Test
    void createsTheFirstAdministratorWhoCanSignInAndAdminister() {
        User admin = directory.userByLogin("root-admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        Browser browser = Browser.signedIn(mvc, "root-admin", "first-admin-password");
        assertThat(browser.get("/admin/users")).hasStatusOk().bodyText().contains("root-admin");
    }

    @Test
    void doesNothingOnceAnAdministratorExists() throws Exception {
        long adminsBefore = users.countActiveAdmins();
        long usersBefore = users.count();
        firstAdmin.run(null);
        assertThat(users.countActiveAdmins()).isEqualTo(adminsBefore).isOne();
        assertThat(users.count()).isEqualTo(usersBefore);
    }
}
