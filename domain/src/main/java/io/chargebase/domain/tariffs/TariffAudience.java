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
}
