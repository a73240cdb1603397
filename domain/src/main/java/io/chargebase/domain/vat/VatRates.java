package io.chargebase.domain.vat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.Decimals;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.vat.internal.VatRows;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/**
 * The tenant's VAT table and VAT settings. A rate of a name never overlaps another of the same name in time, so the
 * rate of a name on a day is unambiguous; a percentage lies between 0 and 100 with at most 4 decimals. Changes take a
 * per-tenant lock so two concurrent changes cannot both pass the overlap check. Days are the tenant's.
 */
@Service
@Transactional
public class VatRates {

    private final VatRows rows;
    private final Tenants tenants;
    private final Clock clock;

    VatRates(VatRows rows, Tenants tenants, Clock clock) {
        this.rows = rows;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<VatRate> list() {
        return rows.list();
    }

    @Transactional(readOnly = true)
    public Optional<VatRate> find(UUID id) {
        return rows.find(id);
    }

    public VatRate create(String name, BigDecimal percent, LocalDate validFrom, LocalDate validUntil) {
        rows.lockTable();
        VatRate rate = checked(new VatRate(UUID.randomUUID(), Text.required("name", name, 100), percent, validFrom, validUntil));
        rows.insert(rate);
        return rate;
    }

    /** Replaces a rate's name, percentage and period; receipts already issued keep the amounts they were issued with. */
    public VatRate update(UUID id, String name, BigDecimal percent, LocalDate validFrom, LocalDate validUntil) {
        rows.lockTable();
        VatRate current = rows.find(id).orElseThrow(() -> DomainException.notFound("id", "VAT rate", id));
        VatRate rate = checked(new VatRate(current.id(), Text.required("name", name, 100), percent, validFrom, validUntil));
        String base = settings().baseVatName();
        if (base != null && base.equalsIgnoreCase(current.name()) && !base.equalsIgnoreCase(rate.name())
                && rows.named(current.name()).size() == 1) {
            throw new DomainException(ErrorCode.IN_USE, "name", "This rate is the base VAT; choose another base VAT before renaming it.");
        }
        rows.update(rate);
        return rate;
    }

    public UUID delete(UUID id) {
        rows.lockTable();
        VatRate rate = rows.find(id).orElseThrow(() -> DomainException.notFound("id", "VAT rate", id));
        String base = settings().baseVatName();
        if (base != null && base.equalsIgnoreCase(rate.name()) && rows.named(rate.name()).size() == 1) {
            throw new DomainException(ErrorCode.IN_USE, "id", "This rate is the base VAT; choose another base VAT before deleting it.");
        }
        rows.delete(id);
        return id;
    }

    @Transactional(readOnly = true)
    public VatSettings settings() {
        return rows.settings().orElse(VatSettings.DEFAULTS);
    }

    /** Saves the settings; a base VAT names a rate of the table. */
    public VatSettings updateSettings(VatSettings settings) {
        rows.lockTable();
        String base = Text.optional("baseVatName", settings.baseVatName(), 100);
        if (base != null) {
            List<VatRate> named = rows.named(base);
            if (named.isEmpty()) {
                throw DomainException.notFound("baseVatName", "VAT rate", base);
            }
            base = named.getFirst().name();
        }
        VatSettings saved = new VatSettings(base, settings.pricesIncludeVat());
        rows.saveSettings(saved);
        return saved;
    }

    /** The percentage of the named rate on a day of the tenant, if the table has one for that day. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> percentOn(String name, LocalDate day) {
        return rows.named(name).stream().filter(rate -> rate.validOn(day)).map(VatRate::percent).findFirst();
    }

    /** The base VAT's percentage today in the tenant's time zone; empty without a base VAT or a rate valid today. */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> basePercentToday() {
        String base = settings().baseVatName();
        return base == null ? Optional.empty() : percentOn(base, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(tenants.get(TenantContext.requireTenant()).orElseThrow().timeZone()));
    }

    private VatRate checked(VatRate rate) {
        if (rate.percent() == null) {
            throw new DomainException(ErrorCode.REQUIRED, "percent", "Give the VAT percentage.");
        }
        if (rate.percent().signum() < 0 || rate.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, "percent", "A VAT rate is a percentage from 0 to 100, not " + rate.percent().toPlainString() + ".");
        }
        Decimals.within("percent", rate.percent(), 3, 4);
        if (rate.validFrom() == null) {
            throw new DomainException(ErrorCode.REQUIRED, "validFrom", "Give the day from which the rate applies.");
        }
        if (rate.validUntil() != null && !rate.validUntil().isAfter(rate.validFrom())) {
            throw new DomainException(ErrorCode.OUT_OF_ORDER, "validUntil", "A rate is valid until a day after the day it is valid from.");
        }
        rows.named(rate.name()).stream().filter(other -> !other.id().equals(rate.id()))
                .filter(other -> other.overlaps(rate.validFrom(), rate.validUntil())).findFirst()
                .ifPresent(other -> {
                    throw new DomainException(ErrorCode.DUPLICATE, "validFrom", "The rate '" + other.name() + "' of " + other.percent().toPlainString()
                            + " % is already valid from " + other.validFrom() + (other.validUntil() == null ? " on" : " until " + other.validUntil())
                            + "; periods of one rate may not overlap.");
                });
        return rate;
    }
}
