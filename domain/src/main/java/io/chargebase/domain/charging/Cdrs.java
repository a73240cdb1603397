package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.Decimals;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.charging.internal.CdrRows;
import io.chargebase.domain.Page;
import io.chargebase.domain.rating.CdrDimension;
import io.chargebase.domain.rating.ChargingPeriod;
import io.chargebase.domain.rating.RatedLine;
import io.chargebase.domain.rating.Rating;
import io.chargebase.domain.rating.RatingInput;
import io.chargebase.domain.rating.RatingRules;
import io.chargebase.domain.rating.TariffBoundaries;
import io.chargebase.domain.tariffs.Customer;
import io.chargebase.domain.tariffs.TariffSelection;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.TokenUid;
import io.chargebase.domain.tokens.Tokens;

/**
 * Records CPO CDRs and rates them into MSP CDRs. Recording rates at once with the tariff in force when the session
 * started; re-rating prices the same CDR again with the tariffs as they are now and writes the next MSP CDR version,
 * keeping the earlier ones. Nothing is written when the CDR is malformed, its volumes do not fit its periods and
 * session ({@link CdrConsistency}), or no tariff applies. A session of ours is cut into periods only once the tariff
 * version that rates it is known, at that tariff's boundaries ({@link #recordOwn}).
 */
@Service
@Transactional
public class Cdrs {

    private static final int STORED_SCALE = PriceEstimate.CDR_SCALE;
    /** How far a charger's clock may run ahead of ours. */
    private static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofMinutes(5);
    /** Volumes (kWh, hours, A, kW, %) below a million; CDR totals and costs fit their numeric(14, 4) columns. */
    static final int MAX_VOLUME_DIGITS = 6;
    static final int MAX_COST_DIGITS = 10;

    private final CdrRows rows;
    private final TariffSelection selection;
    private final Tokens tokens;
    private final PriceEstimates prices;

    Cdrs(CdrRows rows, TariffSelection selection, Tokens tokens, PriceEstimates prices) {
        this.rows = rows;
        this.selection = selection;
        this.tokens = tokens;
        this.prices = prices;
    }

    /** The charging periods of a session of ours, cut at the boundaries of the tariff that rates it, in its location's zone. */
    interface OwnPeriods {
        List<ChargingPeriod> of(TariffBoundaries boundaries, ZoneId zone);
    }

    /** Records a CPO CDR and its first MSP CDR. */
    public MspCdr record(NewCpoCdr request, String recordedBy) {
        return record(request, null, recordedBy);
    }

    /**
     * Records the CDR of a session from one of our chargers: its periods are cut at every boundary of the tariff version
     * selected for it (request's periods are not used).
     */
    MspCdr recordOwn(NewCpoCdr request, OwnPeriods periods, String recordedBy, UUID tariffOverride) {
        return record(request, Objects.requireNonNull(periods), recordedBy, tariffOverride);
    }

    private MspCdr record(NewCpoCdr request, OwnPeriods own, String recordedBy) {
        return record(request, own, recordedBy, null);
    }

