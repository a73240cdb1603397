package io.chargebase.domain.tariffs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.assets.LocationGroups;
import io.chargebase.domain.organisation.Groups;
import io.chargebase.domain.tariffs.internal.TariffPlanRows;

/**
 * Tariff plans: location group × business-partner group → tariff rules with explicit precedence and a default
 * tariff. One plan is active per tenant; it prices every EVSE that has no tariff group.
 */
@Service
@Transactional
public class TariffPlans {

    /** A rule as given: precedence is its place in the list (1 first). */
    public record NewRule(UUID locationGroupId, UUID businessPartnerGroupId, UUID tariffId) {
    }

    private final TariffPlanRows rows;
    private final Tariffs tariffs;
    private final LocationGroups locationGroups;
    private final Groups groups;

    TariffPlans(TariffPlanRows rows, Tariffs tariffs, LocationGroups locationGroups, Groups groups) {
        this.rows = rows;
        this.tariffs = tariffs;
        this.locationGroups = locationGroups;
        this.groups = groups;
    }

    public TariffPlan create(String name, UUID defaultTariffId, List<NewRule> rules, boolean activate) {
        String valid = Text.required("name", name, 200);
        StoredTariff fallback = tariff("defaultTariffId", defaultTariffId);
        List<TariffPlan.Rule> checked = rules(rules, fallback);
        UUID id = UUID.randomUUID();
        try {
            rows.insert(id, valid, defaultTariffId);
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "name", "Another tariff plan already has this name.");
        }
        rows.setRules(id, checked);
        if (activate) {
            rows.activate(id);
        }
        return rows.find(id).orElseThrow();
    }

    /** Replaces a plan's name, default and rules (those given); the rules list is complete and ordered. */
    public TariffPlan update(UUID id, String name, UUID defaultTariffId, List<NewRule> rules) {
        TariffPlan plan = rows.lock(id).orElseThrow(() -> DomainException.notFound("tariffPlanId", "tariff plan", id));
        String valid = name == null ? plan.name() : Text.required("name", name, 200);
        UUID fallbackId = defaultTariffId == null ? plan.defaultTariffId() : defaultTariffId;
        StoredTariff fallback = tariff("defaultTariffId", fallbackId);
        try {
            rows.update(id, valid, fallbackId);
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "name", "Another tariff plan already has this name.");
        }
        if (rules != null) {
            rows.setRules(id, rules(rules, fallback));
        } else {
            plan.rules().forEach(rule -> sameCurrency("defaultTariffId", fallback, tariff("defaultTariffId", rule.tariffId())));
        }
        return rows.find(id).orElseThrow();
    }

    /** Makes this plan the tenant's active one; the previously active plan stops pricing. */
    public TariffPlan activate(UUID id) {
        rows.lock(id).orElseThrow(() -> DomainException.notFound("tariffPlanId", "tariff plan", id));
        rows.activate(id);
        return rows.find(id).orElseThrow();
    }

    public UUID delete(UUID id) {
        TariffPlan plan = rows.lock(id).orElseThrow(() -> DomainException.notFound("tariffPlanId", "tariff plan", id));
        if (plan.active()) {
            throw new DomainException(ErrorCode.IN_USE, "tariffPlanId", "The plan is active; activate another plan first.");
        }
        rows.delete(id);
        return id;
    }

    @Transactional(readOnly = true)
    public List<TariffPlan> list() {
        return rows.list();
    }

    @Transactional(readOnly = true)
    public Optional<TariffPlan> find(UUID id) {
        return rows.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<TariffPlan> active() {
        return rows.active();
    }

    private List<TariffPlan.Rule> rules(List<NewRule> given, StoredTariff fallback) {
        List<NewRule> rules = given == null ? List.of() : given;
        if (rules.size() > 500) {
            throw new DomainException(ErrorCode.INVALID, "rules", "A plan has at most 500 rules.");
        }
        List<TariffPlan.Rule> checked = new ArrayList<>();
        Set<List<UUID>> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            NewRule rule = rules.get(i);
            String field = "rules[" + i + "]";
            if (rule == null || rule.tariffId() == null) {
                throw new DomainException(ErrorCode.REQUIRED, field + ".tariffId", "Each rule names a tariff.");
            }
            if (rule.locationGroupId() != null && locationGroups.find(rule.locationGroupId()).isEmpty()) {
                throw DomainException.notFound(field + ".locationGroupId", "location group", rule.locationGroupId());
            }
            if (rule.businessPartnerGroupId() != null && groups.findBusinessPartnerGroup(rule.businessPartnerGroupId()).isEmpty()) {
                throw DomainException.notFound(field + ".businessPartnerGroupId", "business-partner group", rule.businessPartnerGroupId());
            }
            if (!seen.add(java.util.Arrays.asList(rule.locationGroupId(), rule.businessPartnerGroupId()))) {
                throw new DomainException(ErrorCode.DUPLICATE, field, "An earlier rule already covers this location group and partner group; "
                        + "this one would never apply.");
            }
            sameCurrency(field + ".tariffId", fallback, tariff(field + ".tariffId", rule.tariffId()));
            checked.add(new TariffPlan.Rule(i + 1, rule.locationGroupId(), rule.businessPartnerGroupId(), rule.tariffId()));
        }
        return checked;
    }

    private StoredTariff tariff(String field, UUID id) {
        if (id == null) {
            throw new DomainException(ErrorCode.REQUIRED, field, "Name a tariff.");
        }
        return tariffs.find(id).orElseThrow(() -> DomainException.notFound(field, "tariff", id));
    }

    private static void sameCurrency(String field, StoredTariff fallback, StoredTariff tariff) {
        if (!fallback.currency().equals(tariff.currency())) {
            throw new DomainException(ErrorCode.INVALID, field, "The plan's tariffs share one currency: " + fallback.currency() + ".");
        }
    }
}
