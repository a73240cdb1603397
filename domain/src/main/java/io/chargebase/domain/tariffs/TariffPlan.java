package io.chargebase.domain.tariffs;

import java.util.List;
import java.util.UUID;

/**
 * Rules tried by precedence (the first that matches prices), and the tariff for whatever no rule matches. A rule
 * without a location group matches every EVSE; without a business-partner group, every customer.
 */
public record TariffPlan(UUID id, String name, UUID defaultTariffId, boolean active, List<Rule> rules) {

    public record Rule(int precedence, UUID locationGroupId, UUID businessPartnerGroupId, UUID tariffId) {
    }
}