    /** {@code tariffOverride}: the tariff an operator chose at a manual start, rating the session instead of the selection's. */
    private MspCdr record(NewCpoCdr request, OwnPeriods own, String recordedBy, UUID tariffOverride) {
        String number = number(request.cdrNumber());
        if (request.evseId() == null) {
            throw new DomainException(ErrorCode.REQUIRED, "evseId", "Name the EVSE the session took place at.");
        }
        if (request.start() == null || request.end() == null) {
            throw new DomainException(ErrorCode.REQUIRED, request.start() == null ? "start" : "end", "A CDR has a start and an end.");
        }
        if (request.end().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new DomainException(ErrorCode.INVALID, "end", "A CDR records a session that has ended; this one ends in the future.");
        }
        List<ChargingPeriod> reported = request.periods() == null ? List.of() : request.periods();
        if (own == null && reported.isEmpty()) {
            throw new DomainException(ErrorCode.REQUIRED, "chargingPeriods", "A CDR has at least one charging period.");
        }
        for (int p = 0; p < reported.size(); p++) {
            List<CdrDimension> dimensions = reported.get(p).dimensions() == null ? List.of() : reported.get(p).dimensions();
            for (int d = 0; d < dimensions.size(); d++) {
                Decimals.within("chargingPeriods." + p + ".dimensions." + d + ".volume", dimensions.get(d).volume(), MAX_VOLUME_DIGITS, 10);
            }
        }
        if (request.cpoCost() != null) {
            Decimals.within("cpoCost.exclVat", request.cpoCost().exclVat(), MAX_COST_DIGITS, 20);
            Decimals.within("cpoCost.inclVat", request.cpoCost().inclVat(), MAX_COST_DIGITS, 20);
        }
        Optional<Token> token = Optional.ofNullable(request.tokenUid()).map(uid -> TokenUid.parse("tokenUid", uid)).flatMap(tokens::findByUid);
        Customer customer = customer(token, request.roamingParty());
        TariffSelection.Selected selected = tariffOverride == null ? selection.select(request.evseId(), customer, request.start())
                : selection.chosen(request.evseId(), customer, tariffOverride, request.start());
        RatingRules rules = selected.version().ratingRules();
        List<ChargingPeriod> periods = own == null ? reported : own.of(prices.boundaries(selected), selected.timeZone());
        RatingInput input = new RatingInput(request.start(), request.end(), selected.timeZone(), periods);
        CdrConsistency.check(request.start(), request.end(), periods);
        if (own == null) {
            // our own sessions always report their charging time, zero only for a session of no length, which costs nothing
            CdrConsistency.pricable(periods, rules);
        }
        PriceEstimate price = prices.of(selected, input);
        Rating rating = price.rating();
        fits(rating);
        if (request.cpoCost() != null && (request.cpoCost().exclVat().signum() < 0
                || request.cpoCost().inclVat() != null && request.cpoCost().inclVat().signum() < 0)) {
            throw new DomainException(ErrorCode.INVALID, "cpoCost", "A cost is not negative.");
        }
        if (rows.numberTaken(number)) {
            throw new DomainException(ErrorCode.DUPLICATE, "cdrNumber", "A CDR with this number is already recorded.");
        }
        CpoCdr cdr = new CpoCdr(UUID.randomUUID(), number, selected.locationId(), request.evseId(), request.tokenUid(),
                token.map(Token::id).orElse(null), selected.profileId(), selected.customer(),
                customer instanceof Customer.Roaming(String party) ? party : null, request.start(), request.end(), selected.timeZone(), periods,
                stored(rating.totalEnergy()), rating.totalTime().setScale(6, RoundingMode.HALF_UP), rating.totalParkingTime().setScale(6, RoundingMode.HALF_UP),
                selected.tariff().currency(), request.cpoCost(), request.sessionId(), recordedBy, null);
        try {
            rows.insert(cdr);
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "cdrNumber", "A CDR with this number is already recorded.");
        }
        MspCdr rated = msp(cdr, 1, price, recordedBy);
        rows.insert(rated);
        return rated;
    }

    /** A rating whose totals would not fit the CDR's columns is refused as the caller's error, before anything is written. */
    private static void fits(Rating rating) {
        try {
            Decimals.within("chargingPeriods", rating.totalEnergy(), MAX_COST_DIGITS, 100);
            Decimals.within("chargingPeriods", rating.totalTime(), MAX_COST_DIGITS - 2, 100);
            Decimals.within("chargingPeriods", rating.totalParkingTime(), MAX_COST_DIGITS - 2, 100);
            Decimals.within("chargingPeriods", rating.totalCost().exclVat(), MAX_COST_DIGITS, 100);
            Decimals.within("chargingPeriods", rating.totalCost().inclVat(), MAX_COST_DIGITS, 100);
            for (RatedLine line : rating.lines()) {
                if (line != null && line.cost() != null) {
                    Decimals.within("chargingPeriods", line.cost().exclVat(), MAX_COST_DIGITS, 100);
                    Decimals.within("chargingPeriods", line.cost().inclVat(), MAX_COST_DIGITS, 100);
                }
            }
        } catch (DomainException tooLarge) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, "chargingPeriods",
                    "The session as rated is too large to record (totals and costs stay below 10^" + MAX_COST_DIGITS + "): " + tooLarge.getMessage());
        }
    }

    /**
     * Corrects the CDR of a session of ours whose end the platform had to assume (finished after inactivity) once the
     * charger's StopTransaction tells the truth: the CPO CDR takes the session's end, periods and totals, rated with the
     * tariff version selected as when it was recorded (in force at the start), into the next MSP CDR version; the
     * previous one is kept, marked superseded.
     */
    MspCdr correctOwn(UUID cpoCdrId, NewCpoCdr request, OwnPeriods own, String ratedBy) {
        CpoCdr cdr = rows.lockCpoCdr(cpoCdrId).orElseThrow(() -> DomainException.notFound("cpoCdrId", "CDR", cpoCdrId));
        if (request.end().isAfter(Instant.now().plus(CLOCK_SKEW))) {
            throw new DomainException(ErrorCode.INVALID, "end", "A CDR records a session that has ended; this one ends in the future.");
        }
        TariffSelection.Selected selected = selection.select(cdr.evseId(), customerOf(cdr), request.start());
        if (!selected.tariff().currency().equals(cdr.currency())) {
            throw new DomainException(ErrorCode.INVALID, "cpoCdrId", "The tariff now applying prices in " + selected.tariff().currency()
                    + ", the CDR was rated in " + cdr.currency() + ".");
        }
        RatingRules rules = selected.version().ratingRules();
        List<ChargingPeriod> periods = own.of(prices.boundaries(selected), selected.timeZone());
        CdrConsistency.check(request.start(), request.end(), periods);
        CdrConsistency.pricable(periods, rules);
        PriceEstimate price = prices.of(selected, new RatingInput(request.start(), request.end(), selected.timeZone(), periods));
        Rating rating = price.rating();
        fits(rating);
        CpoCdr corrected = new CpoCdr(cdr.id(), cdr.cdrNumber(), cdr.locationId(), cdr.evseId(), cdr.tokenUid(), cdr.tokenId(), cdr.profileId(),
                cdr.customer(), cdr.roamingParty(), request.start(), request.end(), selected.timeZone(), periods, stored(rating.totalEnergy()),
                rating.totalTime().setScale(6, RoundingMode.HALF_UP), rating.totalParkingTime().setScale(6, RoundingMode.HALF_UP), cdr.currency(),
                cdr.cpoCost(), cdr.sessionId(), cdr.recordedBy(), cdr.createdAt());
        rows.correct(corrected);
        int previous = rows.supersede(cpoCdrId);
        MspCdr rated = msp(corrected, previous + 1, price, ratedBy);
        rows.insert(rated);
        return rated;
    }

    private static Customer customerOf(CpoCdr cdr) {
        return switch (cdr.customer()) {
            case PROFILE -> Customer.profile(cdr.profileId());
            case ROAMING -> Customer.roaming(cdr.roamingParty());
            case AD_HOC -> Customer.adHoc();
        };
    }

    /** Rates a recorded CDR again with the tariffs as they are now; the previous MSP CDR is kept, marked superseded. */
    public MspCdr rerate(UUID cpoCdrId, String ratedBy) {
        CpoCdr cdr = rows.lockCpoCdr(cpoCdrId).orElseThrow(() -> DomainException.notFound("cpoCdrId", "CDR", cpoCdrId));
        Customer customer = switch (cdr.customer()) {
            case PROFILE -> Customer.profile(cdr.profileId());
            case ROAMING -> Customer.roaming(cdr.roamingParty());
            case AD_HOC -> Customer.adHoc();
        };
        // a session an operator started with a tariff of their choice keeps it
        UUID chosen = cdr.sessionId() == null ? null : rows.sessionTariffOverride(cdr.sessionId()).orElse(null);
        TariffSelection.Selected selected = chosen == null ? selection.select(cdr.evseId(), customer, Instant.now())
                : selection.chosen(cdr.evseId(), customer, chosen, Instant.now());
        if (!selected.tariff().currency().equals(cdr.currency())) {
            throw new DomainException(ErrorCode.INVALID, "cpoCdrId", "The tariff now applying prices in " + selected.tariff().currency()
                    + ", the CDR was rated in " + cdr.currency() + ".");
        }
        PriceEstimate price = prices.of(selected, new RatingInput(cdr.start(), cdr.end(), cdr.timeZone(), cdr.periods()));
        int previous = rows.supersede(cpoCdrId);
        MspCdr rated = msp(cdr, previous + 1, price, ratedBy);
        rows.insert(rated);
        return rated;
    }

    @Transactional(readOnly = true)
    public Page<CpoCdr> cpoCdrs(CdrQuery query, UUID afterId, int limit) {
        return cpoCdrs(query, afterId, limit, true);
    }

    /** A page of CPO CDRs; {@code counted}: whether its total is wanted (otherwise {@link Page#NOT_COUNTED}). */
    @Transactional(readOnly = true)
    public Page<CpoCdr> cpoCdrs(CdrQuery query, UUID afterId, int limit, boolean counted) {
        return rows.cpoCdrs(query, afterId, limit, counted);
    }

    @Transactional(readOnly = true)
    public Page<MspCdr> mspCdrs(CdrQuery query, UUID afterId, int limit) {
        return mspCdrs(query, afterId, limit, true);
    }

    /** A page of MSP CDRs; {@code counted}: whether its total is wanted (otherwise {@link Page#NOT_COUNTED}). */
    @Transactional(readOnly = true)
    public Page<MspCdr> mspCdrs(CdrQuery query, UUID afterId, int limit, boolean counted) {
        return rows.mspCdrs(query, afterId, limit, counted);
    }

    @Transactional(readOnly = true)
    public Optional<CpoCdr> findCpoCdr(UUID id) {
        return rows.findCpoCdr(id);
    }

    @Transactional(readOnly = true)
    public Optional<MspCdr> findMspCdr(UUID id) {
        return rows.findMspCdr(id);
    }

    /** Every MSP CDR version of a CPO CDR, oldest first. */
    @Transactional(readOnly = true)
    public List<MspCdr> versions(UUID cpoCdrId) {
        return rows.mspVersions(cpoCdrId);
    }

    /** The CPO CDRs with these ids, by id; one statement. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, CpoCdr> findCpoCdrs(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, CpoCdr> found = new java.util.LinkedHashMap<>();
        if (!ids.isEmpty()) {
            rows.findCpoCdrs(ids).forEach(cdr -> found.put(cdr.id(), cdr));
        }
        return found;
    }

    /** Every MSP CDR version of each of these CPO CDRs, oldest first; an empty list for one not rated. One statement. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, List<MspCdr>> versionsOf(java.util.Collection<UUID> cpoCdrIds) {
        java.util.Map<UUID, List<MspCdr>> versions = new java.util.LinkedHashMap<>();
        cpoCdrIds.forEach(id -> versions.put(id, new java.util.ArrayList<>()));
        if (!cpoCdrIds.isEmpty()) {
            rows.mspVersionsOf(cpoCdrIds).forEach(cdr -> versions.get(cdr.cpoCdrId()).add(cdr));
        }
        return versions;
    }

    private MspCdr msp(CpoCdr cdr, int version, PriceEstimate price, String ratedBy) {
        TariffSelection.Selected selected = price.selected();
        return new MspCdr(UUID.randomUUID(), cdr.cdrNumber() + "-" + version, cdr.id(), version, cdr.profileId(), cdr.locationId(),
                selected.tariff().id(), selected.version().version(), selected.reason(), selected.tariff().currency(),
                price.lines(PriceEstimate.CDR_SCALE), cdr.totalEnergyKwh(), cdr.totalTimeHours(), cdr.totalParkingHours(),
                stored(price.totalExclVat().amount()), stored(price.totalInclVat().amount()), price.payable().amount(), cdr.start(), cdr.end(),
                Instant.now(), ratedBy, null);
    }

    private static Customer customer(Optional<Token> token, String roamingParty) {
        if (token.isPresent() && token.get().ownerProfileId() != null) {
            return Customer.profile(token.get().ownerProfileId());
        }
        if (roamingParty != null) {
            String party = roamingParty.trim().toUpperCase(java.util.Locale.ROOT);
            if (!party.matches("[A-Z]{2}\\*?[A-Z0-9]{3}")) {
                throw new DomainException(ErrorCode.INVALID, "roamingParty", "A party is a country code and a party id, e.g. NL*ABC.");
            }
            return Customer.roaming(party);
        }
        return Customer.adHoc();
    }

    private static String number(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new DomainException(ErrorCode.REQUIRED, "cdrNumber", "A CDR has a number.");
        }
        String number = raw.trim();
        if (!number.matches("[A-Za-z0-9._:/-]{1,36}")) {
            throw new DomainException(ErrorCode.INVALID, "cdrNumber", "A CDR number is up to 36 letters, digits and . _ : / -.");
        }
        return number;
    }

    private static BigDecimal stored(BigDecimal amount) {
        return amount == null ? null : amount.setScale(STORED_SCALE, RoundingMode.HALF_UP);
    }
}
