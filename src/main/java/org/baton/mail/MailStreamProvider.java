package org.baton.mail;

/**
 * Names Jakarta Mail's stream provider with its system property. Without it, Jakarta Mail 2.1 looks the provider up
 * with a {@link java.util.ServiceLoader} on every header block, body part and decoded stream it makes
 * (jakartaee/mail-api#699, #861): a scan of {@code META-INF/services} across every jar nested in Baton's jar, about a
 * fifth of the CPU of taking a mail in. With the property set, the lookup loads the named class directly.
 */
final class MailStreamProvider {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProvider() {}

    /** Sets the property to Angus Mail's provider, unless it is set already or Angus Mail is not on the class path. */
    static void install() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS, false, MailStreamProvider.class.getClassLoader());
            System.setProperty(PROPERTY, ANGUS);
        } catch (ClassNotFoundException e) {
            // another Jakarta Mail implementation: its own service entry is found as before
        }
    }
}
