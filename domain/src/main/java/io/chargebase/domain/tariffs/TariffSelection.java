package io.chargebase.domain.tariffs;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.tariffs.internal.SelectionRows;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.TokenUid;
import io.chargebase.domain.tokens.Tokens;

/**
 * The one answer to "what does this customer pay at this EVSE at this moment, and why". An EVSE with a tariff
 * group is priced by the group: the last tariff in its order whose audience the customer belongs to (the base
 * tariff, first, applies to everyone). Any other EVSE is priced by the active tariff plan: its rules by
 * precedence, the first whose location group holds one of the EVSE's connectors and whose business-partner group
 * holds the customer's unit; else the plan's default. The tariff version is the one in force at that moment.
 * When nothing prices the EVSE the answer is an error, never a guessed price.
 */
@Service
@Transactional(readOnly = true)
public class TariffSelection {

    public enum Source { TARIFF_GROUP, PLAN_RULE, PLAN_DEFAULT }

    /** The tariff that applies, the version in force, and why: which group or plan rule chose it. */
    public record Selected(StoredTariff tariff, TariffVersion version, Source source, UUID tariffGroupId, UUID tariffPlanId,
            Integer rulePrecedence, String reason, UUID locationId, ZoneId timeZone, Customer.Kind customer, UUID profileId) {
    }

    private final SelectionRows rows;
    private final Tariffs tariffs;
    private final TariffGroups groups;
    private final TariffPlans plans;
    private final Tokens tokens;

    private final io.chargebase.domain.organisation.Groups groupNames;
    private final io.chargebase.domain.assets.LocationGroups locationGroups;

    TariffSelection(SelectionRows rows, Tariffs tariffs, TariffGroups groups, TariffPlans plans, Tokens tokens,
            io.chargebase.domain.organisation.Groups groupNames, io.chargebase.domain.assets.LocationGroups locationGroups) {
        this.groupNames = groupNames;
        this.locationGroups = locationGroups;
        this.rows = rows;
        this.tariffs = tariffs;
        this.groups = groups;
        this.plans = plans;
        this.tokens = tokens;
    }

    public Selected select(UUID evseId, Customer customer, Instant at) {
        return select(rows.evse(evseId).orElseThrow(() -> DomainException.notFound("evseId", "EVSE", evseId)), customer, at);
    }

    /**
     * The tariff versions {@link #select} chooses, for many EVSEs at once, as a map of chargers asks: the EVSEs' facts are read in one
     * statement, and the selection runs once per distinct set of facts it depends on (tariff group, location groups,
     * owner, time zone), so its cost follows the tenant's tariff layout, not the number of EVSEs. An EVSE nothing prices
     * is left out.
     */
    public java.util.Map<UUID, TariffVersion> versionsFor(java.util.Collection<UUID> evseIds, Customer customer, Instant at) {
        java.util.Map<UUID, TariffVersion> selected = new java.util.LinkedHashMap<>();
        java.util.Map<PricingKey, Selected> byKey = new java.util.HashMap<>();
        java.util.Set<PricingKey> unpriced = new java.util.HashSet<>();
        for (SelectionRows.EvseFacts evse : rows.evses(evseIds)) {
            PricingKey key = new PricingKey(evse.tariffGroupId(), evse.locationGroupIds(), evse.ownerUnitId(), evse.timeZone());
            if (unpriced.contains(key)) {
                continue;
            }
            Selected same = byKey.get(key);
            if (same == null) {
                try {
                    same = select(evse, customer, at);
                } catch (DomainException nothingPrices) {
                    unpriced.add(key);
                    continue;
                }
                byKey.put(key, same);
            }
            selected.put(evse.evseId(), same.version());
        }
        return selected;
    }

    /** What a selection reads of an EVSE: two EVSEs alike in these are priced alike. */
    private record PricingKey(UUID tariffGroupId, Set<UUID> locationGroupIds, UUID ownerUnitId, ZoneId timeZone) {
    }

