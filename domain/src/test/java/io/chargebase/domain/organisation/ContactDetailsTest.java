package io.chargebase.domain.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

class ContactDetailsTest {

    @ParameterizedTest
    @ValueSource(strings = {"nora@example.com", "first.last+tag@sub.example.co.uk", "  spaced@example.org  ", "O'Brien@example.ie"})
    void acceptsAddressesMailReaches(String raw) {
        assertThat(EmailAddress.parse("email", raw).value()).isEqualTo(raw.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "a@@example.com", "a b@example.com", "a@example..com", ".a@example.com",
            "a@-example.com", "a@example.c"})
    void refusesMalformedAddressesNamingTheField(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse("email", raw))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EMAIL);
                    assertThat(e.field()).isEqualTo("email");
                });
    }

    @Test
    void aMissingAddressIsRequiredNotMalformed() {
        assertThatThrownBy(() -> EmailAddress.parse("email", " "))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REQUIRED));
    }

    @Test
    void addressesCompareWithoutCase() {
        assertThat(EmailAddress.parse("email", "Nora@Example.COM").normalised()).isEqualTo("nora@example.com");
    }

    @Test
    void phoneNumbersAreStoredInE164() {
        assertThat(PhoneNumber.parse("phone", "+31 (20) 555-0101").value()).isEqualTo("+31205550101");
        assertThat(PhoneNumber.parse("phone", "0044 20 7946 0011").value()).isEqualTo("+442079460011");
    }

    @ParameterizedTest
    @ValueSource(strings = {"020 555 0101", "+0 123 4567", "+31 abc", "+1234", "+1234567890123456"})
    void phoneNumbersWithoutCountryCodeOrWithLettersAreRefused(String raw) {
        assertThatThrownBy(() -> PhoneNumber.parse("phone", raw))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PHONE));
    }
}
