/**
 * The transactional outbox: side effects that leave Baton (customer notifications, mail, webhooks,
 * pages) are written as rows in the same database transaction as the change that causes them, so a
 * crash loses nothing and a rolled-back change sends nothing. Delivery channels (the mail module,
 * webhooks) read pending messages and mark them delivered.
 */
@ApplicationModule(displayName = "Outbox", allowedDependencies = {"shared"})
@NullMarked
package org.baton.outbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
