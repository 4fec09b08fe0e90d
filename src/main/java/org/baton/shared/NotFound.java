package org.baton.shared;

/**
 * The thing asked for does not exist, or the caller may not see it. The two are deliberately the
 * same fact, so that nobody learns of another organization's data by probing.
 */
public class NotFound extends RuntimeException {

    private final String kind;

    public NotFound(String kind, Object id) {
        super("No " + kind + " " + id + " was found.");
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
