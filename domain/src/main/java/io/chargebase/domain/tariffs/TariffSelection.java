package io.chargebase.domain.tariffs;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.tariffs.internal.SelectionRows;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.TokenUid;
import io.chargebase.domain.tokens.Tokens;

/**
 * The one answer to "what does this customer pay at this EVSE at this moment, and why". It reads a snapshot (the
 * EVSE, the customer, the EVSE's tariff group with its tariffs or else the active plan), lets the pure
 * {@link SelectionDecision} decide, then reads the chosen tariff's version in force at that moment and the group names
 * its reason mentions. When nothing prices the EVSE the answer is an error, never a guessed price. That error is an
 * answer, not a failure of the caller's work: it leaves a transaction it joined (a MeterValues batch asking for the
 * live cost) able to commit.
 */
@Service
@Transactional(readOnly = true, noRollbackFor = DomainException.class)
public class TariffSelection {

    /** CHOSEN: an operator picked the tariff when starting the session by hand (manual: Start Session, Tariff). */
    public enum Source { TARIFF_GROUP, PLAN_RULE, PLAN_DEFAULT, CHOSEN }

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
        SelectionDecision.Snapshot snapshot = snapshot(evse, facts);
        SelectionDecision.Decision decision = SelectionDecision.decide(snapshot);
        StoredTariff tariff = decision.source() == Source.TARIFF_GROUP ? snapshot.groupTariffs().get(decision.tariffId())
                : tariffs.find(decision.tariffId()).orElseThrow();
        String reason = decision.reason().text(SelectionDecision.Names.of(this::partnerGroupName, this::userGroupName, this::locationGroupName));
        return selected(tariff, at, decision.source(), decision.tariffGroupId(), decision.tariffPlanId(), decision.rulePrecedence(), reason,
                evse, facts);
    }

    /** What the decision needs: the EVSE's tariff group with its tariffs, or else the active plan. */
    private SelectionDecision.Snapshot snapshot(SelectionRows.EvseFacts evse, Customer.Facts facts) {
        if (evse.tariffGroupId() != null) {
            TariffGroup group = groups.find(evse.tariffGroupId()).orElseThrow();
            return new SelectionDecision.Snapshot(evse.locationGroupIds(), facts, group, tariffs.findAll(group.tariffIds()), null);
        }
        return new SelectionDecision.Snapshot(evse.locationGroupIds(), facts, null, Map.of(), plans.active().orElse(null));
    }

    /**
     * The tariff an operator chose for a session they started by hand (a paid one, or a free one), in place of the
     * selection's; the version in force at {@code at}, the EVSE's location and zone as usual.
     */
    public Selected chosen(UUID evseId, Customer customer, UUID tariffId, Instant at) {
        SelectionRows.EvseFacts evse = rows.evse(evseId).orElseThrow(() -> DomainException.notFound("evseId", "EVSE", evseId));
        Customer.Facts facts = facts(customer, evse);
        StoredTariff tariff = tariffs.find(tariffId).orElseThrow(() -> DomainException.notFound("tariffId", "tariff", tariffId));
        return selected(tariff, at, Source.CHOSEN, null, null, null, "Chosen by the operator who started the session: tariff \""
                + tariff.name() + "\".", evse, facts);
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
