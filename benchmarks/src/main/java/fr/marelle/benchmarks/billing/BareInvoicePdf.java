package fr.marelle.benchmarks.billing;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The baseline of PDF rendering: an invoice of the same shape as billing-service's (two header blocks, a title,
 * a six-column table with one row per child and service, a total, two paragraphs), rendered by OpenPDF alone — no
 * event, no database, no Spring. It is what rendering costs at best on this machine.
 */
final class BareInvoicePdf {

    record Line(String child, String service, String days, String unitPrice, int quantity, String amount) {
    }

    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, 10);
    private static final Font STRONG = FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, 10, Font.BOLD);
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, 16, Font.BOLD);
    private static final Font HEAD = FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, 9, Font.BOLD,
            Color.WHITE);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, BaseFont.CP1252, 9);

    private BareInvoicePdf() {
    }

    static byte[] render(String number, String addressee, List<Line> lines, String total) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        Document document = new Document(PageSize.A4, 48, 48, 48, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Facture " + number);
            document.open();
            PdfPTable top = new PdfPTable(2);
            top.setWidthPercentage(100);
            PdfPCell town = new PdfPCell();
            town.setBorder(0);
            town.addElement(new Paragraph("Ville de Vincey", STRONG));
            top.addCell(town);
            PdfPCell to = new PdfPCell();
            to.setBorder(0);
            to.addElement(new Paragraph(addressee, STRONG));
            to.addElement(new Paragraph("3 rue de la Gare", TEXT));
            to.addElement(new Paragraph("88450 Vincey", TEXT));
            top.addCell(to);
            document.add(top);
            document.add(new Paragraph("Facture n° " + number, TITLE));
            document.add(new Paragraph("Prestations d'octobre 2026", STRONG));
            PdfPTable table = new PdfPTable(new float[]{3.2f, 3.2f, 6f, 2f, 1.2f, 2.2f});
            table.setWidthPercentage(100);
            for (String heading : new String[]{"Enfant", "Prestation", "Jours", "Prix unitaire", "Qté", "Montant"}) {
                PdfPCell cell = new PdfPCell(new Phrase(heading, HEAD));
                cell.setBackgroundColor(new Color(0x14, 0x3f, 0x5c));
                table.addCell(cell);
            }
            for (Line line : lines) {
                table.addCell(new Phrase(line.child(), CELL));
                table.addCell(new Phrase(line.service(), CELL));
                table.addCell(new Phrase(line.days(), CELL));
                PdfPCell unit = new PdfPCell(new Phrase(line.unitPrice(), CELL));
                unit.setHorizontalAlignment(Element.ALIGN_RIGHT);
                table.addCell(unit);
                table.addCell(new Phrase(Integer.toString(line.quantity()), CELL));
                PdfPCell amount = new PdfPCell(new Phrase(line.amount(), CELL));
                amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
                table.addCell(amount);
            }
            PdfPCell label = new PdfPCell(new Phrase("Total", STRONG));
            label.setColspan(5);
            table.addCell(label);
            table.addCell(new Phrase(total, STRONG));
            document.add(table);
            document.add(new Paragraph("Montant total de la facture : " + total, STRONG));
            document.add(new Paragraph("Ces prestations sont réglées par votre porte-monnaie.", TEXT));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
