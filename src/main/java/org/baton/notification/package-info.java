/**
 * In-app notifications: what a member of staff is told inside Baton, shown as a counter in the navigation and
 * as a list that links to each ticket. The notifications are written synchronously, in the transaction of the
 * change that causes them, from the events of the ticket and service-level modules: a hand-off tells the members
 * of the receiving group (and the named assignee), an SLA warning or breach tells the people the SLA module
 * notified, and a customer's reply tells the owner and the assignee. Each person gets at most one notification per
 * source event, so a redelivered event never doubles one.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"shared", "identity", "ticket", "sla"})
@NullMarked
package org.baton.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
