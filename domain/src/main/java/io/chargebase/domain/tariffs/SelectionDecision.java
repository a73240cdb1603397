package io.chargebase.domain.tariffs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * Tariff selection's decision, pure: from what was read about the EVSE, the customer and what prices the EVSE (its
 * tariff group with the group's tariffs, or else the tenant's active plan), which tariff applies and why. An EVSE with
 * a tariff group is priced by the last tariff in the group's order whose audience the customer belongs to (the base
 * tariff, first, applies to everyone); any other by the first plan rule, by precedence, whose location group holds
 * one of the EVSE's connectors and whose business-partner group holds the customer's unit, else by the plan's
 * default. The reason names groups by id; {@link Reason#text} words it with their names, read after the decision.
 */
public final class SelectionDecision {

    private SelectionDecision() {
    }

    /**
     * What the decision needs, read before it is made: the location groups of the EVSE's connectors, the customer, and
     * either the EVSE's tariff group with its tariffs by id, or (for an EVSE without one) the active plan, if any.
     */
    public record Snapshot(Set<UUID> evseLocationGroupIds, Customer.Facts customer, TariffGroup tariffGroup,
            Map<UUID, StoredTariff> groupTariffs, TariffPlan activePlan) {

        public Snapshot {
            evseLocationGroupIds = Set.copyOf(evseLocationGroupIds);
            groupTariffs = groupTariffs == null ? Map.of() : Map.copyOf(groupTariffs);
        }
    }

    /** The tariff that applies, where it came from, and why. */
    public record Decision(UUID tariffId, TariffSelection.Source source, UUID tariffGroupId, UUID tariffPlanId, Integer rulePrecedence,
            Reason reason) {
    }

    /** Why a tariff applies, as selection explains it to operators and drivers. */
    public sealed interface Reason {

        /** The reason in words, groups by the names {@code names} gives. */
        String text(Names names);

        /** A tariff group's tariff at {@code position} of {@code of} (1-based), whose audience the customer is in. */
        record InTariffGroup(String groupName, int position, int of, boolean base, Audience audience) implements Reason {
            @Override
            public String text(Names names) {
                return "Tariff group \"" + groupName + "\", position " + position + " of " + of + (base ? " (base tariff)" : "") + ": "
                        + audience.text(names) + ".";
            }
        }

        /** A plan rule that matched; a null group matches any location or customer. */
        record PlanRule(String planName, int precedence, UUID locationGroupId, UUID businessPartnerGroupId) implements Reason {
            @Override
            public String text(Names names) {
                return "Tariff plan \"" + planName + "\", rule " + precedence + ": "
                        + (locationGroupId == null ? "any location" : "location group \"" + names.locationGroup(locationGroupId) + "\"")
                        + " × " + (businessPartnerGroupId == null ? "any customer"
                        : "business-partner group \"" + names.partnerGroup(businessPartnerGroupId) + "\"") + ".";
            }
        }

        record PlanDefault(String planName) implements Reason {
            @Override
            public String text(Names names) {
                return "Tariff plan \"" + planName + "\": no rule matched, the plan's default tariff applies.";
            }
        }
    }

    /** Which part of a tariff's audience the customer belongs to. */
    public sealed interface Audience {

        String text(Names names);

        record Everyone() implements Audience {
            @Override
            public String text(Names names) {
                return "applies to everyone";
            }
        }

        record OwnerUser() implements Audience {
            @Override
            public String text(Names names) {
                return "user of the charge point's owner";
            }
        }

        record RoamingUser() implements Audience {
            @Override
            public String text(Names names) {
                return "roaming user";
            }
        }

        record AdHocUser() implements Audience {
            @Override
            public String text(Names names) {
                return "ad-hoc user";
            }
        }

        record PartnerGroupMember(UUID groupId) implements Audience {
            @Override
            public String text(Names names) {
                return "member of business-partner group \"" + names.partnerGroup(groupId) + "\"";
            }
        }

        record UserGroupMember(UUID groupId) implements Audience {
            @Override
            public String text(Names names) {
                return "member of user group \"" + names.userGroup(groupId) + "\"";
            }
        }
    }

    /** Group names for a reason's words. */
    public interface Names {
        String partnerGroup(UUID id);

        String userGroup(UUID id);

        String locationGroup(UUID id);

        /** Names looked up when asked, each falling back to the id. */
        static Names of(Function<UUID, String> partnerGroup, Function<UUID, String> userGroup, Function<UUID, String> locationGroup) {
            return new Names() {
                @Override
                public String partnerGroup(UUID id) {
                    return partnerGroup.apply(id);
                }

                @Override
                public String userGroup(UUID id) {
                    return userGroup.apply(id);
                }

                @Override
                public String locationGroup(UUID id) {
                    return locationGroup.apply(id);
                }
            };
        }
    }

    public static Decision decide(Snapshot snapshot) {
        TariffGroup group = snapshot.tariffGroup();
        if (group != null) {
            List<UUID> order = group.tariffIds();
            for (int i = order.size() - 1; i >= 0; i--) {
                StoredTariff tariff = snapshot.groupTariffs().get(order.get(i));
                Audience audience = audienceMet(tariff.audience(), snapshot.customer());
                if (audience != null) {
                    return new Decision(tariff.id(), TariffSelection.Source.TARIFF_GROUP, group.id(), null, null,
                            new Reason.InTariffGroup(group.name(), i + 1, order.size(), tariff.base(), audience));
                }
            }
            throw new IllegalStateException("Tariff group " + group.id() + " has no base tariff");
        }
        TariffPlan plan = snapshot.activePlan();
        if (plan == null) {
            throw new DomainException(ErrorCode.NO_TARIFF, "evseId",
                    "The EVSE has no tariff group and the tenant has no active tariff plan; nothing prices it.");
        }
        for (TariffPlan.Rule rule : plan.rules()) {
            boolean location = rule.locationGroupId() == null || snapshot.evseLocationGroupIds().contains(rule.locationGroupId());
            boolean partner = rule.businessPartnerGroupId() == null || snapshot.customer().partnerGroupIds().contains(rule.businessPartnerGroupId());
            if (location && partner) {
                return new Decision(rule.tariffId(), TariffSelection.Source.PLAN_RULE, null, plan.id(), rule.precedence(),
                        new Reason.PlanRule(plan.name(), rule.precedence(), rule.locationGroupId(), rule.businessPartnerGroupId()));
            }
        }
        return new Decision(plan.defaultTariffId(), TariffSelection.Source.PLAN_DEFAULT, null, plan.id(), null, new Reason.PlanDefault(plan.name()));
    }

    /** Which restriction of the audience the customer meets, in the order they are tried; null when none does. */
    static Audience audienceMet(TariffAudience audience, Customer.Facts customer) {
        if (audience.isEveryone()) {
            return new Audience.Everyone();
        }
        if (audience.ownerUsers() && customer.ownerUser()) {
            return new Audience.OwnerUser();
        }
        if (audience.roamingUsers() && customer.kind() == Customer.Kind.ROAMING) {
            return new Audience.RoamingUser();
        }
        if (audience.adHocUsers() && customer.kind() == Customer.Kind.AD_HOC) {
            return new Audience.AdHocUser();
        }
        for (UUID group : audience.partnerGroupIds()) {
            if (customer.partnerGroupIds().contains(group)) {
                return new Audience.PartnerGroupMember(group);
            }
        }
        for (UUID group : audience.userGroupIds()) {
            if (customer.userGroupIds().contains(group)) {
                return new Audience.UserGroupMember(group);
            }
        }
        return null;
    }
}
