package org.baton.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.baton.ticket.TicketChannels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading real-world and malformed messages of the corpus: charsets, encodings, structure, sanitizing and trimming. */
class InboundParserTests {

    private static InboundMail parse(String file) throws Exception {
        return InboundParser.parse(Files.readAllBytes(MailCorpusTests.CORPUS.resolve(file)));
    }

    @Test
    void outlookHtmlIsSanitizedAndItsInlineImageIsAnAttachment() throws Exception {
        InboundMail mail = parse("01-outlook-html-inline-image.eml");
        assertThat(mail.fromName()).isEqualTo("Müller, Hans");
        assertThat(mail.text()).isEqualTo("Hallo,\n\nder Drucker im 2. OG druckt seit heute früh nicht mehr.\n\nGrüße\nHans Müller");
        assertThat(mail.html()).contains("<b>nicht</b>").doesNotContain("script").doesNotContain("<img").doesNotContain("alert")
                .doesNotContain("javascript").doesNotContain("style");
        assertThat(mail.attachments()).extracting(TicketChannels.Attachment::filename, TicketChannels.Attachment::declaredType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("image001.png", "image/png"));
        assertThat(mail.attachments().getFirst().bytes()).hasSize(1024);
    }

    @Test
    void aGmailReplyKeepsItsThreadingHeadersAndItsQuoteIsTrimmed() throws Exception {
        InboundMail mail = parse("02-gmail-reply.eml");
        assertThat(mail.references()).containsExactly("<CAFoo123@mail.gmail.com>", "<INC-9990001.5f1d@desk.test>");
        assertThat(QuotedText.trim(mail.text())).isEqualTo("Thanks, it happened again at 9:55.");
        assertThat(mail.text()).contains("> We have received your incident");
    }

