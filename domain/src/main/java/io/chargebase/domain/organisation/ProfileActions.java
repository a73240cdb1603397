package io.chargebase.domain.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.Text;
import io.chargebase.domain.organisation.internal.ProfileActionRows;

/**
 * The actions log of a driver's account (the manual's User's Activity): what the tenant's staff did to the profile,
 * who, why and when. Each action records itself in its own transaction, so the log shows exactly what took effect;
 * the log is never edited (the application role may not update or delete it).
 */
@Service
@Transactional
public class ProfileActions {

    /** One action: its name (e.g. OPERATOR_TOP_UP), what it did, why, who did it, when. */
    public record ProfileAction(UUID id, UUID profileId, String action, String info, String reason, String actor, Instant happenedAt) {
    }

    private final ProfileActionRows rows;
    private final Clock clock;

    ProfileActions(ProfileActionRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    public ProfileAction record(UUID profileId, String action, String info, String reason, String actor) {
        ProfileAction recorded = new ProfileAction(UUID.randomUUID(), profileId, action, Text.required("info", info, 500),
                Text.optional("reason", reason, 500), actor, clock.instant());
        rows.insert(recorded);
        return recorded;
    }

    /** The profile's actions, newest first, at most {@code limit}; none for a profile the caller does not reach. */
    @Transactional(readOnly = true)
    public List<ProfileAction> of(UUID profileId, int limit) {
        return rows.of(profileId, limit);
    }
}
