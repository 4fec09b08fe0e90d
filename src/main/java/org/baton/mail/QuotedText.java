package org.baton.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Trims what a reply repeats from earlier mail, for display: the quoted history ("On … wrote:", "-----Original
 * Message-----", Outlook's "From: … Sent: …" block, a trailing block of "&gt; " lines) and the signature (from a "-- "
 * line). The full text is kept next to the trimmed one; when trimming would leave nothing, nothing is trimmed.
 */
final class QuotedText {

    private static final Pattern WROTE = Pattern.compile("^(On|Am|Le|El|Op|Il)\\s.{0,300}(wrote|schrieb|a écrit|escribió|schreef|ha scritto)(\\s.{0,300})?:\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ORIGINAL = Pattern.compile("^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message)\\s*-{2,}.*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\s*\\*?(From|Von|De)\\s*:\\*?\\s+\\S.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_SENT = Pattern.compile("^\\s*\\*?(Sent|Date|Gesendet|Envoyé)\\s*:\\*?\\s+\\S.*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RULE = Pattern.compile("^\\s*_{10,}\\s*$");

    private QuotedText() {}

    /** The text without quoted history and signature; the text itself when there is nothing to trim. */
    static String trim(String text) {
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        int cut = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("-- ") || line.equals("--")) {
                cut = i;
                break;
            }
            if (ORIGINAL.matcher(line).matches() || RULE.matcher(line).matches() && followedByOutlookBlock(lines, i + 1)) {
                cut = i;
                break;
            }
            if (WROTE.matcher(line).matches()
                    || i + 1 < lines.size() && line.matches("(?i)^(On|Am)\\s.*") && WROTE.matcher(line + " " + lines.get(i + 1)).matches()) {
                cut = i;
                break;
            }
            if (OUTLOOK_FROM.matcher(line).matches() && followedByOutlookBlock(lines, i)) {
                cut = i;
                break;
            }
        }
        // a trailing block of quoted lines ("> …"), with the blank lines around it
        int end = cut;
        while (end > 0 && (lines.get(end - 1).isBlank() || lines.get(end - 1).startsWith(">"))) {
            end--;
        }
        boolean quotedTail = false;
        for (int i = end; i < cut; i++) {
            quotedTail |= lines.get(i).startsWith(">");
        }
        if (quotedTail) {
            cut = end;
        }
        String trimmed = String.join("\n", lines.subList(0, cut)).strip();
        return trimmed.isEmpty() ? text.strip() : trimmed;
    }

    /** Outlook's header block: "From: …" and within the next few lines "Sent: …" (or "Date: …"). */
    private static boolean followedByOutlookBlock(List<String> lines, int from) {
        int start = from;
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        if (start >= lines.size() || !OUTLOOK_FROM.matcher(lines.get(start)).matches()) {
            return false;
        }
        for (int i = start + 1; i < lines.size() && i <= start + 4; i++) {
            if (OUTLOOK_SENT.matcher(lines.get(i)).matches()) {
                return true;
            }
        }
        return false;
    }
}
