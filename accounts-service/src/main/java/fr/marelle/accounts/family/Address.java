package fr.marelle.accounts.family;

/** A postal address in France. Only staff change it once set. */
public record Address(String line1, String line2, String postcode, String city) {
}
