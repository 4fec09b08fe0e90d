package org.baton.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.ticket.TicketChannels;
import org.jspecify.annotations.Nullable;

/**
 * Reads a raw RFC 5322 message leniently: wrong or unknown charsets fall back to UTF-8 or windows-1252, RFC 2047 words
 * are decoded even where mailers put them wrongly, a multipart without its boundary is read as one text, and forwarded
 * messages (message/rfc822) are kept as attachments. Only a message with no headers at all is refused.
 */
final class InboundParser {

    static final int MAX_HEADER = 998;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,990}>");
    private static final Session SESSION;

    static {
        MailStreamProvider.install();
        // lenient RFC 2047: encoded words inside other words, as some mailers write them
        System.setProperty("mail.mime.decodetext.strict", "false");
        System.setProperty("mail.mime.ignoreunknownencoding", "true");
        System.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        System.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        System.setProperty("mail.mime.multipart.allowempty", "true");
        System.setProperty("mail.mime.parameters.strict", "false");
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        SESSION = Session.getInstance(properties);
    }

    private InboundParser() {}

    /** Refused: not a mail message at all. */
    static final class Unreadable extends Exception {
        Unreadable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }

    static InboundMail parse(byte[] raw) throws Unreadable {
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new Unreadable("not a mail message: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        try {
            if (!message.getAllHeaders().hasMoreElements()) {
                throw new Unreadable("not a mail message: it has no headers", null);
            }
        } catch (MessagingException e) {
            throw new Unreadable("not a mail message: " + e.getMessage(), e);
        }
        String messageId = messageId(header(message, "Message-ID"));
        List<String> references = new ArrayList<>();
        references.addAll(messageIds(header(message, "In-Reply-To")));
        List<String> refs = new ArrayList<>(messageIds(header(message, "References")));
        java.util.Collections.reverse(refs);
        references.addAll(refs);
        references = new ArrayList<>(new LinkedHashSet<>(references));
        InternetAddress from = firstAddress(message, "From", problems);
        if (from == null) {
            from = firstAddress(message, "Sender", problems);
        }
        if (from == null) {
            from = firstAddress(message, "Reply-To", problems);
        }
        String subject = decoded(header(message, "Subject"));
        Instant sentAt = null;
        try {
            sentAt = message.getSentDate() == null ? null : message.getSentDate().toInstant();
        } catch (MessagingException | RuntimeException e) {
            problems.add("unreadable Date header");
        }
        Body body = new Body();
        try {
            walk(message, body, problems, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            problems.add("unreadable body (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); read as plain text");
            body.plain.setLength(0);
            body.plain.append(fallbackText(raw));
        }
        String html = body.html.isEmpty() ? null : InboundHtml.sanitize(body.html.toString());
        String text = !body.plain.toString().isBlank() ? body.plain.toString() : body.html.isEmpty() ? "" : InboundHtml.text(body.html.toString());
        InboundMail.Headers headers = new InboundMail.Headers(header(message, "Auto-Submitted"), header(message, "Precedence"),
                header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null
                        || header(message, "X-Autoresponder") != null,
                header(message, "X-Auto-Response-Suppress"), header(message, "Return-Path"), header(message, "Content-Type"),
                reportType(header(message, "Content-Type")));
        return new InboundMail(messageId, references, from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                from == null ? null : blankToNull(from.getPersonal()), addresses(message, "To", problems),
                addresses(message, "Cc", problems), clip(subject == null ? "" : subject.strip(), 1000), sentAt,
                text.replace("\r\n", "\n").strip(), html, body.attachments, headers, problems);
    }

    /**
     * What the failed-intake list shows of a message, and the Message-IDs it answers (In-Reply-To, References), read from
     * its headers alone (null and empty when it has none).
     */
    record Summary(@Nullable String messageId, @Nullable String from, @Nullable String subject, List<String> references) {}

    static Summary summaryOf(byte[] raw) {
        try {
            var headers = new jakarta.mail.internet.InternetHeaders(new ByteArrayInputStream(raw), true);
            String id = headers.getHeader("Message-ID", null);
            String subject = decoded(eightBit(headers.getHeader("Subject", null)));
            String fromHeader = eightBit(headers.getHeader("From", null));
            String from = null;
            if (fromHeader != null) {
                try {
                    Address[] parsed = InternetAddress.parseHeader(fromHeader, false);
                    if (parsed.length > 0 && parsed[0] instanceof InternetAddress a && a.getAddress() != null) {
                        from = a.getAddress().toLowerCase(Locale.ROOT);
                    }
                } catch (AddressException e) {
                    from = clip(fromHeader, 320);
                }
            }
            List<String> references = new ArrayList<>(messageIds(headers.getHeader("In-Reply-To", " ")));
            references.addAll(messageIds(headers.getHeader("References", " ")));
            return new Summary(messageId(id), from, subject == null ? null : clip(subject.strip(), 1000), List.copyOf(references));
        } catch (MessagingException | RuntimeException e) {
            return new Summary(null, null, null, List.of());
        }
    }

    private static final class Body {
        final StringBuilder plain = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<TicketChannels.Attachment> attachments = new ArrayList<>();
    }

    private static void walk(Part part, Body body, List<String> problems, int depth) throws MessagingException, IOException {
        if (depth > 20) {
            problems.add("multiparts nested deeper than 20 levels; the rest is kept in the raw message");
            return;
        }
        String type = contentType(part);
        String filename = filename(part);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || filename != null && !type.startsWith("text/")
                || filename != null && Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
        if (type.startsWith("multipart/")) {
            Object content;
            try {
                content = part.getContent();
            } catch (MessagingException e) {
                problems.add("a broken multipart (" + e.getMessage() + "); read as plain text");
                body.plain.append(text(part, problems));
                return;
            }
            if (!(content instanceof Multipart multipart)) {
                body.plain.append(content instanceof String s ? s : "");
                return;
            }
            int count = multipart.getCount();
            if (type.startsWith("multipart/alternative")) {
                BodyPart plain = null;
                BodyPart richer = null;
                for (int i = 0; i < count; i++) {
                    BodyPart p = multipart.getBodyPart(i);
                    String t = contentType(p);
                    if (t.startsWith("text/plain") && plain == null) {
                        plain = p;
                    } else if (!t.startsWith("text/plain")) {
                        richer = p;
                    }
                }
                if (plain != null) {
                    append(body.plain, text(plain, problems));
                }
                if (richer != null) {
                    Body inner = new Body();
                    walk(richer, inner, problems, depth + 1);
                    body.html.append(inner.html);
                    body.attachments.addAll(inner.attachments);
                    if (plain == null) {
                        append(body.plain, inner.plain.toString());
                    }
                }
                return;
            }
            for (int i = 0; i < count; i++) {
                walk(multipart.getBodyPart(i), body, problems, depth + 1);
            }
            return;
        }
        if (type.startsWith("message/rfc822") || type.startsWith("message/global")) {
            byte[] bytes = bytes(part);
            String name = filename != null ? filename : forwardedName(bytes);
            body.attachments.add(new TicketChannels.Attachment(name, "message/rfc822", bytes));
            return;
        }
        if (!attachment && type.startsWith("text/plain")) {
            append(body.plain, text(part, problems));
            return;
        }
        if (!attachment && type.startsWith("text/html")) {
            body.html.append(text(part, problems));
            return;
        }
        if (!attachment && (type.startsWith("message/delivery-status") || type.startsWith("text/rfc822-headers")
                || type.startsWith("message/rfc822-headers"))) {
            append(body.plain, text(part, problems));
            return;
        }
        byte[] bytes = bytes(part);
        String name = filename != null ? filename : "part-" + (body.attachments.size() + 1) + extension(type);
        body.attachments.add(new TicketChannels.Attachment(clip(name, 255), baseType(type), bytes));
    }

    private static void append(StringBuilder text, String more) {
        if (more.isBlank()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        text.append(more.strip());
    }

    /** The text of a part in its declared charset, or in UTF-8 / windows-1252 when that charset is wrong or unknown. */
    private static String text(Part part, List<String> problems) throws MessagingException, IOException {
        byte[] bytes = bytes(part);
        String declared = null;
        try {
            declared = new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            // no usable content type: guess below
        }
        if (declared != null) {
            try {
                Charset charset = Charset.forName(MimeUtility.javaCharset(declared.strip().replace("\"", "")));
                if (!charset.equals(StandardCharsets.UTF_8)) {
                    return new String(bytes, charset.name().equalsIgnoreCase("ISO-8859-1") ? Charset.forName("windows-1252") : charset);
                }
                String strict = strictUtf8(bytes);
                if (strict != null) {
                    return strict;
                }
                problems.add("the text is not valid UTF-8 as declared; read as windows-1252");
                return new String(bytes, Charset.forName("windows-1252"));
            } catch (IllegalArgumentException e) {
                problems.add("unknown charset " + clip(declared, 60) + "; read as UTF-8 or windows-1252");
            }
        }
        String strict = strictUtf8(bytes);
        return strict != null ? strict : new String(bytes, Charset.forName("windows-1252"));
    }

    private static @Nullable String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The decoded bytes of a part (transfer encoding undone); the raw bytes when the encoding is broken. */
    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException | MessagingException | RuntimeException e) {
            if (part instanceof jakarta.mail.internet.MimePart mime && mime instanceof jakarta.mail.internet.MimeBodyPart bodyPart) {
                try (InputStream in = bodyPart.getRawInputStream()) {
                    return in.readAllBytes();
                }
            }
            if (part instanceof MimeMessage m) {
                try (InputStream in = m.getRawInputStream()) {
                    return in.readAllBytes();
                }
            }
            throw e;
        }
    }

    private static String fallbackText(byte[] raw) {
        String all = strictUtf8(raw);
        if (all == null) {
            all = new String(raw, Charset.forName("windows-1252"));
        }
        int start = all.indexOf("\r\n\r\n");
        int skip = 4;
        if (start < 0 || all.indexOf("\n\n") >= 0 && all.indexOf("\n\n") < start) {
            start = all.indexOf("\n\n");
            skip = 2;
        }
        String text = start < 0 ? "" : all.substring(start + skip);
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
    }

    private static String contentType(Part part) {
        try {
            String type = part.getContentType();
            return type == null ? "text/plain" : type.strip().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static String baseType(String type) {
        try {
            return new ContentType(type).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static @Nullable String reportType(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            return new ContentType(contentType).getParameter("report-type");
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable String filename(Part part) {
        try {
            String name = part.getFileName();
            return name == null || name.isBlank() ? null : clip(decoded(name).replaceAll("[\\\\/\\x00-\\x1F]", "_").strip(), 255);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String forwardedName(byte[] bytes) {
        try {
            var headers = new jakarta.mail.internet.InternetHeaders(new ByteArrayInputStream(bytes), true);
            String[] subject = headers.getHeader("Subject");
            if (subject != null && subject.length > 0 && !subject[0].isBlank()) {
                return clip(decoded(subject[0]).replaceAll("[\\\\/:*?\"<>|\\x00-\\x1F]", "_").strip(), 200) + ".eml";
            }
        } catch (MessagingException | RuntimeException e) {
            // unnamed below
        }
        return "forwarded-message.eml";
    }

    private static String extension(String type) {
        if (type.startsWith("image/png")) {
            return ".png";
        }
        if (type.startsWith("image/jpeg")) {
            return ".jpg";
        }
        if (type.startsWith("image/gif")) {
            return ".gif";
        }
        if (type.startsWith("application/pdf")) {
            return ".pdf";
        }
        return ".bin";
    }

    private static @Nullable String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, ", ");
            return value == null ? null : clip(eightBit(value).strip(), 4 * MAX_HEADER);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable InternetAddress firstAddress(MimeMessage message, String header, List<String> problems) {
        List<InternetAddress> all = parsed(message, header, problems);
        return all.isEmpty() ? null : all.getFirst();
    }

    private static List<String> addresses(MimeMessage message, String header, List<String> problems) {
        return parsed(message, header, problems).stream().map(a -> a.getAddress().toLowerCase(Locale.ROOT)).distinct().limit(100).toList();
    }

    private static List<InternetAddress> parsed(MimeMessage message, String header, List<String> problems) {
        String value = header(message, header);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<InternetAddress> found = new ArrayList<>();
        try {
            for (Address a : InternetAddress.parseHeader(value, false)) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null && ia.getAddress().contains("@")) {
                    found.add(ia);
                }
            }
        } catch (AddressException | RuntimeException e) {
            // a broken address list: take what looks like addresses
            Matcher m = Pattern.compile("[^\\s<>\"',;:()]+@[^\\s<>\"',;:()]+").matcher(value);
            while (m.find()) {
                try {
                    found.add(new InternetAddress(m.group(), false));
                } catch (AddressException ignored) {
                    // not even that
                }
            }
            problems.add("a malformed " + header + " header");
        }
        for (InternetAddress a : found) {
            String personal = a.getPersonal();
            if (personal != null) {
                try {
                    a.setPersonal(decoded(personal));
                } catch (java.io.UnsupportedEncodingException ignored) {
                    // keep as it is
                }
            }
        }
        return found;
    }

    /**
     * A header as read byte for byte (ISO-8859-1); raw 8-bit bytes in it, which RFC 5322 does not allow but mailers send,
     * are read as UTF-8 where they are valid UTF-8 and as windows-1252 where not.
     */
    static @Nullable String eightBit(@Nullable String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80)) {
            return value;
        }
        if (value.chars().anyMatch(c -> c > 0xFF)) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        String utf8 = strictUtf8(bytes);
        return utf8 != null ? utf8 : new String(bytes, Charset.forName("windows-1252"));
    }

    private static @Nullable String decoded(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(text));
        } catch (IOException | RuntimeException e) {
            return text;
        }
    }

    private static @Nullable String messageId(@Nullable String header) {
        List<String> ids = messageIds(header);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    /** The Message-IDs in a header ("&lt;a@b&gt; &lt;c@d&gt;"), in order, at most 50. */
    static List<String> messageIds(@Nullable String header) {
        if (header == null) {
            return List.of();
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find() && ids.size() < 50) {
            ids.add(m.group());
        }
        if (ids.isEmpty() && !header.isBlank() && header.strip().length() < MAX_HEADER && !header.strip().contains(" ")) {
            ids.add("<" + header.strip() + ">");
        }
        return List.copyOf(ids);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    static List<String> lower(String... values) {
        return Arrays.stream(values).map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }
}
