package io.chargebase.domain.tariffs;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.organisation.Groups;
import io.chargebase.domain.rating.json.OcpiTariffJson;
import io.chargebase.domain.rating.StopLimits;
import io.chargebase.domain.rating.Tariff;
import io.chargebase.domain.tariffs.internal.TariffRows;
import io.chargebase.domain.vat.VatRates;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/**
 * The tenant's tariffs. Prices are versioned: creating a tariff writes version 1, every change of prices, texts or
 * stop limits writes the next version, and a written version is never changed, so a rated CDR can always name the
 * prices it was rated with. Name and audience are not prices and change in place.
 */
@Service
@Transactional
public class Tariffs {

    private final TariffRows rows;
    private final Tenants tenants;
    private final Groups groups;
    private final List<TariffUsages> usages;
    private final VatRates vat;

    Tariffs(TariffRows rows, Tenants tenants, Groups groups, List<TariffUsages> usages, VatRates vat) {
        this.rows = rows;
        this.tenants = tenants;
        this.groups = groups;
        this.usages = List.copyOf(usages);
        this.vat = vat;
    }

    public StoredTariff create(NewTariff request, String createdBy) {
        return create(request, false, createdBy);
    }

    StoredTariff create(NewTariff request, boolean base, String createdBy) {
        String name = Text.required("name", request.name(), 200);
        Currency currency = request.currency() != null ? request.currency() : tenantCurrency();
        TariffPricing pricing = request.pricing() != null ? request.pricing() : TariffPricing.free();
        TariffAudience audience = audience(request.audience(), base);
        boolean inclVat = enteredInclVat(pricing);
        Tariff compiled = compile(pricing, currency, inclVat);
        StoredTariff tariff;
        try {
            tariff = rows.insert(UUID.randomUUID(), name, pricing.kind(), currency, base, audience);
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "name", "Another tariff already has this name.");
        }
        writeVersion(tariff.id(), 1, pricing, inclVat, compiled, request.info(), request.stopLimits(), createdBy);
        return tariff;
    }

    /**
     * Changes a tariff: the fields given replace the current ones; when prices, texts or limits change, the next
     * version is written. The currency of a tariff never changes (its CDRs are in it).
     */
    public StoredTariff update(UUID id, NewTariff changes, String changedBy) {
        StoredTariff tariff = rows.lock(id).orElseThrow(() -> DomainException.notFound("tariffId", "tariff", id));
        if (changes.currency() != null && !changes.currency().equals(tariff.currency())) {
            throw new DomainException(ErrorCode.INVALID, "currency", "A tariff keeps its currency; create a new tariff for another one.");
        }
        String name = changes.name() == null ? tariff.name() : Text.required("name", changes.name(), 200);
        TariffAudience audience = changes.audience() == null ? tariff.audience() : audience(changes.audience(), tariff.base());
        int version = tariff.currentVersion();
        TariffKind kind = tariff.kind();
        if (changes.pricing() != null || changes.info() != null || changes.stopLimits() != null) {
            TariffVersion current = version(id, version);
            TariffPricing pricing = changes.pricing() != null ? changes.pricing() : current.pricing();
            // new prices are read as the tenant enters prices now; unchanged ones as they were entered
            boolean inclVat = changes.pricing() != null ? enteredInclVat(pricing) : current.pricesIncludeVat();
            Tariff compiled = compile(pricing, tariff.currency(), inclVat);
            version++;
            kind = pricing.kind();
            writeVersion(id, version, pricing, inclVat, compiled, changes.info() != null ? changes.info() : current.info(),
                    changes.stopLimits() != null ? changes.stopLimits() : current.stopLimits(), changedBy);
        }
        try {
            return rows.update(id, name, kind, version, audience);
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "name", "Another tariff already has this name.");
        }
    }

    /** Deletes a tariff that nothing uses; a base tariff goes only with its group. */
    public UUID delete(UUID id) {
        StoredTariff tariff = rows.lock(id).orElseThrow(() -> DomainException.notFound("tariffId", "tariff", id));
        if (tariff.base()) {
            throw new DomainException(ErrorCode.IN_USE, "tariffId", "A base tariff is deleted with its tariff group.");
        }
        List<String> used = usages(id);
        if (!used.isEmpty()) {
            throw new DomainException(ErrorCode.IN_USE, "tariffId", "The tariff is used by " + String.join(", ", used) + ".");
        }
        rows.delete(id);
        return id;
    }

    /** Deletes a group's base tariff with the group, unless CDRs were rated with it (then it stays, unattached). */
    void deleteBase(UUID id) {
        if (usages(id).isEmpty()) {
            rows.delete(id);
        }
    }

    /** Group entries, plan rules and defaults here, then what other contexts say uses the tariff. */
    private List<String> usages(UUID id) {
        return java.util.stream.Stream.concat(rows.usages(id).stream(), usages.stream().flatMap(other -> other.of(id).stream()))
                .distinct().toList();
    }

    @Transactional(readOnly = true)
    public List<StoredTariff> list() {
        return rows.list();
    }

    @Transactional(readOnly = true)
    public Optional<StoredTariff> find(UUID id) {
        return rows.find(id);
    }

    @Transactional(readOnly = true)
    public Map<UUID, StoredTariff> findAll(java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : rows.findAll(ids).stream().collect(Collectors.toMap(StoredTariff::id, Function.identity()));
    }

    @Transactional(readOnly = true)
    public TariffVersion version(UUID id, int version) {
        return rows.version(id, version).map(this::version)
                .orElseThrow(() -> DomainException.notFound("tariffId", "tariff version", id + " v" + version));
    }

    /** A tariff version by its tariff and number. */
    public record VersionRef(UUID tariffId, int version) {
    }

    /** The versions named, by reference; references to none are left out. One statement. */
    @Transactional(readOnly = true)
    public Map<VersionRef, TariffVersion> versions(java.util.Collection<VersionRef> refs) {
        Map<VersionRef, TariffVersion> found = new java.util.LinkedHashMap<>();
        if (!refs.isEmpty()) {
            List<VersionRef> wanted = List.copyOf(new java.util.LinkedHashSet<>(refs));
            rows.versions(wanted.stream().map(VersionRef::tariffId).toArray(UUID[]::new), wanted.stream().map(VersionRef::version).toArray(Integer[]::new))
                    .forEach(row -> found.put(new VersionRef(row.tariffId(), row.version()), version(row)));
        }
        return found;
    }

    /** Every version of each of these tariffs, oldest first; one statement. */
    @Transactional(readOnly = true)
    public Map<UUID, List<TariffVersion>> versionsOf(java.util.Collection<UUID> ids) {
        Map<UUID, List<TariffVersion>> versions = new java.util.LinkedHashMap<>();
        ids.forEach(id -> versions.put(id, new java.util.ArrayList<>()));
        if (!ids.isEmpty()) {
            rows.versionsOf(ids).forEach(row -> versions.get(row.tariffId()).add(version(row)));
        }
        return versions;
    }

    @Transactional(readOnly = true)
    public TariffVersion currentVersion(StoredTariff tariff) {
        return version(tariff.id(), tariff.currentVersion());
    }

    @Transactional(readOnly = true)
    public List<TariffVersion> versions(UUID id) {
        return rows.versions(id).stream().map(this::version).toList();
    }

    /** The version in force at a moment: the newest written by then, or the first when the tariff is younger. */
    @Transactional(readOnly = true)
    public TariffVersion versionAt(UUID id, java.time.Instant at) {
        return rows.versionAt(id, at).map(this::version).orElseThrow(() -> DomainException.notFound("tariffId", "tariff", id));
    }

    /** Whether the tenant enters this pricing's prices including VAT (the manual's VAT section); OCPI JSON never does. */
    private boolean enteredInclVat(TariffPricing pricing) {
        return pricing.kind() != TariffKind.OCPI && vat.settings().pricesIncludeVat();
    }

    /**
     * Compiles the pricing; prices entered including VAT come out of it at the pricing's own VAT rate, or else the
     * tenant's base VAT in force today (none: 0 %), and the compiled tariff carries that rate.
     */
    private Tariff compile(TariffPricing pricing, Currency currency, boolean inclVat) {
        if (!inclVat) {
            return TariffCompiler.compile(pricing, currency);
        }
        java.math.BigDecimal percent = pricing.vatPercent() != null ? pricing.vatPercent() : vat.basePercentToday().orElse(java.math.BigDecimal.ZERO);
        return TariffCompiler.compile(pricing, currency, percent);
    }

    private void writeVersion(UUID id, int version, TariffPricing pricing, boolean inclVat, Tariff compiled, TariffInfo info, StopLimits limits,
            String createdBy) {
        TariffInfo texts = info == null ? TariffInfo.NONE : info;
        StopLimits stop = limits == null ? StopLimits.NONE : limits;
        rows.insertVersion(new TariffRows.VersionRow(id, version, TariffDefinitionJson.write(pricing, inclVat), OcpiTariffJson.write(compiled),
                texts.description(), texts.information(), texts.learnMoreUrl(), stop.maxMinutes(), stop.maxKwh(), createdBy, null));
    }

    /**
     * A stored version, read once: the rows of a version are what it is (a change makes a new version), so the version
     * made of an equal row is the same. Reading its two JSON documents was most of a tariff selection's cost, and every
     * start, reading and stop selects one.
     */
    private TariffVersion version(TariffRows.VersionRow row) {
        if (read.size() > REMEMBERED_VERSIONS) {
            read.clear();
        }
        return read.computeIfAbsent(row, Tariffs::parsed);
    }

    private static final int REMEMBERED_VERSIONS = 2_000;
    private final Map<TariffRows.VersionRow, TariffVersion> read = new java.util.concurrent.ConcurrentHashMap<>();

    private static TariffVersion parsed(TariffRows.VersionRow row) {
        return new TariffVersion(row.tariffId(), row.version(), TariffDefinitionJson.read(row.definition()), OcpiTariffJson.parse(row.ocpi()),
                new TariffInfo(row.description(), row.information(), row.learnMoreUrl()), new StopLimits(row.maxMinutes(), row.maxKwh()),
                row.createdBy(), row.createdAt(), TariffDefinitionJson.pricesIncludeVat(row.definition()));
    }

    private TariffAudience audience(TariffAudience requested, boolean base) {
        TariffAudience audience = requested == null ? TariffAudience.EVERYONE : requested;
        if (base && !audience.isEveryone()) {
            throw new DomainException(ErrorCode.INVALID, "audience", "A base tariff applies to everyone and takes no restriction.");
        }
        audience.partnerGroupIds().stream().filter(id -> groups.findBusinessPartnerGroup(id).isEmpty()).findFirst()
                .ifPresent(id -> { throw DomainException.notFound("audience.partnerGroupIds", "business-partner group", id); });
        audience.userGroupIds().stream().filter(id -> groups.findUserGroup(id).isEmpty()).findFirst()
                .ifPresent(id -> { throw DomainException.notFound("audience.userGroupIds", "user group", id); });
        return audience;
    }

    private Currency tenantCurrency() {
        return tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
    }
}
