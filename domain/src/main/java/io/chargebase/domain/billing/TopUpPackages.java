package io.chargebase.domain.billing;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.internal.TopUpPackageRows;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.Tenants;

/**
 * The manual's Top-Up Packages: price and bonus in the tenant's currency, enabled or not, in the order the app shows
 * them. A package that some driver chose for auto top-up is "used": editing it writes a new version (the drivers keep
 * the version they agreed to, which is no longer offered), where the manual hides the edit button instead. Deleting a
 * package retires all its versions and turns off every auto top-up that uses one of them, saying why. Changes to the
 * list are serialised per tenant so that positions stay a sequence.
 */
@Service
@Transactional
public class TopUpPackages {

    private final TopUpPackageRows rows;
    private final Ledger ledger;
    private final Tenants tenants;

    TopUpPackages(TopUpPackageRows rows, Ledger ledger, Tenants tenants) {
        this.rows = rows;
        this.ledger = ledger;
        this.tenants = tenants;
    }

    /** The packages offered now (current versions), in their order; {@code enabledOnly} for what the app shows. */
    @Transactional(readOnly = true)
    public List<TopUpPackage> list(boolean enabledOnly) {
        return rows.current().stream().filter(found -> !enabledOnly || found.enabled()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<TopUpPackage> find(UUID id) {
        return rows.find(id);
    }

    /** A new package, last in the order. */
    public TopUpPackage create(BigDecimal price, BigDecimal bonus, String currency, boolean enabled) {
        lock();
        Money paid = Amounts.checked("price", price, currency, currency());
        Money extra = bonus(bonus, currency);
        TopUpPackage created = new TopUpPackage(UUID.randomUUID(), UUID.randomUUID(), 1, paid, extra, enabled, rows.current().size() + 1,
                null, null, false);
        rows.insert(created);
        return rows.find(created.id()).orElseThrow();
    }

    /**
     * Changes the package's price, bonus or enabled flag (nulls keep them). When a driver uses its current version for
     * auto top-up, a new version takes its place in the order and the old one is retired; answers the version now offered.
     */
    public TopUpPackage update(UUID id, BigDecimal price, BigDecimal bonus, String currency, Boolean enabled) {
        lock();
        TopUpPackage found = currentVersion(id);
        Money paid = price == null ? found.price() : Amounts.checked("price", price, currency, currency());
        Money extra = bonus == null ? found.bonus() : bonus(bonus, currency);
        boolean on = enabled == null ? found.enabled() : enabled;
        if (!rows.usedForAutoTopUp(found.id())) {
            rows.update(found.id(), paid, extra, on);
            return rows.find(found.id()).orElseThrow();
        }
        rows.retire(found.id(), false);
        TopUpPackage next = new TopUpPackage(UUID.randomUUID(), found.packageKey(), found.version() + 1, paid, extra, on, found.position(), null,
                null, false);
        rows.insert(next);
        return rows.find(next.id()).orElseThrow();
    }

    /** Deletes the package (every version) and turns off the auto top-ups that use it; answers how many were turned off. */
    public int delete(UUID id) {
        lock();
        TopUpPackage found = currentVersion(id);
        rows.retireAll(found.packageKey());
        int turnedOff = rows.disableAutoTopUps(found.packageKey(), "The top-up package was deleted.");
        renumber(rows.current().stream().map(TopUpPackage::id).toList());
        return turnedOff;
    }

    /** Puts the current packages in the order of {@code ids}, which names each of them once. */
    public List<TopUpPackage> reorder(List<UUID> ids) {
        lock();
        List<TopUpPackage> current = rows.current();
        if (ids == null || ids.size() != current.size() || !new HashSet<>(ids).equals(new HashSet<>(current.stream().map(TopUpPackage::id).toList()))) {
            throw new DomainException(ErrorCode.INVALID, "packageIds", "Name each of the " + current.size() + " packages offered once.");
        }
        renumber(ids);
        return rows.current();
    }

    TopUpPackage currentVersion(UUID id) {
        return rows.find(id).filter(TopUpPackage::current)
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "packageId", "No such top-up package is offered."));
    }

    private void renumber(List<UUID> ids) {
        for (int i = 0; i < ids.size(); i++) {
            rows.position(ids.get(i), i + 1);
        }
    }

    private Money bonus(BigDecimal bonus, String currency) {
        return Amounts.zeroOrMore("bonus", bonus == null ? BigDecimal.ZERO : bonus, currency, currency());
    }

    private void lock() {
        ledger.lock("top-up-packages");
    }

    private java.util.Currency currency() {
        return tenants.get(TenantContext.requireTenant()).orElseThrow().currency();
    }
}
