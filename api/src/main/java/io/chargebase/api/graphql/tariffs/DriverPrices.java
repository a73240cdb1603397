package io.chargebase.api.graphql.tariffs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.Types;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.rating.PriceComponent;
import io.chargebase.domain.rating.Tariff;
import io.chargebase.domain.tariffs.Customer;
import io.chargebase.domain.tariffs.TariffSelection;
import io.chargebase.domain.tariffs.TariffVersion;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * The signed-in driver's price at many EVSEs at once, for the map: the same selection as {@code evsePrice}, batched
 * ({@link TariffSelection#versionsFor}), so a page of chargers costs a few statements whatever its size. Like
 * {@code evsePrice} the selection reads the tenant's tariff configuration, which the driver's scope does not show;
 * the EVSEs asked about are ones the driver was already shown.
 */
@Controller
public class DriverPrices {

    private final TariffSelection selection;

    DriverPrices(TariffSelection selection) {
        this.selection = selection;
    }

    /** The profile of the signed-in driver; null for anyone else. */
    public static UUID signedInDriver() {
        return TenantContext.current() instanceof TenantScope.OfTenant scope
                && scope.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId) ? profileId : null;
    }

    @BatchMapping(typeName = Types.EVSE, field = "price")
    Map<Evse, TariffController.EvsePrice> price(List<Evse> evses) {
        Map<UUID, TariffVersion> versions = versions(evses.stream().map(Evse::id).toList());
        Map<Evse, TariffController.EvsePrice> result = new LinkedHashMap<>();
        for (Evse evse : evses) {
            TariffVersion version = versions.get(evse.id());
            if (version != null) {
                result.put(evse, TariffController.EvsePrice.of(evse, version, null));
            }
        }
        return result;
    }

    /** The EVSEs among {@code evseIds} where the signed-in driver pays nothing now; none for anyone else. */
    public Set<UUID> freeForDriver(Collection<UUID> evseIds) {
        return versions(evseIds).entrySet().stream().filter(entry -> free(entry.getValue().tariff())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private Map<UUID, TariffVersion> versions(Collection<UUID> evseIds) {
        UUID driver = signedInDriver();
        if (driver == null || evseIds.isEmpty() || !(TenantContext.current() instanceof TenantScope.OfTenant scope)) {
            return Map.of();
        }
        return TenantContext.callAs(scope.whole(), () -> selection.versionsFor(evseIds, Customer.profile(driver), Instant.now()));
    }

    /** Free: no element prices anything and there is no minimum price. */
    static boolean free(Tariff tariff) {
        boolean nothingPriced = tariff.elements().stream().flatMap(element -> element.priceComponents().stream())
                .map(PriceComponent::price).allMatch(price -> price.signum() == 0);
        return nothingPriced && (tariff.minPrice() == null || tariff.minPrice().exclVat().compareTo(BigDecimal.ZERO) == 0);
    }
}
