package org.baton.attachment;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The name a file is shown and offered under: the sender's name without any directory part (either slash),
 * control characters or bidirectional overrides, without leading dots, at most 200 characters with the
 * extension kept; "attachment" when nothing is left. Files are stored under opaque keys, so the name never
 * reaches the file system.
 */
final class SafeFilename {

    private static final int MAX = 200;
    private static final Pattern UNWANTED = Pattern.compile("[\\p{Cntrl}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]");

    private SafeFilename() {}

    static String of(@Nullable String raw) {
        if (raw == null) {
            return "attachment";
        }
        String name = UNWANTED.matcher(raw).replaceAll("");
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1).strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        name = name.strip();
        if (name.isEmpty()) {
            return "attachment";
        }
        if (name.length() > MAX) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = name.substring(0, MAX - extension.length()) + extension;
        }
        return name;
    }
}
