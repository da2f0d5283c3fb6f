package fr.marelle.accounts.guardian;

public enum RegistrationOrigin {
    /** The parent registered on the portal. */
    SELF,
    /** Staff recorded the guardian, on the family's behalf. */
    STAFF
}
