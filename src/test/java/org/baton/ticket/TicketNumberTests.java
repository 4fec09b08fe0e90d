package org.baton.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which texts are ticket numbers: the type's prefix, a dash and a counter from 1, with no leading zero. */
class TicketNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"INC-1", "REQ-1042", "PRB-70", "OPS-9", "INC-1000000000000000", "REQ-9999999999999999"})
    void aPrefixADashAndACounterIsANumber(String text) {
        assertThat(new TicketNumber(text).value()).isEqualTo(text);
        assertThat(TicketNumber.parse(text)).contains(new TicketNumber(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "INC", "INC-", "INC-0", "INC-01", "INC1042", "INC 1042", "XYZ-1", "IN-12", "INCC-1",
        "INC-1a", "INC--1", "INC-+1", "INC-10000000000000000", "inc-1", " INC-1", "INC-1 ", "INC-١٢"})
    void anythingElseIsRefusedAsANumber(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TicketNumber(text)).withMessageContaining("not a ticket number");
    }

    @Test
    void parsingIgnoresCaseAndSurroundingBlanks() {
        assertThat(TicketNumber.parse("  inc-1042 ")).contains(new TicketNumber("INC-1042"));
        assertThat(TicketNumber.parse("req-7\n")).contains(new TicketNumber("REQ-7"));
        assertThat(TicketNumber.parse("INC-0")).isEmpty();
        assertThat(TicketNumber.parse("ticket 1042")).isEmpty();
    }

    /** The check is written by hand for speed; it accepts exactly what the format's regular expression accepts. */
    @Test
    void acceptsExactlyWhatTheFormatsRegularExpressionAccepts() {
        Pattern format = Pattern.compile("(INC|REQ|PRB|OPS)-[1-9][0-9]{0,15}");
        String[] pieces = {"INC", "REQ", "PRB", "OPS", "IN", "C", "X", "-", " ", "a", "0", "1", "9", "5", "00", "123456789"};
        Random random = new Random(7);
        int numbers = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(7);
            for (int p = 0; p < parts; p++) {
                // mostly a prefix and digits, so that both answers occur often
                if (p == 0 && random.nextBoolean()) {
                    text.append(pieces[random.nextInt(4)]).append('-');
                } else {
                    text.append(pieces[random.nextInt(5) == 0 ? random.nextInt(pieces.length) : 10 + random.nextInt(6)]);
                }
            }
            boolean expected = format.matcher(text).matches();
            numbers += expected ? 1 : 0;
            assertThat(TicketNumber.valid(text.toString())).as("\"%s\"", text).isEqualTo(expected);
        }
        assertThat(numbers).as("generated texts that are numbers").isGreaterThan(10_000);
    }
}
