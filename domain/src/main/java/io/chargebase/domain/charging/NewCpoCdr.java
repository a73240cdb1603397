package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.Price;

/**
 * A CDR as a charge point operator reports it. {@code tokenUid} names the customer when it is one of our tokens;
 * {@code roamingParty} (e.g. NL*ABC) marks another provider's driver; with neither, the session was ad hoc.
 * {@code cpoCost} is what the CPO charges for it, when known, in the currency of the tariff that rates it.
 */
public record NewCpoCdr(String cdrNumber, UUID evseId, String tokenUid, String roamingParty, Instant start, Instant end,
        List<ChargingPeriod> periods, Price cpoCost, UUID sessionId) {
}
