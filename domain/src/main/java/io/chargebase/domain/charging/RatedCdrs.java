package io.chargebase.domain.charging;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.charging.internal.CdrRows;
import io.chargebase.domain.tariffs.TariffUsages;

/** Tells tariffs that a tariff rated CDRs, which name it for good, so it is not deleted. */
@Component
@Transactional(readOnly = true)
class RatedCdrs implements TariffUsages {

    private final CdrRows rows;

    RatedCdrs(CdrRows rows) {
        this.rows = rows;
    }

    @Override
    public List<String> of(UUID tariffId) {
        return rows.ratedWith(tariffId) ? List.of("rated CDRs") : List.of();
    }
}
