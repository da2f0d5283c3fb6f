package fr.marelle.platform.security;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** RSA keys as PEM text, for configuration by environment variables. */
public final class PemKeys {

    private PemKeys() {
    }

    public static RSAPublicKey publicKey(String pem) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(decode(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("marelle.service-token.public-key is not an RSA public key in PEM", e);
        }
    }

    public static RSAPrivateKey privateKey(String pem) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(decode(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("marelle.service-token.private-key is not an RSA PKCS#8 key in PEM", e);
        }
    }

    /** The public half of an RSA private key (a PKCS#8 key carries its modulus and public exponent). */
    public static RSAPublicKey publicOf(RSAPrivateKey privateKey) {
        if (!(privateKey instanceof java.security.interfaces.RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("The private key does not carry its public half");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new java.security.spec.RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh key pair as {public PEM, private PEM}, e.g. for a local run or a test. */
    public static String[] generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new String[]{
                    encode("PUBLIC KEY", pair.getPublic().getEncoded()),
                    encode("PRIVATE KEY", pair.getPrivate().getEncoded())};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String pem, String kind) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("no key");
        }
        String base64 = pem.replace("-----BEGIN " + kind + "-----", "")
                .replace("-----END " + kind + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String encode(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }
}
