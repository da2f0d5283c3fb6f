package fr.marelle.gateway.web.console;

import java.util.List;
import java.util.Set;

/**
 * Figures people would rather look at than read: a bar chart of one or more series over categories (weeks,
 * months), always also given as a table and as CSV.
 *
 * @param key        the chart's name in addresses (e.g. {@code occupation})
 * @param title      message key of its title
 * @param unit       message key of the values' unit (formatted with the value)
 * @param categories the x axis, in words (e.g. "S48", "novembre 2026")
 * @param series     one or more series, each with one value per category
 * @param cents      whether values are amounts in cents (shown in euros)
 * @param roles      staff roles that see it
 */
public record Chart(int order, String key, String title, String unit, List<String> categories, List<Series> series,
                    boolean cents, Set<String> roles) {

    public record Series(String label, List<Long> values) {
    }

    public long max() {
        return series.stream().flatMap(s -> s.values().stream()).mapToLong(v -> v == null ? 0 : v).max().orElse(0);
    }
}
