package fr.marelle.platform.security;

/** Claims of a service token besides the standard ones (sub = actor id). */
public final class ServiceTokenClaims {

    public static final String ROLE = "role";
    public static final String FAMILY_ID = "fid";
    public static final String CLIENT_IP = "ip";

    private ServiceTokenClaims() {
    }
}
