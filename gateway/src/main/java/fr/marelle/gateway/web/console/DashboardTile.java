package fr.marelle.gateway.web.console;

import java.util.List;

/**
 * A figure on the console's home page: what waits for staff, with a link to the queue where it is handled.
 *
 * @param label   message key of the tile's title
 * @param figure  the main figure (e.g. 3 accounts waiting), or null when the tile shows only rows
 * @param unit    message key of the figure's unit, formatted with the figure (e.g. "{0} compte(s)")
 * @param rows    details under the figure (e.g. occupancy per service), in words already
 * @param href    the queue or page that handles it
 * @param attention whether the figure calls for action now (shown in words and colour)
 */
public record DashboardTile(int order, String key, String label, Long figure, String unit, List<Row> rows,
                            String href, boolean attention) {

    public DashboardTile {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** A line of details: a label and its value, both in words. */
    public record Row(String label, String value) {
    }

    public static DashboardTile count(int order, String key, String label, long figure, String unit, String href) {
        return new DashboardTile(order, key, label, figure, unit, List.of(), href, figure > 0);
    }
}
