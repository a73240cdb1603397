package io.chargebase.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VoucherCodesTest {

    private final VoucherCodes codes = new VoucherCodes(new SecureRandom());

    @Test
    void aCodeIsSixteenSymbolsOfAThirtyTwoSymbolAlphabetSoEightyBits() {
        assertThat(VoucherCodes.ALPHABET).hasSize(32).doesNotContain("I", "L", "O", "U");
        assertThat(VoucherCodes.BITS).isEqualTo(80);
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = codes.next();
            assertThat(code).hasSize(16).matches("[0-9A-HJKMNP-TV-Z]{16}");
            drawn.add(code);
        }
        assertThat(drawn).hasSize(10_000);
    }

    @Test
    void whatADriverTypesIsReadBackWithoutCaseDashesOrLookAlikes() {
        String code = "7K3MQ9XW2HDRT5PB";
        assertThat(VoucherCodes.display(code)).isEqualTo("7K3M-Q9XW-2HDR-T5PB");
        assertThat(VoucherCodes.normalise("7k3m-q9xw-2hdr-t5pb")).contains(code);
        assertThat(VoucherCodes.normalise(" 7K3M Q9XW 2HDR T5PB ")).contains(code);
        assertThat(VoucherCodes.normalise("O1IL-0000-0000-0000")).contains("0111000000000000");
        assertThat(VoucherCodes.normalise("7K3M-Q9XW-2HDR-T5P")).isEmpty();
        assertThat(VoucherCodes.normalise("7K3M-Q9XW-2HDR-T5PU")).as("U is not a symbol").isEmpty();
        assertThat(VoucherCodes.normalise(null)).isEmpty();
    }
}
