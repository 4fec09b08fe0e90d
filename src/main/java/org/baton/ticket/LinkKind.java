package org.baton.ticket;

/**
 * How one ticket relates to another, read from the ticket that holds the link: it is a CHILD_OF its
 * parent, RELATED_TO another, a DUPLICATE_OF the ticket it was merged into, or CAUSED_BY a problem.
 * Seen from the other side the same link reads PARENT_OF, RELATED_TO, DUPLICATED_BY and CAUSES.
 */
public enum LinkKind {
    CHILD_OF("PARENT_OF"),
    RELATED_TO("RELATED_TO"),
    DUPLICATE_OF("DUPLICATED_BY"),
    CAUSED_BY("CAUSES");

    private final String inverse;

    LinkKind(String inverse) {
        this.inverse = inverse;
    }

    /** The name of this link as seen from the linked ticket. */
    public String inverse() {
        return inverse;
    }
}
