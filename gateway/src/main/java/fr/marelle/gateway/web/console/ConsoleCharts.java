package fr.marelle.gateway.web.console;

import java.time.LocalDate;
import java.util.List;

/** The charts a feature offers on the console, over the period asked (from and to, inclusive, Paris dates). */
@FunctionalInterface
public interface ConsoleCharts {

    List<Chart> charts(LocalDate from, LocalDate to);
}
