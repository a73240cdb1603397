package io.chargebase.domain.receipts;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;

/**
 * The tenant's own company as receipts name it (the manual's Company Details): the legal name is required, the rest
 * optional. A VAT number is written as the EU's VIES has it, country prefix first (NL859048374B01); spaces are dropped.
 */
public record CompanyDetails(String legalName, String street, String postalCode, String city, String country, String vatNumber,
        String registrationNumber, String email, String phone, String website) {

    private static final Pattern VAT_NUMBER = Pattern.compile("[A-Z]{2}[0-9A-Z+*.]{2,13}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{6,25}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The details with each field checked and trimmed, blanks as null, or a refusal naming the field. */
    public CompanyDetails validated() {
        String countryCode = Text.optional("country", country, 2);
        if (countryCode != null) {
            countryCode = countryCode.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(countryCode)) {
                throw new DomainException(ErrorCode.INVALID, "country", "A country is its ISO 3166 code, like NL, not " + country.strip() + ".");
            }
        }
        String vat = Text.optional("vatNumber", vatNumber == null ? null : vatNumber.replace(" ", "").toUpperCase(Locale.ROOT), 20);
        if (vat != null && !VAT_NUMBER.matcher(vat).matches()) {
            throw new DomainException(ErrorCode.INVALID, "vatNumber", "A VAT number starts with its country prefix, like NL859048374B01.");
        }
        String mail = Text.optional("email", email, 254);
        if (mail != null && !EMAIL.matcher(mail).matches()) {
            throw new DomainException(ErrorCode.INVALID_EMAIL, "email", "'" + mail + "' is not an e-mail address.");
        }
        String phoneNumber = Text.optional("phone", phone, 25);
        if (phoneNumber != null && !PHONE.matcher(phoneNumber).matches()) {
            throw new DomainException(ErrorCode.INVALID_PHONE, "phone", "'" + phoneNumber + "' is not a phone number.");
        }
        return new CompanyDetails(Text.required("legalName", legalName, 200), Text.optional("street", street, 200),
                Text.optional("postalCode", postalCode, 20), Text.optional("city", city, 100), countryCode, vat,
                Text.optional("registrationNumber", registrationNumber, 50), mail, phoneNumber, Text.optional("website", website, 200));
    }

    /** The address as printed: street, then postal code and city, then country; lines that are empty are left out. */
    public java.util.List<String> addressLines() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        if (street != null) {
            lines.add(street);
        }
        String town = ((postalCode == null ? "" : postalCode + " ") + (city == null ? "" : city)).strip();
        if (!town.isEmpty()) {
            lines.add(town);
        }
        if (country != null) {
            lines.add(country);
        }
        return lines;
    }
}