    private Selected select(SelectionRows.EvseFacts evse, Customer customer, Instant at) {
        Customer.Facts facts = facts(customer, evse);
        if (evse.tariffGroupId() != null) {
            TariffGroup group = groups.find(evse.tariffGroupId()).orElseThrow();
            List<UUID> order = group.tariffIds();
            var found = tariffs.findAll(order);
            for (int i = order.size() - 1; i >= 0; i--) {
                StoredTariff tariff = found.get(order.get(i));
                String matched = tariff.audience().matchedBy(facts, this::partnerGroupName, this::userGroupName);
                if (matched != null) {
                    String reason = "Tariff group \"" + group.name() + "\", position " + (i + 1) + " of " + order.size()
                            + (tariff.base() ? " (base tariff)" : "") + ": " + matched + ".";
                    return selected(tariff, at, Source.TARIFF_GROUP, group.id(), null, null, reason, evse, facts);
                }
            }
            throw new IllegalStateException("Tariff group " + group.id() + " has no base tariff");
        }
        TariffPlan plan = plans.active().orElseThrow(() -> new DomainException(ErrorCode.NO_TARIFF, "evseId",
                "The EVSE has no tariff group and the tenant has no active tariff plan; nothing prices it."));
        for (TariffPlan.Rule rule : plan.rules()) {
            boolean location = rule.locationGroupId() == null || evse.locationGroupIds().contains(rule.locationGroupId());
            boolean partner = rule.businessPartnerGroupId() == null || facts.partnerGroupIds().contains(rule.businessPartnerGroupId());
            if (location && partner) {
                String reason = "Tariff plan \"" + plan.name() + "\", rule " + rule.precedence() + ": "
                        + (rule.locationGroupId() == null ? "any location" : "location group \"" + locationGroupName(rule.locationGroupId()) + "\"")
                        + " × " + (rule.businessPartnerGroupId() == null ? "any customer"
                        : "business-partner group \"" + partnerGroupName(rule.businessPartnerGroupId()) + "\"") + ".";
                return selected(tariffs.find(rule.tariffId()).orElseThrow(), at, Source.PLAN_RULE, null, plan.id(), rule.precedence(), reason,
                        evse, facts);
            }
        }
        return selected(tariffs.find(plan.defaultTariffId()).orElseThrow(), at, Source.PLAN_DEFAULT, null, plan.id(), null,
                "Tariff plan \"" + plan.name() + "\": no rule matched, the plan's default tariff applies.", evse, facts);
    }

    /** The customer a token stands for: its owner's profile, or an ad-hoc customer for a token with no owner. */
    public Customer customerOf(TokenUid uid) {
        return tokens.findByUid(uid).map(Token::ownerProfileId).map(Customer::profile).orElse(Customer.adHoc());
    }

    public Optional<UUID> evseByEvseId(String evseId) {
        return rows.evseByEvseId(evseId);
    }

    private String partnerGroupName(UUID id) {
        return groupNames.findBusinessPartnerGroup(id).map(io.chargebase.domain.organisation.Group::name).orElse(id.toString());
    }

    private String userGroupName(UUID id) {
        return groupNames.findUserGroup(id).map(io.chargebase.domain.organisation.Group::name).orElse(id.toString());
    }

    private String locationGroupName(UUID id) {
        return locationGroups.find(id).map(io.chargebase.domain.assets.LocationGroup::name).orElse(id.toString());
    }

    private Selected selected(StoredTariff tariff, Instant at, Source source, UUID groupId, UUID planId, Integer precedence, String reason,
            SelectionRows.EvseFacts evse, Customer.Facts facts) {
        TariffVersion version = tariffs.versionAt(tariff.id(), at);
        return new Selected(tariff, version, source, groupId, planId, precedence, reason, evse.locationId(), evse.timeZone(), facts.kind(),
                facts.profileId());
    }

    private Customer.Facts facts(Customer customer, SelectionRows.EvseFacts evse) {
        return switch (customer) {
            case Customer.OfProfile(UUID profileId) -> {
                SelectionRows.ProfileFacts profile = rows.profile(profileId)
                        .orElseThrow(() -> DomainException.notFound("profileId", "profile", profileId));
                boolean owner = evse.ownerUnitId() != null && profile.unitPath().contains("/" + evse.ownerUnitId() + "/");
                yield new Customer.Facts(Customer.Kind.PROFILE, profileId, owner, profile.partnerGroupIds(), profile.userGroupIds());
            }
            case Customer.Roaming roaming -> new Customer.Facts(Customer.Kind.ROAMING, null, false, Set.of(), Set.of());
            case Customer.AdHoc adHoc -> new Customer.Facts(Customer.Kind.AD_HOC, null, false, Set.of(), Set.of());
        };
    }
}
