package io.chargebase.domain.billing;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Voucher codes: 16 symbols of Crockford's base 32 (digits and letters without I, L, O and U), each drawn from a
 * {@link SecureRandom}, so a code carries 16 × 5 = <b>80 bits</b> of randomness. A code is a bearer secret: with a
 * million live vouchers a guess hits one with a chance of about 10⁶ / 2⁸⁰ ≈ 8 × 10⁻¹⁹. Shown in four groups of four;
 * read back in any case, with or without the dashes or spaces, with O taken for 0 and I or L for 1.
 */
public final class VoucherCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Symbols per code. */
    public static final int LENGTH = 16;
    /** Bits of randomness per code. */
    public static final int BITS = LENGTH * 5;

    private final SecureRandom random;

    public VoucherCodes(SecureRandom random) {
        this.random = random;
    }

    /** A fresh code as it is stored (no dashes). */
    public String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The stored code as a driver reads it: {@code 7K3M-Q9XW-2HDR-T5PB}. */
    public static String display(String code) {
        return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12), code.substring(12));
    }

    /** The stored form of what a driver typed, or empty when it cannot be a code. */
    public static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }
}
