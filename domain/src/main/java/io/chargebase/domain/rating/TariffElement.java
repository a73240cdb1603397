package io.chargebase.domain.rating;

import java.util.List;
import java.util.Optional;

/** Price components that apply together while the restrictions hold. Null restrictions mean none. */
public record TariffElement(List<PriceComponent> priceComponents, Restrictions restrictions) {

    public TariffElement {
        priceComponents = priceComponents == null ? List.of() : List.copyOf(priceComponents);
        restrictions = restrictions == null ? Restrictions.NONE : restrictions;
    }

    public static TariffElement of(Restrictions restrictions, PriceComponent... components) {
        return new TariffElement(List.of(components), restrictions);
    }

    public Optional<PriceComponent> component(Dimension dimension) {
        for (PriceComponent component : priceComponents) {
            if (component.type() == dimension) {
                return Optional.of(component);
            }
        }
        return Optional.empty();
    }
}
