package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.RatingEngine;
import io.chargebase.domain.rating.RatingInput;
import io.chargebase.domain.rating.TariffBoundaries;
import io.chargebase.domain.tariffs.TariffSelection;

/**
 * The one place a session is priced, for the driver's estimate ({@code evsePrice}), the running cost of a live
 * session and the CDR at its end: the tariff version selected for it rates the charging periods, cut at that
 * version's boundaries. Selection is the caller's, as each asks at its own moment and for its own customer.
 */
@Component
public class PriceEstimates {

    private final RatingEngine engine = new RatingEngine();

    /**
     * An estimate for {@code energyKwh} charged evenly from {@code start} to {@code end}, cut at the tariff's boundaries
     * as the session's CDR will be.
     */
    public PriceEstimate ofEvenCharge(TariffSelection.Selected selected, Instant start, Instant end, BigDecimal energyKwh) {
        List<ChargingPeriod> periods = ChargingPeriods.estimate(start, end, energyKwh, boundaries(selected), selected.timeZone());
        return of(selected, new RatingInput(start, end, selected.timeZone(), periods));
    }

    /** The price of a session's charging periods (a CDR's) under the selected version. */
    public PriceEstimate of(TariffSelection.Selected selected, RatingInput session) {
        return new PriceEstimate(selected, engine.rate(selected.version().tariff(), session, selected.version().ratingRules()));
    }

    /** Where the selected version's prices can change, at which a session's periods are cut. */
    public TariffBoundaries boundaries(TariffSelection.Selected selected) {
        return TariffBoundaries.of(selected.version().tariff(), selected.version().ratingRules());
    }
}
