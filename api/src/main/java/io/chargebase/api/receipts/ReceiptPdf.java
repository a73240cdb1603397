package io.chargebase.api.receipts;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import io.chargebase.domain.receipts.CompanyDetails;
import io.chargebase.domain.receipts.Receipt;
import io.chargebase.domain.receipts.ReceiptKind;
import io.chargebase.domain.receipts.ReceiptLine;
import io.chargebase.tenancy.Branding;
import io.chargebase.tenancy.Tenant;

/**
 * A receipt as a PDF (OpenPDF): the tenant's brand name in its primary colour at the top, the issuing company with its
 * address and VAT number, the driver, the lines with their VAT rate and amounts without and with VAT, the VAT per rate
 * and the totals. Times are the tenant's. The brand's logo is not embedded: it lives at a URL the renderer would have
 * to fetch, and a receipt must render the same offline.
 */
@Component
public class ReceiptPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Font SMALL = new Font(Font.HELVETICA, 9);
    private static final Font SMALL_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);

    public byte[] render(Receipt receipt, Tenant tenant) {
        ZoneId zone = tenant.timeZone();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle(title(receipt) + " " + receipt.numberText());
        document.open();
        Branding branding = tenant.branding() == null ? Branding.NONE : tenant.branding();
        String brand = branding.displayName() != null ? branding.displayName() : tenant.name();
        document.add(new Paragraph(brand, new Font(Font.HELVETICA, 20, Font.BOLD, colour(branding.primaryColor()))));
        document.add(new Paragraph(" "));

        CompanyDetails company = receipt.company();
        document.add(new Paragraph(company.legalName(), SMALL_BOLD));
        company.addressLines().forEach(line -> document.add(new Paragraph(line, SMALL)));
        if (company.vatNumber() != null) {
            document.add(new Paragraph("VAT number: " + company.vatNumber(), SMALL));
        }
        if (company.registrationNumber() != null) {
            document.add(new Paragraph("Registration number: " + company.registrationNumber(), SMALL));
        }
        if (company.email() != null || company.phone() != null) {
            document.add(new Paragraph(String.join("  ", nonNull(company.email(), company.phone())), SMALL));
        }
        document.add(new Paragraph(" "));

        document.add(new Paragraph(title(receipt) + " " + receipt.numberText(), TITLE));
        document.add(new Paragraph("Issued: " + DAY.format(receipt.issuedAt().atZone(zone)), SMALL));
        if (receipt.periodFrom() != null) {
            document.add(new Paragraph("Period: " + receipt.periodFrom() + " to " + receipt.periodUntil().minusDays(1), SMALL));
        }
        document.add(new Paragraph("Billed to: " + receipt.driverName() + (receipt.driverEmail() == null ? "" : " <" + receipt.driverEmail() + ">"),
                SMALL));
        document.add(new Paragraph(" "));

        String currency = receipt.currency().getCurrencyCode();
        PdfPTable lines = table(new float[] {34, 18, 9, 8, 10, 10, 11}, "Description", "When", "kWh", "VAT %", "Excl. VAT", "VAT", "Incl. VAT");
        for (ReceiptLine line : receipt.lines()) {
            cells(lines, SMALL, line.description(), line.startedAt() == null ? "" : TIME.format(line.startedAt().atZone(zone)),
                    line.energyKwh() == null ? "" : line.energyKwh().stripTrailingZeros().toPlainString(), percent(line.vatPercent()),
                    money(line.net()), money(line.vat()), money(line.gross()));
        }
        document.add(lines);
        document.add(new Paragraph(" "));

        PdfPTable vat = table(new float[] {25, 25, 25, 25}, "VAT rate", "Excl. VAT", "VAT", "Incl. VAT");
        for (Receipt.VatLine rate : receipt.vatBreakdown()) {
            cells(vat, SMALL, "VAT " + percent(rate.percent()) + " %", money(rate.net()), money(rate.vat()), money(rate.gross()));
        }
        document.add(vat);
        document.add(new Paragraph(" "));
        document.add(total("Total excl. VAT", receipt.net(), currency, SMALL));
        document.add(total("VAT", receipt.vat(), currency, SMALL));
        document.add(total("Total incl. VAT", receipt.gross(), currency, SMALL_BOLD));
        document.close();
        return out.toByteArray();
    }

    private static String title(Receipt receipt) {
        return receipt.kind() == ReceiptKind.RECEIPT ? "Receipt" : "Credit note";
    }

    private static Paragraph total(String label, BigDecimal amount, String currency, Font font) {
        Paragraph paragraph = new Paragraph(new Chunk(label + ": " + money(amount) + " " + currency, font));
        paragraph.setAlignment(Element.ALIGN_RIGHT);
        return paragraph;
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        cells(table, SMALL_BOLD, headers);
        table.setHeaderRows(1);
        return table;
    }

    private static void cells(PdfPTable table, Font font, String... values) {
        for (String value : values) {
            PdfPCell cell = new PdfPCell(new Phrase(value, font));
            cell.setBorderWidth(0.5f);
            cell.setPadding(3);
            table.addCell(cell);
        }
    }

    private static String money(BigDecimal amount) {
        return amount.toPlainString();
    }

    private static String percent(BigDecimal percent) {
        BigDecimal plain = percent.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    private static java.util.List<String> nonNull(String... values) {
        return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).toList();
    }

    /** The brand's {@code #rrggbb}, or a dark grey without one. */
    private static Color colour(String hex) {
        return hex == null ? new Color(0x33, 0x33, 0x33) : Color.decode(hex);
    }
}
