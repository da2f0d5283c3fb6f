package fr.marelle.accounts.family;

import java.util.Objects;

/** A postal address in France. Parents give it at registration; afterwards only staff change it. */
public record Address(String line1, String line2, String postcode, String city) {

    public Address {
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(city, "city");
    }
}
