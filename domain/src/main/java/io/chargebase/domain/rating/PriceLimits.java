package io.chargebase.domain.rating;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A tariff's min_price and max_price on a session total. OCPI bounds excl. and incl. VAT separately (mod_tariffs,
 * notes on min_price and max_price); when a bound gives no incl. VAT amount, the incl. VAT total moves with the excl.
 * VAT total, keeping the session's VAT share.
 */
final class PriceLimits {

    private PriceLimits() {
    }

    static Price apply(Price total, Price min, Price max) {
        Price limited = total;
        if (min != null) {
            limited = bound(limited, min, true);
        }
        if (max != null) {
            limited = bound(limited, max, false);
        }
        return limited;
    }

    private static Price bound(Price total, Price bound, boolean floor) {
        BigDecimal excl = total.exclVat();
        if (floor ? excl.compareTo(bound.exclVat()) < 0 : excl.compareTo(bound.exclVat()) > 0) {
            excl = bound.exclVat();
        }
        BigDecimal incl;
        if (bound.inclVat() != null) {
            incl = total.inclVat();
            if (floor ? incl.compareTo(bound.inclVat()) < 0 : incl.compareTo(bound.inclVat()) > 0) {
                incl = bound.inclVat();
            }
        } else if (excl.compareTo(total.exclVat()) == 0) {
            incl = total.inclVat();
        } else {
            incl = total.exclVat().signum() == 0 ? excl
                    : total.inclVat().multiply(excl).divide(total.exclVat(), MathContext.DECIMAL64);
        }
        return new Price(excl, incl);
    }
}
