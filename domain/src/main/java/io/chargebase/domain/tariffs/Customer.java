package io.chargebase.domain.tariffs;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Who charges, as tariff selection sees them: one of our profiles, a roaming partner's driver, or an ad-hoc driver. */
public sealed interface Customer {

    enum Kind { PROFILE, ROAMING, AD_HOC }

    static Customer profile(UUID profileId) {
        return new OfProfile(profileId);
    }

    static Customer roaming(String partyId) {
        return new Roaming(partyId);
    }

    static Customer adHoc() {
        return new AdHoc();
    }

    Kind kind();

    record OfProfile(UUID profileId) implements Customer {
        public OfProfile {
            Objects.requireNonNull(profileId, "profileId");
        }

        @Override
        public Kind kind() {
            return Kind.PROFILE;
        }
    }

    /** A driver of another e-mobility service provider; {@code partyId} (e.g. NL*ABC) when known. */
    record Roaming(String partyId) implements Customer {
        @Override
        public Kind kind() {
            return Kind.ROAMING;
        }
    }

    record AdHoc() implements Customer {
        @Override
        public Kind kind() {
            return Kind.AD_HOC;
        }
    }

    /** What selection needs to know of a customer at one EVSE, read once. */
    record Facts(Kind kind, UUID profileId, boolean ownerUser, Set<UUID> partnerGroupIds, Set<UUID> userGroupIds) {
    }
}
