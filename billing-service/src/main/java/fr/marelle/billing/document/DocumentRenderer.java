package fr.marelle.billing.document;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import fr.marelle.billing.Cents;
import fr.marelle.billing.charge.ChargeKind;
import fr.marelle.billing.invoice.BilledTo;
import fr.marelle.billing.invoice.CreditNoteLine;
import fr.marelle.billing.invoice.InvoiceEvents.CreditNoteIssued;
import fr.marelle.billing.invoice.InvoiceEvents.InvoiceIssued;
import fr.marelle.billing.invoice.InvoiceLine;
import fr.marelle.billing.invoice.Issuer;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Invoices and credit notes as PDF (OpenPDF), from their events only, deterministically: the same event always gives
 * the same bytes (creation date = issue time, file id derived from the number), so a document rendered again — a
 * re-download, a rebuilt read model — is byte for byte the one the family first received.
 */
public final class DocumentRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final Color HEADER = new Color(0x14, 0x3f, 0x5c);
    private static final Color RULE = new Color(0x76, 0x76, 0x80);
    private static final Font TITLE = font(16, Font.BOLD, HEADER);
    private static final Font STRONG = font(10, Font.BOLD, Color.BLACK);
    private static final Font TEXT = font(10, Font.NORMAL, Color.BLACK);
    private static final Font SMALL = font(8, Font.NORMAL, new Color(0x4a, 0x4a, 0x4f));
    private static final Font TABLE_HEAD = font(9, Font.BOLD, Color.WHITE);
    private static final Font CELL = font(9, Font.NORMAL, Color.BLACK);

    private DocumentRenderer() {
    }

    public static byte[] invoice(InvoiceIssued invoice) {
        return render(invoice.number(), "Facture " + invoice.number(), invoice.issuedAt(), invoice.issuer(),
                document -> {
                    header(document, invoice.issuer(), "Facture", invoice.number(), invoice.issuedAt(),
                            invoice.billedTo());
                    document.add(paragraph("Prestations de " + MONTH.format(invoice.periodStart()) + " (du "
                            + DAY.format(invoice.periodStart()) + " au " + DAY.format(invoice.periodEnd()) + ")",
                            STRONG, 10));
                    PdfPTable table = table(new float[]{3.2f, 3.2f, 6f, 2f, 1.2f, 2.2f},
                            "Enfant", "Prestation", "Jours", "Prix unitaire", "Qté", "Montant");
                    for (InvoiceLine line : invoice.lines()) {
                        cell(table, line.childName(), Element.ALIGN_LEFT);
                        cell(table, line.serviceName() + (line.kind() == ChargeKind.UNBOOKED
                                ? " (présence sans réservation, majoration incluse)" : ""), Element.ALIGN_LEFT);
                        cell(table, days(line.dates()), Element.ALIGN_LEFT);
                        cell(table, euros(line.unitPriceCents()), Element.ALIGN_RIGHT);
                        cell(table, Integer.toString(line.quantity()), Element.ALIGN_RIGHT);
                        cell(table, euros(line.amountCents()), Element.ALIGN_RIGHT);
                    }
                    total(table, "Total", invoice.totalCents(), 6);
                    document.add(table);
                    document.add(paragraph("Montant total de la facture : " + euros(invoice.totalCents()), STRONG, 12));
                    document.add(paragraph("Ces prestations sont réglées par votre porte-monnaie. Chaque ligne est "
                            + "le prix unitaire multiplié par le nombre de jours.", TEXT, 6));
                });
    }

    public static byte[] creditNote(CreditNoteIssued note) {
        return render(note.number(), "Avoir " + note.number(), note.issuedAt(), note.issuer(), document -> {
            header(document, note.issuer(), "Avoir", note.number(), note.issuedAt(), note.billedTo());
            document.add(paragraph("Avoir sur la facture " + note.invoiceNumber(), STRONG, 10));
            document.add(paragraph("Motif : " + note.reason(), TEXT, 4));
            PdfPTable table = table(new float[]{4f, 4f, 2.4f, 1.4f, 2.4f},
                    "Enfant", "Prestation", "Prix unitaire", "Qté", "Montant crédité");
            for (CreditNoteLine line : note.lines()) {
                cell(table, line.childName(), Element.ALIGN_LEFT);
                cell(table, line.serviceName(), Element.ALIGN_LEFT);
                cell(table, euros(line.unitPriceCents()), Element.ALIGN_RIGHT);
                cell(table, Integer.toString(line.quantity()), Element.ALIGN_RIGHT);
                cell(table, euros(line.amountCents()), Element.ALIGN_RIGHT);
            }
            total(table, "Total crédité", note.totalCents(), 5);
            document.add(table);
            document.add(paragraph("Montant de l'avoir : " + euros(note.totalCents())
                    + ", porté au crédit de votre porte-monnaie.", STRONG, 12));
        });
    }

    private interface Content {
        void write(Document document) throws DocumentException;
    }

    private static byte[] render(String number, String title, Instant issuedAt, Issuer issuer, Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        Document document = new Document(PageSize.A4, 48, 48, 48, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addAuthor(issuer.name());
            document.addSubject(title);
            document.open();
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("fr-FR"));
            content.write(document);
            footer(document, issuer);
            // deterministic: the issue time and an id derived from the number, never "now" nor a random id
            GregorianCalendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            at.setTimeInMillis(issuedAt.toEpochMilli());
            writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(at));
            writer.getInfo().put(PdfName.MODDATE, new PdfDate(at));
            writer.getInfo().put(PdfName.PRODUCER, new PdfString("Marelle"));
            byte[] id = md5(number);
            writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render " + number, e);
        }
        return out.toByteArray();
    }

    private static void header(Document document, Issuer issuer, String kind, String number, Instant issuedAt,
                               BilledTo billedTo) throws DocumentException {
        PdfPTable top = new PdfPTable(new float[]{1f, 1f});
        top.setWidthPercentage(100);
        PdfPCell town = new PdfPCell();
        town.setBorder(0);
        town.addElement(new Paragraph(issuer.name(), STRONG));
        town.addElement(new Paragraph("Portail famille – " + issuer.contactEmail(), SMALL));
        top.addCell(town);
        PdfPCell to = new PdfPCell();
        to.setBorder(0);
        to.addElement(new Paragraph(billedTo.name(), STRONG));
        for (String line : new String[]{billedTo.line1(), billedTo.line2(),
                join(billedTo.postcode(), billedTo.city())}) {
            if (line != null && !line.isBlank()) {
                to.addElement(new Paragraph(line, TEXT));
            }
        }
        top.addCell(to);
        document.add(top);
        document.add(paragraph(kind + " n° " + number, TITLE, 18));
        document.add(paragraph("Date d'émission : " + DAY.format(issuedAt.atZone(Cents.PARIS)), TEXT, 2));
    }

    private static void footer(Document document, Issuer issuer) throws DocumentException {
        document.add(paragraph("Pièce comptable numérotée sans rupture, conservée dix ans ; jamais modifiée ni "
                + "supprimée : une erreur est corrigée par un avoir. Pour toute question : " + issuer.contactEmail()
                + ".", SMALL, 18));
    }

    private static PdfPTable table(float[] widths, String... headings) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(8);
        table.setHeaderRows(1);
        for (String heading : headings) {
            PdfPCell cell = new PdfPCell(new Phrase(heading, TABLE_HEAD));
            cell.setBackgroundColor(HEADER);
            cell.setPadding(4);
            cell.setBorderColor(RULE);
            table.addCell(cell);
        }
        return table;
    }

    private static void cell(PdfPTable table, String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, CELL));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(4);
        cell.setBorderColor(RULE);
        table.addCell(cell);
    }

    private static void total(PdfPTable table, String label, long cents, int columns) {
        PdfPCell name = new PdfPCell(new Phrase(label, STRONG));
        name.setColspan(columns - 1);
        name.setHorizontalAlignment(Element.ALIGN_RIGHT);
        name.setPadding(4);
        name.setBorderColor(RULE);
        table.addCell(name);
        PdfPCell amount = new PdfPCell(new Phrase(euros(cents), STRONG));
        amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
        amount.setPadding(4);
        amount.setBorderColor(RULE);
        table.addCell(amount);
    }

    private static Paragraph paragraph(String text, Font font, float spacingBefore) {
        Paragraph paragraph = new Paragraph(new Chunk(text, font));
        paragraph.setSpacingBefore(spacingBefore);
        return paragraph;
    }

    /** Days of a line, grouped by month: "01, 02, 08/09/2026". */
    static String days(List<LocalDate> dates) {
        return dates.stream().collect(Collectors.groupingBy(d -> d.withDayOfMonth(1), java.util.TreeMap::new,
                        Collectors.toList()))
                .entrySet().stream()
                .map(month -> month.getValue().stream().sorted().map(d -> String.format("%02d", d.getDayOfMonth()))
                        .collect(Collectors.joining(", ")) + "/" + String.format("%02d/%d",
                        month.getKey().getMonthValue(), month.getKey().getYear()))
                .collect(Collectors.joining(" ; "));
    }

    /** Cents in euros with characters the standard fonts have (no narrow no-break space). */
    static String euros(long cents) {
        return Cents.euros(cents).replace('\u202f', '\u00a0');
    }

    private static String join(String postcode, String city) {
        return ((postcode == null ? "" : postcode) + " " + (city == null ? "" : city)).strip();
    }

    private static Font font(float size, int style, Color color) {
        return FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED, size, style, color);
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(("marelle:" + text).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] pdf) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
