package org.baton.mail;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailboxes the intake polls ({@code baton.mail.inbound.*}); see docs/email.md, "Inbound mail".
 *
 * @param enabled whether the recurring poll runs (tests poll themselves)
 * @param interval the pause between two polls
 * @param batch how many messages are fetched from a mailbox at a time (held in memory together)
 * @param workers how many messages are processed at the same time (one sender's mail always in order)
 * @param loopGuard the same sender opening more than {@code maxTickets} tickets within {@code window} is a suspected loop
 * @param ownAddresses addresses that are Baton itself besides {@code baton.mail.from} and the mailboxes' addresses
 */
@ConfigurationProperties("baton.mail.inbound")
record InboundMailSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration interval,
        @DefaultValue("100") int batch,
        @DefaultValue("4") int workers,
        @DefaultValue List<Mailbox> mailboxes,
        @DefaultValue LoopGuard loopGuard,
        @DefaultValue List<String> ownAddresses) {

    /** What happens on the server to a message once it is safely stored. */
    enum AfterIntake {
        DELETE, MOVE
    }

    /**
     * One mailbox.
     *
     * @param name how the mailbox is named in the failed-intake list; its username when not set
     * @param organization the name, code or id of the organization for senders whose mail domain belongs to none
     * @param address the mailbox's own address (mail from it is a loop); its username when that is an address
     * @param moveTo the folder {@code MOVE} puts messages in
     */
    record Mailbox(
            @Nullable String name,
            String host,
            @DefaultValue("993") int port,
            @DefaultValue("imaps") String protocol,
            String username,
            @DefaultValue("") String password,
            @DefaultValue("INBOX") String folder,
            @Nullable String organization,
            @Nullable String address,
            @DefaultValue("DELETE") AfterIntake afterIntake,
            @DefaultValue("Processed") String moveTo,
            @DefaultValue("20s") Duration timeout) {

        String label() {
            return name != null && !name.isBlank() ? name : username + "@" + host;
        }
    }

    record LoopGuard(@DefaultValue("5") int maxTickets, @DefaultValue("10m") Duration window) {}
}
