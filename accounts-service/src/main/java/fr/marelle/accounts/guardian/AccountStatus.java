package fr.marelle.accounts.guardian;

/** Where a guardian's login stands. */
public enum AccountStatus {
    /** A guardian staff recorded for a family that does not use the portal: no login. */
    NO_LOGIN,
    /** Staff invited the guardian to choose a password. */
    INVITED,
    /** Registered on the portal; the address is not confirmed yet. */
    EMAIL_UNVERIFIED,
    /** Address confirmed; waiting for staff to activate the account. Only the profile is reachable. */
    AWAITING_ACTIVATION,
    ACTIVE,
    /** Staff refused the account, with a reason. */
    REFUSED;

    public boolean hasLogin() {
        return this != NO_LOGIN;
    }
}
