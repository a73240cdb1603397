package io.chargebase.domain.charging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.charging.ChargerEvents.AuthorizationStatus;
import io.chargebase.domain.identity.UserStatus;
import io.chargebase.domain.identity.Users;
import io.chargebase.domain.organisation.ProfileStatus;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.domain.tokens.Token;

/**
 * The operator's rules that a token's own status does not carry, checked at Authorize, at StartTransaction and before
 * a remote start (issue 12 items 10 and 11): the charge point must be ACTIVE or DEMO and the EVSE not held out of use
 * (answered Invalid: OCPP 1.6 has no status for a charger that may not be used, and Invalid is its "not allowed for
 * charging" for anything but a blocked identifier); the token's owner profile must be active and, when a driver
 * signs in as it, that driver's account not disabled (answered Blocked: the identifier is known and withdrawn).
 * Read afresh each time, under the charger's tenant, so that disabling a user or a profile stops their cards at once.
 * Other contexts add their rules as {@link StartGate}s (billing: a saved card, nothing unpaid), answered Invalid.
 */
@Component
public class StartPermissions {

    /** A refusal: what the charger is answered and, in a few words, why. */
    public record Refusal(AuthorizationStatus status, String reason) {
    }

    private final ChargePoints chargePoints;
    private final Profiles profiles;
    private final Users users;
    private final List<StartGate> gates;

    StartPermissions(ChargePoints chargePoints, Profiles profiles, Users users, ObjectProvider<StartGate> gates) {
        this.chargePoints = chargePoints;
        this.profiles = profiles;
        this.users = users;
        this.gates = gates.orderedStream().toList();
    }

    /** Why {@code token} may not start at the charge point (on {@code connectorId}'s EVSE, when given); empty when it may. */
    Optional<Refusal> refusal(UUID chargePointId, Integer connectorId, Token token) {
        Optional<String> unusable = chargePoints.startRefusal(chargePointId, connectorId);
        if (unusable.isPresent()) {
            return Optional.of(new Refusal(AuthorizationStatus.INVALID, unusable.get()));
        }
        Optional<Refusal> owner = ownerRefusal(token).map(reason -> new Refusal(AuthorizationStatus.BLOCKED, reason));
        if (owner.isPresent()) {
            return owner;
        }
        // another context's rule (billing's card and balance): Invalid, OCPP 1.6's "not allowed for charging"
        return gateRefusal(token).map(reason -> new Refusal(AuthorizationStatus.INVALID, reason));
    }

    private Optional<String> gateRefusal(Token token) {
        if (token == null || token.ownerProfileId() == null) {
            return Optional.empty();
        }
        return gates.stream().map(gate -> gate.refusal(token.ownerProfileId())).flatMap(Optional::stream).findFirst();
    }

    private Optional<String> ownerRefusal(Token token) {
        if (token == null || token.ownerProfileId() == null) {
            return Optional.empty();
        }
        if (profiles.find(token.ownerProfileId()).filter(profile -> profile.status() == ProfileStatus.INACTIVE).isPresent()) {
            return Optional.of("owner's profile inactive");
        }
        if (users.findByProfile(token.ownerProfileId()).filter(user -> user.status() == UserStatus.DISABLED).isPresent()) {
            return Optional.of("owner's account disabled");
        }
        return Optional.empty();
    }

    /**
     * Refuses a remote start that the charger would have to refuse: the charge point or EVSE cannot be used, or the
     * token's owner may not charge. Runs for the whole tenant (an OU admin's scope may not show the owner's account).
     */
    public void requireRemoteStart(UUID chargePointId, Integer connectorId, Optional<Token> token) {
        chargePoints.startRefusal(chargePointId, connectorId).ifPresent(reason -> {
            throw new DomainException(ErrorCode.NOT_USABLE, "chargePointId", "No session can start here: " + reason + ".");
        });
        ownerRefusal(token.orElse(null)).or(() -> gateRefusal(token.orElse(null))).ifPresent(reason -> {
            throw new DomainException(ErrorCode.NOT_USABLE, "idTag", "This token may not charge: " + reason + ".");
        });
    }
}
