package org.baton.shared;

/**
 * Someone else changed the thing after the caller read it: the caller's change was not applied and
 * nothing was lost. It carries the version that is current now.
 */
public class StaleVersion extends RuntimeException {

    private final String kind;
    private final long currentVersion;

    public StaleVersion(String kind, long currentVersion) {
        super("This " + kind + " was changed by someone else in the meantime (now at version "
                + currentVersion + "). Reload it and apply your change again.");
        this.kind = kind;
        this.currentVersion = currentVersion;
    }

    public String kind() {
        return kind;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
