package fr.marelle.billing;

import java.time.ZoneId;

/** Amounts are integer cents everywhere; this only writes them the French way, for documents. */
public final class Cents {

    /** The town's rules (days, months, years of numbering) are in Paris time. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Cents() {
    }

    /** {@code 123456} → {@code 1 234,56 €} (narrow no-break space between thousands, no-break space before €). */
    public static String euros(long cents) {
        String sign = cents < 0 ? "-" : "";
        long abs = Math.abs(cents);
        String units = Long.toString(abs / 100);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < units.length(); i++) {
            if (i > 0 && (units.length() - i) % 3 == 0) {
                grouped.append('\u202f');
            }
            grouped.append(units.charAt(i));
        }
        return sign + grouped + "," + String.format("%02d", abs % 100) + "\u00a0€";
    }

    /** Overflow is a bug, never a silent wrap. */
    public static long times(long unitCents, int quantity) {
        return Math.multiplyExact(unitCents, quantity);
    }
}
