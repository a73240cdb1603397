package io.chargebase.domain.receipts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;

/** Company details are checked field by field before anything is saved; what passes is trimmed and normalised. */
class CompanyDetailsTest {

    @Test
    void aVatNumberLosesItsSpacesAndTheCountryIsUpperCase() {
        CompanyDetails valid = new CompanyDetails("  Volt Charging B.V. ", "Stationsplein 1", "1012 AB", "Amsterdam", "nl", "nl 859048374 b01",
                null, "billing@volt.example", "+31 20 123 4567", " ").validated();
        assertThat(valid.legalName()).isEqualTo("Volt Charging B.V.");
        assertThat(valid.vatNumber()).isEqualTo("NL859048374B01");
        assertThat(valid.country()).isEqualTo("NL");
        assertThat(valid.website()).isNull();
        assertThat(valid.addressLines()).containsExactly("Stationsplein 1", "1012 AB Amsterdam", "NL");
    }

    @Test
    void badFieldsAreRefusedByName() {
        assertThat(refusal(new CompanyDetails(" ", null, null, null, null, null, null, null, null, null))).isEqualTo("legalName REQUIRED");
        assertThat(refusal(new CompanyDetails("A", null, null, null, "XX", null, null, null, null, null))).isEqualTo("country INVALID");
        assertThat(refusal(new CompanyDetails("A", null, null, null, null, "859048374", null, null, null, null))).isEqualTo("vatNumber INVALID");
        assertThat(refusal(new CompanyDetails("A", null, null, null, null, null, null, "not-mail", null, null))).isEqualTo("email INVALID_EMAIL");
        assertThat(refusal(new CompanyDetails("A", null, null, null, null, null, null, null, "call me", null))).isEqualTo("phone INVALID_PHONE");
    }

    private static String refusal(CompanyDetails details) {
        DomainException refused = catchThrowableOfType(DomainException.class, details::validated);
        assertThat(refused).as("refused").isNotNull();
        return refused.field() + " " + refused.code();
    }
}
