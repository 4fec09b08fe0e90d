package org.baton.identity;

/** What a user does at the desk. A user has exactly one role. */
public enum Role {
    /** Someone the desk serves; belongs to one organization and sees only that organization's data. */
    CUSTOMER("Customer"),
    /** Works tickets for the organizations their support groups serve. */
    AGENT("Agent"),
    /** An agent who also leads a team: sees workload, reassigns, receives unhappy survey answers. */
    TEAM_LEAD("Team lead"),
    /** Dispatches across all organizations: assigns owners, watches SLA risk. */
    COORDINATOR("Coordinator"),
    /** Configures Baton: organizations, users, groups, calendars, policies. */
    ADMIN("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isStaff() {
        return this != CUSTOMER;
    }

    /** The Spring Security authority name, e.g. {@code ROLE_TEAM_LEAD}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
