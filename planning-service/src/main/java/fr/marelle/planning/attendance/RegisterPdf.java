package fr.marelle.planning.attendance;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import fr.marelle.planning.attendance.RegisterService.RegisterView;
import fr.marelle.planning.attendance.RegisterService.Row;
import fr.marelle.platform.validation.PhoneNumbers;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The printable register: one line per child with age, diet and allergies, who may pick the child up, and a box to
 * tick (or the state already recorded). Landscape A4, for the clipboard at the canteen door.
 */
public final class RegisterPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    private RegisterPdf() {
    }

    public static byte[] render(RegisterView register, String town) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        PdfWriter.getInstance(document, out);
        document.addTitle("Pointage " + register.serviceName() + " " + register.date());
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font normal = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        document.add(new Paragraph(town + " – Pointage " + register.serviceName(), title));
        document.add(new Paragraph(DATE.format(register.date()) + " – " + register.schoolName() + " – "
                + register.rows().stream().filter(r -> r.bookingId() != null).count() + " enfant(s) réservé(s)"
                + (register.closed() ? " – registre clos" : ""), normal));
        if (!register.careNotesAvailable()) {
            document.add(new Paragraph("Régimes et allergies indisponibles : le service Enfants n'a pas répondu. "
                    + "Consultez les fiches sanitaires.", bold));
        }
        document.add(new Paragraph(" ", normal));
        PdfPTable table = new PdfPTable(new float[]{3.2f, 1f, 3.2f, 3.2f, 4f, 1.8f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String header : new String[]{"Enfant", "Âge", "Régime", "Allergies", "Autorisé(e)s à récupérer",
                "Présence"}) {
            PdfPCell cell = new PdfPCell(new Phrase(header, bold));
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        for (Row row : register.rows()) {
            table.addCell(new Phrase(row.lastName().toUpperCase(Locale.FRENCH) + " " + row.firstName()
                    + (row.bookingId() == null ? " (sans réservation)" : "")
                    + (row.absenceReported() ? " – absence signalée" : ""), normal));
            table.addCell(new Phrase(row.age() < 0 ? "" : row.age() + " ans", normal));
            table.addCell(new Phrase(orDash(row.diet()), row.diet() == null ? normal : bold));
            table.addCell(new Phrase(orDash(row.allergies()), row.allergies() == null ? normal : bold));
            String pickup = (row.guardianName() == null ? "" : row.guardianName() + " (responsable)")
                    + row.pickupPersons().stream().map(p -> p.name() + " " + PhoneNumbers.toNational(p.phone()))
                    .collect(Collectors.joining(", ", row.guardianName() == null || row.pickupPersons().isEmpty()
                            ? "" : ", ", ""));
            table.addCell(new Phrase(pickup, normal));
            PdfPCell presence = new PdfPCell(new Phrase(state(row.state()), normal));
            presence.setHorizontalAlignment(Element.ALIGN_CENTER);
            presence.setMinimumHeight(18);
            table.addCell(presence);
        }
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "–" : value;
    }

    private static String state(String state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case Register.PRESENT -> "Présent";
            case Register.ABSENT_EXCUSED -> "Absent excusé";
            case Register.ABSENT_UNEXCUSED -> "Absent";
            case Register.PRESENT_UNBOOKED -> "Présent (sans résa)";
            default -> state;
        };
    }
}
