package org.batonarchsample.rules;

/** Samples for {@code ArchitectureRules.NO_BANNED_SUFFIXES}. */
public final class NamingSamples {

    public static final class TicketManager {}

    public static final class DateHelper {}

    public static final class StringUtil {}

    public static final class StringUtils {}

    public static final class DirectoryImpl {}

    public static final class TicketDto {}

    public static final class TicketOpenedEvent {}

    /** Good: past-tense event, plural repository, suffix naming a real variant. */
    public static final class TicketOpened {}

    public static final class Tickets {}

    public static final class SmtpMailSender {}

    private NamingSamples() {}
}
