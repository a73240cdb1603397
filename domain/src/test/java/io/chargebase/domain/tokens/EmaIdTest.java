package io.chargebase.domain.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

class EmaIdTest {

    /**
     * Published examples: DE83DUIEN83QGZ-D from eMI3's "Check Digit Calculation for Contract-IDs", DE-8AA-CA2B3C4D5-L
     * from eMI3 standard v1.0 part 2 (business objects), FR-XYZ-123456789-2 from GIREVE, and the further contract IDs
     * listed with the check-digit explanation that open implementations test against.
     */
    @ParameterizedTest
    @CsvSource({
            "DE83DUIEN83QGZ, D",
            "DE8AACA2B3C4D5, L",
            "FRXYZ123456789, 2",
            "NN123ABCDEFGHI, T",
            "ITA1B2C3E4F5G6, 4",
            "ESZU8WOX834H1D, R",
            "PT73902837ABCZ, Z",
            "DE83DUIEN83ZGQ, M",
            "DE8AA001234567, 0"})
    void computesThePublishedCheckCharacters(String fourteen, char check) {
        assertThat(EmaIdCheckCharacter.of(fourteen)).isEqualTo(check);
    }

    @Test
    void parsesThePrintedAndTheCompactFormInAnyCase() {
        EmaId printed = EmaId.parse("emaId", "de-8aa-ca2b3c4d5-l");
        assertThat(printed.toString()).isEqualTo("DE-8AA-CA2B3C4D5-L");
        assertThat(printed.compact()).isEqualTo("DE8AACA2B3C4D5L");
        assertThat(EmaId.parse("emaId", "DE8AACA2B3C4D5L")).isEqualTo(printed);
    }

    @Test
    void completesAMissingCheckCharacter() {
        assertThat(EmaId.parse("emaId", "FR-XYZ-123456789").toString()).isEqualTo("FR-XYZ-123456789-2");
        assertThat(EmaId.of("NL", "CBS", "C12345678").checkCharacter()).isEqualTo(EmaIdCheckCharacter.of("NLCBSC12345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE-8AA-CA2B3C4D5-M", "DE83DUIEN83QGZE", "FR-XYZ-123456789-3"})
    void refusesAWrongCheckCharacter(String raw) {
        assertThatThrownBy(() -> EmaId.parse("emaId", raw))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EMA_ID);
                    assertThat(e.getMessage()).contains("check character");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "DE-8A-CA2B3C4D5", "DE-8AA-CA2B3C4D", "D3-8AA-CA2B3C4D5", "XX-8AA-CA2B3C4D5", "DE_8AA_CA2B3C4D5", "DE-8AA-CA2B3C4D5-LL"})
    void refusesWhatIsNoEmaId(String raw) {
        assertThatThrownBy(() -> EmaId.parse("emaId", raw))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EMA_ID));
    }

    @Test
    void catchesEverySingleCharacterErrorAndAdjacentTransposition() {
        String base = "NLCBSC12345678";
        char check = EmaIdCheckCharacter.of(base);
        for (int i = 0; i < base.length(); i++) {
            for (char replacement : EmaIdCheckCharacter.ALPHABET.toCharArray()) {
                if (replacement != base.charAt(i)) {
                    String typo = base.substring(0, i) + replacement + base.substring(i + 1);
                    assertThat(EmaIdCheckCharacter.of(typo)).as(typo).isNotEqualTo(check);
                }
            }
            if (i + 1 < base.length() && base.charAt(i) != base.charAt(i + 1)) {
                String swapped = base.substring(0, i) + base.charAt(i + 1) + base.charAt(i) + base.substring(i + 2);
                assertThat(EmaIdCheckCharacter.of(swapped)).as(swapped).isNotEqualTo(check);
            }
        }
    }
}
