package io.chargebase.domain.receipts;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;

import io.chargebase.domain.identity.Mail;
import io.chargebase.domain.identity.Mailer;
import io.chargebase.tenancy.Tenant;

/** The message that tells a driver about a receipt: its number, its lines, the totals with and without VAT per rate. */
final class ReceiptMail {

    private final Mailer mailer;

    ReceiptMail(Mailer mailer) {
        this.mailer = mailer;
    }

    /** Sends it through the outbox when the driver has an e-mail address. */
    void send(Receipt receipt, Tenant tenant) {
        if (receipt.driverEmail() == null) {
            return;
        }
        mailer.send(new Mail(receipt.driverEmail(), subject(receipt), body(receipt, tenant)));
    }

    static String subject(Receipt receipt) {
        return (receipt.kind() == ReceiptKind.RECEIPT ? "Your receipt " : "Your credit note ") + receipt.numberText() + " from "
                + receipt.company().legalName();
    }

    static String body(Receipt receipt, Tenant tenant) {
        String currency = receipt.currency().getCurrencyCode();
        StringBuilder text = new StringBuilder();
        text.append("Hello ").append(receipt.driverName()).append(",\n\n");
        text.append(receipt.kind() == ReceiptKind.RECEIPT ? "Here is your receipt " : "Here is your credit note ").append(receipt.numberText())
                .append(", issued ").append(DateTimeFormatter.ISO_LOCAL_DATE.format(receipt.issuedAt().atZone(tenant.timeZone()))).append(".\n\n");
        for (ReceiptLine line : receipt.lines()) {
            text.append(line.description()).append(": ").append(amount(line.gross(), currency)).append('\n');
        }
        text.append('\n').append("Total excl. VAT: ").append(amount(receipt.net(), currency)).append('\n');
        for (Receipt.VatLine rate : receipt.vatBreakdown()) {
            text.append("VAT ").append(rate.percent().toPlainString()).append(" % on ").append(amount(rate.net(), currency)).append(": ")
                    .append(amount(rate.vat(), currency)).append('\n');
        }
        text.append("Total incl. VAT: ").append(amount(receipt.gross(), currency)).append("\n\n");
        text.append("You can download it as a PDF in the app.\n\n").append(receipt.company().legalName()).append('\n');
        return text.toString();
    }

    private static String amount(BigDecimal value, String currency) {
        return value.toPlainString() + " " + currency;
    }
}
