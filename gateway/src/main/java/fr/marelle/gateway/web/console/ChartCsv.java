package fr.marelle.gateway.web.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fr.marelle.gateway.web.forms.Texts;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart's figures as CSV (RFC 4180, UTF-8 with a byte order mark for spreadsheets): one row per category, one
 * column per series; amounts in euros with a dot for decimals.
 */
@Component
class ChartCsv {

    private final CsvMapper csv = new CsvMapper();

    byte[] write(Chart chart, Texts texts) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(texts.get("console.charts.category"));
        chart.series().forEach(s -> header.add(chart.cents() ? s.label() + " (€)" : s.label()));
        rows.add(header);
        for (int i = 0; i < chart.categories().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(chart.categories().get(i));
            for (Chart.Series series : chart.series()) {
                Long value = i < series.values().size() ? series.values().get(i) : null;
                row.add(value == null ? "" : chart.cents() ? BigDecimal.valueOf(value, 2).toPlainString()
                        : Long.toString(value));
            }
            rows.add(row);
        }
        try {
            return ("\uFEFF" + csv.writer(CsvSchema.emptySchema()).writeValueAsString(rows))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
