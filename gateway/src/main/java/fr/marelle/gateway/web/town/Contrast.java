package fr.marelle.gateway.web.town;

/** WCAG 2.1 contrast ratios (success criterion 1.4.3), for the colours the town chooses. */
final class Contrast {

    private Contrast() {
    }

    /** The contrast ratio of a colour ({@code #rrggbb}) with white, from 1 to 21. */
    static double againstWhite(String colour) {
        return (1.0 + 0.05) / (luminance(colour) + 0.05);
    }

    static double luminance(String colour) {
        int rgb = Integer.parseInt(colour.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff)
                + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
