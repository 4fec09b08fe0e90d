package org.baton.ticket;

import java.time.Instant;

/** A ticket was resolved; {@code firstContactResolved} when the agent who took the contact resolved it without a hand-off. */
public record TicketResolved(TicketId ticketId, TicketNumber number, String resolutionCode, boolean firstContactResolved, Instant occurredAt) implements TicketChanged {}
