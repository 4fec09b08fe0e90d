package org.baton.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors: the keyset position, base64url-encoded so clients treat it as a token. */
public final class Cursors {

    private Cursors() {}

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws BadParameter naming {@code cursor} when the value was not made by {@link #encode}. */
    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("cursor", "is not a cursor this API handed out");
        }
    }
}
