package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** Which failures are worth retrying: only a server's refusal of the address (or an unreadable one) is permanent. */
class SendFailureTests {

    private static final Address[] NONE = new Address[0];

    @Test
    void aRecipientTheServerRejectsWith5xxIsPermanent() throws Exception {
        Address carol = new InternetAddress("carol@acme.example");
        // what Jakarta Mail throws for "550 5.1.1 no such user" on RCPT TO, as Spring's sender reports it
        SendFailedException rejected = new SendFailedException("Invalid Addresses",
                new SendFailedException("550 5.1.1 <carol@acme.example>: no such user"), NONE, NONE, new Address[] {carol});
        SendFailure failure = SendFailure.of(new MailSendException(Map.of(new Object(), rejected)).getFailedMessages().values().iterator().next());

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).startsWith("recipient rejected").contains("550 5.1.1");
    }

    @Test
    void aRecipientDeferredWith4xxIsTransient() {
        SendFailedException deferred = new SendFailedException("452 4.2.2 mailbox full", null, NONE,
                new Address[] {address("carol@acme.example")}, NONE);

        assertThat(SendFailure.of(deferred).permanent()).isFalse();
    }

    @Test
    void aServerThatIsDownOrRefusesTheLoginIsTransient() {
        MailSendException down = new MailSendException("Mail server connection failed",
                new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));
        MailAuthenticationException login = new MailAuthenticationException("535 5.7.8 authentication failed");

        assertThat(SendFailure.of(down).permanent()).isFalse();
        assertThat(SendFailure.of(down).reason()).contains("Connection refused");
        assertThat(SendFailure.of(login).permanent()).isFalse();
    }

    @Test
    void anUnreadableAddressIsPermanent() {
        SendFailure failure = SendFailure.of(new AddressException("Domain contains illegal character", "carol@@acme.example"));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).startsWith("invalid address");
    }

    private static Address address(String text) {
        try {
            return new InternetAddress(text);
        } catch (AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