    @Test
    void anAppleMailSignatureIsTrimmed() throws Exception {
        InboundMail mail = parse("03-apple-mail.eml");
        assertThat(mail.text()).contains("the “E” key came off my keyboard.");
        assertThat(QuotedText.trim(mail.text())).isEqualTo("Hi,\n\nthe “E” key came off my keyboard.\n\nAnna");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            04-iso-8859-1.eml           | Contraseña caducada                        | Mi contraseña caducó y no puedo entrar. ¿Pueden ayudarme?
            05-windows-1252.eml         | Quotes “broken” in Word                    | Word shows “smart quotes” as boxes – costs € 5 each time.
            06-unknown-charset.eml      | Unknown charset                            | The text is plain UTF-8 really: naïve café.
            07-base64-body.eml          | Password reset (base64)                    | Please reset the password of the shared account "reception".
            08-quoted-printable.eml     | Long line in quoted-printable              | This is a very long line that a mail program wrapped with a soft line break so that it stays under 76 characters; the equals sign = is encoded, and so is the euro €.
            09-rfc2047-subject.eml      | プリンターが印刷できません (printer)        | プリンターが印刷できません。
            17-8bit-headers.eml         | Växeln är trasig – ring tillbaka           | Växeln svarar inte sedan i morse.
            """)
    void charsetsAndEncodingsAreDecoded(String file, String subject, String firstLine) throws Exception {
        InboundMail mail = parse(file);
        assertThat(mail.subject()).isEqualTo(subject.strip());
        assertThat(mail.text().lines().findFirst().orElseThrow()).isEqualTo(firstLine.strip());
    }

    @Test
    void windows1252SenderNamesAndRfc2047NamesAreDecoded() throws Exception {
        assertThat(parse("04-iso-8859-1.eml").fromName()).isEqualTo("José Peña");
        assertThat(parse("09-rfc2047-subject.eml").fromName()).isEqualTo("山田太郎");
        assertThat(parse("17-8bit-headers.eml").fromName()).isEqualTo("Björn Ångström");
    }

    @Test
    void anUnknownCharsetIsReportedAsReadLeniently() throws Exception {
        assertThat(parse("06-unknown-charset.eml").problems()).anySatisfy(p -> assertThat(p).contains("unknown charset x-klingon-42"));
    }

    @Test
    void aForwardedMessageIsAnAttachmentAndItsHtmlIsNotShown() throws Exception {
        InboundMail mail = parse("12-forwarded-rfc822.eml");
        assertThat(mail.text()).isEqualTo("Is this phishing? Forwarding as attachment.");
        assertThat(mail.html()).isNull();
        assertThat(mail.attachments()).extracting(TicketChannels.Attachment::filename)
                .containsExactly("Invoice 4711 overdue.eml", "invoice.pdf");
        assertThat(mail.attachments().get(1).declaredType()).isEqualTo("application/pdf");
    }

    @Test
    void anHtmlOnlyMessageIsTurnedIntoText() throws Exception {
        InboundMail mail = parse("21-html-only-nested.eml");
        assertThat(mail.text()).isEqualTo("Broken\nThe \"VPN\" client says error 809.\nWindows 11\nHome office");
        assertThat(mail.html()).doesNotContain("img").doesNotContain("onerror");
        assertThat(mail.attachments()).extracting(TicketChannels.Attachment::filename).containsExactly("log.csv");
    }

    @Test
    void malformedMessagesAreReadLenientlyOrRefusedWithAReason() throws Exception {
        InboundMail truncated = parse("15-truncated-multipart-missing-boundary.eml");
        assertThat(truncated.text()).contains("The boundary parameter is missing");
        InboundMail huge = parse("18-huge-header-line.eml");
        assertThat(huge.text()).isEqualTo("The X-Tracking header above is absurdly long.");
        assertThat(parse("14-no-from.eml").fromAddress()).isNull();
        assertThat(parse("13-no-message-id.eml").messageId()).isNull();
        InboundMail garbage = parse("16-binary-garbage.eml");
        assertThat(garbage.fromAddress()).isNull();
        assertThatThrownBy(() -> InboundParser.parse(new byte[0])).isInstanceOf(InboundParser.Unreadable.class);
    }

    @Test
    void automaticMailIsRecognised() throws Exception {
        Set<String> own = Set.of("helpdesk@desk.test");
        assertThat(AutomaticMail.of(parse("10-dsn-bounce.eml"), own)).get().extracting(AutomaticMail.Verdict::kind)
                .isEqualTo(AutomaticMail.Kind.BOUNCE);
        assertThat(AutomaticMail.of(parse("11-vacation-auto-reply.eml"), own)).get().extracting(AutomaticMail.Verdict::kind)
                .isEqualTo(AutomaticMail.Kind.AUTO_REPLY);
        assertThat(AutomaticMail.of(parse("20-monitoring-alert.eml"), own)).get().extracting(AutomaticMail.Verdict::kind)
                .isEqualTo(AutomaticMail.Kind.GENERATED);
        assertThat(AutomaticMail.of(parse("02-gmail-reply.eml"), own)).isEmpty();
        assertThat(AutomaticMail.of(parse("02-gmail-reply.eml"), Set.of("carla.gomez@gmail.example"))).get()
                .extracting(AutomaticMail.Verdict::kind).isEqualTo(AutomaticMail.Kind.OWN_ADDRESS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Fixed, thanks.\\n\\nOn Mon, 30 Nov 2026 at 10:00, Desk <d@x> wrote:\\n> old                          | Fixed, thanks.
            Fixed.\\n\\nAm 30.11.2026 um 10:00 schrieb Desk <d@x>:\\n> alt                                | Fixed.
            Fixed.\\nOn Mon, 30 Nov 2026 at 10:00, Service Desk\\n<d@x> wrote:\\n> old                        | Fixed.
            Fixed.\\n\\n-----Original Message-----\\nFrom: Desk\\nSent: Monday\\n\\nold                         | Fixed.
            Fixed.\\n\\nFrom: Desk <d@x>\\nSent: Monday, 30 November 2026 10:00\\nTo: me\\nSubject: x\\n\\nold | Fixed.
            Fixed.\\n-- \\nCarol, Finance                                                                     | Fixed.
            Answer one.\\n> question two\\nAnswer two.                                                      | Answer one.\\n> question two\\nAnswer two.
            > only a quote                                                                                 | > only a quote
            """)
    void quotedHistoryAndSignaturesAreTrimmedForDisplay(String text, String shown) {
        assertThat(QuotedText.trim(text.strip().replace("\\n", "\n"))).isEqualTo(shown.strip().replace("\\n", "\n"));
    }

    @Test
    void messageIdsAreReadFromThreadingHeaders() {
        assertThat(InboundParser.messageIds("<a@b> <c@d>\r\n <e@f>")).isEqualTo(List.of("<a@b>", "<c@d>", "<e@f>"));
        assertThat(InboundParser.messageIds("bare@id")).isEqualTo(List.of("<bare@id>"));
        assertThat(InboundParser.messageIds(null)).isEmpty();
    }
}
