package io.chargebase.domain.tariffs;

import java.util.List;
import java.util.UUID;

/**
 * Whom a tariff in a tariff group applies to. A tariff with no restriction applies to everyone; with several, to a
 * driver who meets any of them: a user of the charge point's owner, a roaming user, an ad-hoc user, a member of one
 * of the business-partner groups, or of one of the user groups.
 */
public record TariffAudience(boolean ownerUsers, boolean roamingUsers, boolean adHocUsers, List<UUID> partnerGroupIds,
        List<UUID> userGroupIds) {

    public static final TariffAudience EVERYONE = new TariffAudience(false, false, false, List.of(), List.of());

    public TariffAudience {
        partnerGroupIds = partnerGroupIds == null ? List.of() : partnerGroupIds.stream().distinct().toList();
        userGroupIds = userGroupIds == null ? List.of() : userGroupIds.stream().distinct().toList();
    }

    public boolean isEveryone() {
        return !ownerUsers && !roamingUsers && !adHocUsers && partnerGroupIds.isEmpty() && userGroupIds.isEmpty();
    }

    /** Which restriction the customer meets, or null when none does; "everyone" for an unrestricted tariff. Groups by name. */
    String matchedBy(Customer.Facts customer, java.util.function.Function<UUID, String> partnerGroupName,
            java.util.function.Function<UUID, String> userGroupName) {
        if (isEveryone()) {
            return "applies to everyone";
        }
        if (ownerUsers && customer.ownerUser()) {
            return "user of the charge point's owner";
        }
        if (roamingUsers && customer.kind() == Customer.Kind.ROAMING) {
            return "roaming user";
        }
        if (adHocUsers && customer.kind() == Customer.Kind.AD_HOC) {
            return "ad-hoc user";
        }
        for (UUID group : partnerGroupIds) {
            if (customer.partnerGroupIds().contains(group)) {
                return "member of business-partner group \"" + partnerGroupName.apply(group) + "\"";
            }
        }
        for (UUID group : userGroupIds) {
            if (customer.userGroupIds().contains(group)) {
                return "member of user group \"" + userGroupName.apply(group) + "\"";
            }
        }
        return null;
    }
}
