package fr.marelle.children.document;

/** The kinds of document every town starts with; staff change them and may add their own. */
public final class DocumentKinds {

    public static final String PHOTO = "PHOTO";
    public static final String SCHOOL_INSURANCE = "SCHOOL_INSURANCE";
    public static final String HEALTH_SHEET = "HEALTH_SHEET";
    public static final String IMAGE_RIGHTS = "IMAGE_RIGHTS";
    public static final String QF_ATTESTATION = "QF_ATTESTATION";
    public static final String HOUSE_RULES = "HOUSE_RULES";

    private DocumentKinds() {
    }
}
