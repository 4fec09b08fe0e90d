package org.baton.ticket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baton.identity.OrganizationId;
import org.baton.identity.UserId;
import org.jspecify.annotations.Nullable;

/**
 * How a channel of Baton's own (the mail intake) opens tickets and adds to them on behalf of the people who wrote in.
 * The channel decides who wrote and whether they may write to a ticket ({@link #isParticipant}); these methods do
 * not check what the writer may see. Each runs in the caller's transaction when there is one.
 */
public interface TicketChannels {

    /**
     * A file that came with a message: stored as an attachment of the entry (sniffed, size-limited, with the entry's
     * visibility); one the store refuses (too large, empty) is named on the entry and stays in the raw message.
     */
    record Attachment(String filename, String declaredType, byte[] bytes) {}

    /**
     * One message as a ticket records it.
     *
     * @param subject the subject line as the sender wrote it
     * @param text the text shown on the timeline: quoted history and signature trimmed
     * @param fullText the whole text when {@code text} was trimmed from it; null when nothing was trimmed
     * @param html the sanitized HTML body, if the message had one
     * @param facts what the channel knows of the message (sender, Message-ID, date, mailbox), kept in the entry's details
     * @param copied the addresses copied on the message: they become participants of the ticket
     */
    record ChannelMessage(String subject, String text, @Nullable String fullText, @Nullable String html, Map<String, String> facts,
            List<String> copied, List<Attachment> attachments) {

        public ChannelMessage {
            facts = Map.copyOf(facts);
            copied = List.copyOf(copied);
            attachments = List.copyOf(attachments);
        }
    }

    /** What a channel needs to know of a ticket to decide where a message goes. */
    record TicketSummary(TicketId id, TicketNumber number, @Nullable UserId requesterId, String requesterContact,
            OrganizationId organizationId, TicketStatus status) {

        /** Whether a reply can still be added; a closed or cancelled ticket takes none (a new ticket is opened instead). */
        public boolean acceptsReplies() {
            return status != TicketStatus.CLOSED && status != TicketStatus.CANCELLED;
        }
    }

    Optional<TicketSummary> ticket(TicketNumber number);

    /**
     * Opens an incident for the customer {@code requester} (in their organization) from {@code channel}. The customer is
     * sent the usual RECEIVED notice unless {@code automatic} (mail written by a machine is never answered). With
     * {@code relatedTo}, the new ticket is linked RELATED_TO that one.
     */
    TicketNumber open(UserId requester, Channel channel, ChannelMessage message, boolean automatic, @Nullable TicketNumber relatedTo);

    /**
     * Adds the reply of a participant ({@code author}, named {@code authorName}) as a public entry by them: it resumes a ticket pending on the customer and reopens a
     * resolved one. Refused ({@link org.baton.shared.Refused}) for a closed or cancelled ticket.
     */
    void reply(TicketNumber number, UserId author, String authorName, ChannelMessage message);

    /** Adds a message written by a machine (an auto-reply, a bounce) as an internal entry; nobody is told. */
    void addAutomatic(TicketNumber number, String sender, ChannelMessage message);

    /**
     * Whether the user with {@code address} may write to the ticket: its requester, an address copied on an earlier
     * message of the ticket (or its requester contact), or a colleague in the requester's organization when that
     * organization shares tickets among its customers.
     */
    boolean isParticipant(TicketSummary ticket, @Nullable UserId user, String address);
}
