package fr.marelle.planning.calendar;

import fr.marelle.platform.errors.DomainException;
import fr.marelle.platform.errors.FieldViolation;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the national open-data files: the school calendar ({@code fr-en-calendrier-scolaire}, as CSV or as the ICS
 * file of a zone) and the public holidays of metropolitan France ({@code jours-feries-metropole.csv}). A file that
 * cannot be read is refused whole, with the line at fault.
 */
public final class CalendarFiles {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern LABEL = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final DateTimeFormatter ICS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private CalendarFiles() {
    }

    /** One dated entry of a school calendar file, before it is grouped into years. */
    record Entry(String description, LocalDate start, LocalDate endExclusive, String yearLabel) {
    }

    // ------------------------------------------------------------------------------------------- school calendar

    /**
     * The school years of one zone in the open-data CSV: columns {@code Description}, {@code Population},
     * {@code Date de début}, {@code Date de fin}, {@code Zones}, {@code annee_scolaire} (others ignored), separated by
     * {@code ;} or {@code ,}. Rows for teachers only are ignored.
     */
    public static List<SchoolYear> schoolYearsFromCsv(String content, String zone) {
        List<String> lines = lines(content);
        if (lines.isEmpty()) {
            throw unreadable("Le fichier est vide.");
        }
        char separator = lines.get(0).contains(";") ? ';' : ',';
        List<String> header = split(lines.get(0), separator);
        int description = column(header, "description");
        int population = columnOrMinusOne(header, "population");
        int start = column(header, "date de debut");
        int end = column(header, "date de fin");
        int zones = column(header, "zones");
        int year = column(header, "annee_scolaire");
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = split(lines.get(i), separator);
            if (cells.size() <= Math.max(Math.max(description, start), Math.max(zones, year))) {
                throw unreadable("Ligne " + (i + 1) + " : colonnes manquantes.");
            }
            if (!normalise(cells.get(zones)).equals(normalise("Zone " + zone))) {
                continue;
            }
            if (population >= 0 && population < cells.size() && normalise(cells.get(population)).startsWith("enseignant")) {
                continue;
            }
            try {
                LocalDate from = parisDate(cells.get(start));
                LocalDate to = end < cells.size() && !cells.get(end).isBlank() ? parisDate(cells.get(end)) : null;
                entries.add(new Entry(cells.get(description).strip(), from, to, cells.get(year).strip()));
            } catch (DateTimeParseException e) {
                throw unreadable("Ligne " + (i + 1) + " : date illisible (" + e.getParsedString() + ").");
            }
        }
        return group(entries, zone);
    }

    /** The school years in a zone's ICS file ({@code VEVENT}s with all-day {@code DTSTART} and {@code DTEND}). */
    public static List<SchoolYear> schoolYearsFromIcs(String content, String zone) {
        List<Entry> entries = new ArrayList<>();
        String summary = null;
        LocalDate start = null;
        LocalDate end = null;
        boolean inEvent = false;
        for (String line : unfold(content)) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.equals("BEGIN:VEVENT")) {
                inEvent = true;
                summary = null;
                start = null;
                end = null;
            } else if (upper.equals("END:VEVENT")) {
                if (summary == null || start == null) {
                    throw unreadable("Un événement du fichier ICS n'a pas de titre ou de date de début.");
                }
                String label = summary.replaceAll("(?i)\\s*-\\s*zone\\s*[a-c]\\s*$", "").strip();
                entries.add(new Entry(label, start, end, labelOf(start, label)));
                inEvent = false;
            } else if (inEvent && upper.startsWith("SUMMARY")) {
                summary = value(line).replace("\\,", ",").replace("\\;", ";");
            } else if (inEvent && upper.startsWith("DTSTART")) {
                start = icsDate(value(line));
            } else if (inEvent && upper.startsWith("DTEND")) {
                end = icsDate(value(line));
            }
        }
        return group(entries, zone);
    }

    /** Public holidays in the open-data CSV: {@code date,annee,zone,nom_jour_ferie}; metropolitan rows only. */
    public static List<PublicHoliday> publicHolidaysFromCsv(String content) {
        List<String> lines = lines(content);
        if (lines.isEmpty()) {
            throw unreadable("Le fichier est vide.");
        }
        char separator = lines.get(0).contains(";") ? ';' : ',';
        List<String> header = split(lines.get(0), separator);
        int date = column(header, "date");
        int zone = columnOrMinusOne(header, "zone");
        int name = column(header, "nom_jour_ferie");
        List<PublicHoliday> holidays = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = split(lines.get(i), separator);
            if (cells.size() <= Math.max(date, name)) {
                throw unreadable("Ligne " + (i + 1) + " : colonnes manquantes.");
            }
            if (zone >= 0 && zone < cells.size() && !normalise(cells.get(zone)).startsWith("metropole")) {
                continue;
            }
            try {
                holidays.add(new PublicHoliday(LocalDate.parse(cells.get(date).strip()), cells.get(name).strip()));
            } catch (DateTimeParseException e) {
                throw unreadable("Ligne " + (i + 1) + " : date illisible (" + cells.get(date) + ").");
            }
        }
        if (holidays.isEmpty()) {
            throw unreadable("Aucun jour férié de métropole dans le fichier.");
        }
        holidays.sort(Comparator.comparing(PublicHoliday::date));
        return holidays;
    }

    // ------------------------------------------------------------------------------------------------- grouping

    /**
     * Rentrée + holiday periods + the start of the summer holidays give a school year. A year without its rentrée
     * or its summer start is incomplete and refused.
     */
    static List<SchoolYear> group(List<Entry> entries, String zone) {
        Map<String, List<Entry>> byYear = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (!LABEL.matcher(entry.yearLabel()).matches()) {
                throw unreadable("Année scolaire illisible : « " + entry.yearLabel() + " ».");
            }
            byYear.computeIfAbsent(entry.yearLabel(), k -> new ArrayList<>()).add(entry);
        }
        List<SchoolYear> years = new ArrayList<>();
        byYear.forEach((label, list) -> {
            LocalDate first = null;
            LocalDate summer = null;
            List<Holiday> holidays = new ArrayList<>();
            for (Entry e : list) {
                String d = normalise(e.description());
                if (d.startsWith("rentree scolaire")) {
                    if (first == null || e.start().isBefore(first)) {
                        first = e.start();
                    }
                } else if (d.contains("ete")) {
                    summer = e.start();
                } else if (d.startsWith("vacances") || d.startsWith("pont") || d.startsWith("debut")) {
                    LocalDate last = e.endExclusive() != null ? e.endExclusive().minusDays(1) : e.start();
                    if (last.isBefore(e.start())) {
                        throw unreadable("« " + e.description() + " » " + label + " finit avant de commencer.");
                    }
                    holidays.add(new Holiday(e.description(), e.start(), last));
                }
            }
            if (first == null || summer == null) {
                throw unreadable("L'année " + label + " de la zone " + zone
                        + " est incomplète : il manque la rentrée ou le début des vacances d'été.");
            }
            holidays.sort(Comparator.comparing(Holiday::firstDay));
            years.add(new SchoolYear(label, zone, first, summer.minusDays(1), holidays));
        });
        if (years.isEmpty()) {
            throw unreadable("Aucune année scolaire de la zone " + zone + " dans le fichier.");
        }
        years.sort(Comparator.comparing(SchoolYear::firstDay));
        return years;
    }

    /** A date of the CSV, with or without time and offset, as a day in Paris. */
    static LocalDate parisDate(String value) {
        String v = value.strip();
        if (v.length() <= 10) {
            return LocalDate.parse(v);
        }
        return OffsetDateTime.parse(v).atZoneSameInstant(PARIS).toLocalDate();
    }

    private static LocalDate icsDate(String value) {
        String v = value.strip();
        try {
            return LocalDate.parse(v.substring(0, 8), ICS_DATE);
        } catch (RuntimeException e) {
            throw unreadable("Date ICS illisible : « " + v + " ».");
        }
    }

    /** ICS files carry no school-year field: September to December opens a year, January to August closes one. */
    private static String labelOf(LocalDate start, String description) {
        int year = start.getYear();
        boolean opens = start.getMonthValue() >= 9 || (normalise(description).startsWith("rentree")
                && start.getMonthValue() >= 8);
        return opens ? year + "-" + (year + 1) : (year - 1) + "-" + year;
    }

    private static String value(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1);
    }

    private static List<String> unfold(String content) {
        List<String> out = new ArrayList<>();
        for (String raw : content.replace("\r\n", "\n").replace('\r', '\n').split("\n")) {
            if ((raw.startsWith(" ") || raw.startsWith("\t")) && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + raw.substring(1));
            } else if (!raw.isBlank()) {
                out.add(raw.strip());
            }
        }
        return out;
    }

    private static List<String> lines(String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return text.replace("\r\n", "\n").replace('\r', '\n').lines().filter(l -> !l.isBlank()).toList();
    }

    /** Split a CSV line, with double-quoted cells. */
    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == separator && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static int column(List<String> header, String name) {
        int index = columnOrMinusOne(header, name);
        if (index < 0) {
            throw unreadable("Colonne « " + name + " » absente de l'en-tête.");
        }
        return index;
    }

    private static int columnOrMinusOne(List<String> header, String name) {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            names.putIfAbsent(normalise(header.get(i)), i);
        }
        return names.getOrDefault(normalise(name), -1);
    }

    static String normalise(String text) {
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static DomainException unreadable(String message) {
        return DomainException.invalid("CALENDAR_FILE_UNREADABLE", "Le fichier n'a pas pu être lu : " + message,
                List.of(new FieldViolation("file", "UNREADABLE", message)));
    }
}
