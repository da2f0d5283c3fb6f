package fr.marelle.platform.audit;

/** Who may act in Marelle. Staff roles are checked by the services, not only hidden in menus. */
public enum Role {
    PARENT,
    ADMIN,
    AGENT,
    FINANCE,
    AUDITOR,
    /** Marelle itself: reactions to events, scheduled jobs. */
    SYSTEM;

    public boolean isStaff() {
        return this == ADMIN || this == AGENT || this == FINANCE || this == AUDITOR;
    }
}
