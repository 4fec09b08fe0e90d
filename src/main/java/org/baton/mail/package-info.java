/**
 * Mail: the desk's email channel. Inbound, it polls IMAP mailboxes, turns a new mail into a ticket and a reply into
 * an entry on the right ticket (by Message-ID, In-Reply-To and References first, then by the ticket number in the
 * subject, and only for a participant of that ticket), recognises auto-replies, bounces and loops, and keeps every
 * message it could not take in a failed-intake list with its raw source. Outbound, it delivers the outbox's
 * notifications over SMTP from templates, with threading headers, retrying with back-off.
 */
@ApplicationModule(displayName = "Mail", allowedDependencies = {"shared", "api", "identity", "ticket", "outbox"})
@NullMarked
package org.baton.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
