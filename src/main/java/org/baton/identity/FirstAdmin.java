package org.baton.identity;

import java.util.Set;
import org.baton.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator of an empty directory from {@code BATON_ADMIN_USER} and
 * {@code BATON_ADMIN_PASSWORD}, so a deployment can be scripted without clicking. Once any active
 * administrator exists the variables are ignored. Safe when several nodes start at once: the unique
 * username lets only one of them create it.
 */
@Component
@Order(20)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Users users;
    private final DirectoryAdministration admin;
    private final String username;
    private final String password;

    FirstAdmin(Users users, DirectoryAdministration admin, @Value("${baton.admin.user:}") String username,
            @Value("${baton.admin.password:}") String password) {
        this.users = users;
        this.admin = admin;
        this.username = username.strip();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.countActiveAdmins() > 0) {
            return;
        }
        if (username.isEmpty() || password.isEmpty()) {
            log.warn("There is no active administrator. Set BATON_ADMIN_USER and BATON_ADMIN_PASSWORD and restart to create one.");
            return;
        }
        String email = username.contains("@") ? username : username + "@localhost.localdomain";
        try {
            admin.createUser(new AccountDetails(username, email, "Administrator", Role.ADMIN, null, "", "", "UTC", Set.of(), true), password);
            log.info("Created the first administrator '{}' from BATON_ADMIN_USER", username);
        } catch (DuplicateKeyException raceLostToAnotherNode) {
            log.info("Another node created the first administrator");
        } catch (InvalidInput e) {
            throw new IllegalStateException("BATON_ADMIN_USER / BATON_ADMIN_PASSWORD cannot be used: " + e.getMessage(), e);
        }
    }
}
