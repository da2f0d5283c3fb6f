package fr.marelle.gateway.web.console;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For the templates ({@code ${@chartLayout.of(chart)}}): a chart's bars as SVG geometry — grouped bars, one group
 * per category, a value axis with three ticks. The chart is an image with a text alternative; its table next to it
 * carries the figures.
 */
@Component("chartLayout")
public class ChartLayout {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    static final int LEFT = 56;
    static final int BOTTOM = 36;
    static final int TOP = 12;

    public record Bar(double x, double y, double width, double height, int series, String title) {
    }

    public record Tick(double y, String label) {
    }

    public record Label(double x, String text) {
    }

    public record Layout(int width, int height, int left, int baseline, List<Bar> bars, List<Tick> ticks,
                         List<Label> labels) {
    }

    public Layout of(Chart chart) {
        int categories = chart.categories().size();
        int series = Math.max(1, chart.series().size());
        double plotWidth = WIDTH - LEFT - 8;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        long max = niceMax(chart.max());
        double group = categories == 0 ? plotWidth : plotWidth / categories;
        double barWidth = group * 0.8 / series;
        List<Bar> bars = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            for (int s = 0; s < chart.series().size(); s++) {
                List<Long> values = chart.series().get(s).values();
                long value = c < values.size() && values.get(c) != null ? values.get(c) : 0;
                double height = max == 0 ? 0 : plotHeight * value / max;
                double x = LEFT + c * group + group * 0.1 + s * barWidth;
                bars.add(new Bar(round(x), round(TOP + plotHeight - height), round(barWidth), round(height), s,
                        chart.categories().get(c) + " · " + chart.series().get(s).label() + " : "
                                + format(value, chart.cents())));
            }
        }
        List<Tick> ticks = List.of(new Tick(TOP + plotHeight, format(0, chart.cents())),
                new Tick(round(TOP + plotHeight / 2), format(max / 2, chart.cents())),
                new Tick(TOP, format(max, chart.cents())));
        int every = Math.max(1, (int) Math.ceil(categories / 12.0));
        List<Label> labels = new ArrayList<>();
        for (int c = 0; c < categories; c += every) {
            labels.add(new Label(round(LEFT + c * group + group / 2), chart.categories().get(c)));
        }
        return new Layout(WIDTH, HEIGHT, LEFT, (int) (TOP + plotHeight), bars, ticks, labels);
    }

    /** A value as the table shows it: euros with a comma for amounts, else the integer. */
    public String format(Long value, boolean cents) {
        if (value == null) {
            return "—";
        }
        return cents ? String.format(Locale.FRANCE, "%,.2f €", BigDecimal.valueOf(value, 2))
                : String.format(Locale.FRANCE, "%,d", value);
    }

    private String format(long value, boolean cents) {
        return format(Long.valueOf(value), cents);
    }

    /** The axis' top: the maximum rounded up to 1, 2 or 5 times a power of ten. */
    static long niceMax(long max) {
        if (max <= 0) {
            return 0;
        }
        long power = 1;
        while (power * 10 <= max) {
            power *= 10;
        }
        for (long step : new long[] {1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
