package org.baton.mail;

import java.util.List;
import java.util.Set;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The HTML of inbound mail: sanitized with a conservative policy (formatting, blocks, lists, tables and links with
 * {@code rel="nofollow"}; no images, so nothing is loaded from a remote server when it is shown; no scripts, styles or
 * forms), and turned into plain text when a message has no text/plain part.
 */
final class InboundHtml {

    static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES).and(Sanitizers.LINKS)
            .and(new HtmlPolicyBuilder().allowElements("br", "hr", "pre", "code", "span", "div").toFactory());

    private static final Set<String> SILENT = Set.of("script", "style", "head", "title", "template", "noscript", "xml");
    private static final Set<String> BREAKS = Set.of("br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
            "blockquote", "pre", "hr", "ul", "ol", "dl", "dt", "dd");

    private InboundHtml() {}

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /** The text of {@code html}: tags dropped, block ends as line breaks, entities decoded, scripts and styles left out. */
    static String text(String html) {
        StringBuilder out = new StringBuilder();
        HtmlSanitizer.sanitize(html, new HtmlSanitizer.Policy() {
            int silent;

            @Override
            public void openDocument() {}

            @Override
            public void closeDocument() {}

            @Override
            public void openTag(String element, List<String> attributes) {
                if (SILENT.contains(element)) {
                    silent++;
                } else if (BREAKS.contains(element)) {
                    newline(out);
                } else if (element.equals("td") || element.equals("th")) {
                    out.append(' ');
                }
            }

            @Override
            public void closeTag(String element) {
                if (SILENT.contains(element)) {
                    silent = Math.max(0, silent - 1);
                } else if (BREAKS.contains(element)) {
                    newline(out);
                }
            }

            @Override
            public void text(String text) {
                if (silent == 0) {
                    out.append(text.replace('\u00a0', ' ').replaceAll("[ \\t\\r\\n]+", " "));
                }
            }
        });
        return out.toString().lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("")
                .replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void newline(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
