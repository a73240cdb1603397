package io.chargebase.domain.charging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.charging.internal.PendingRows;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;

/**
 * Chargers let in under an identity the tenant has not registered, when its {@link ChargingSettings#unknownChargePoints()}
 * says ACCEPT_AS_PENDING. Such a charger has no secret and no charge point: its BootNotification is answered Pending and
 * it may send nothing but BootNotification and Heartbeat (see {@link #events()}), until an admin registers it as a charge
 * point, which gives it a secret to reconnect with, or dismisses it. An identity a charge point of the tenant has,
 * whatever its status, is never pending: a charger under it must authenticate as that charge point.
 */
@Service
@Transactional
public class PendingChargePoints {

    /** Beyond this many a tenant's list is no longer something an admin reads, and new identities are refused. */
    static final int MAX_PENDING = 200;

    /** A pending charger was registered or dismissed: whatever socket it still has must close. */
    public record Resolved(TenantId tenantId, String ocppIdentity) {
    }

    private final PendingRows rows;
    private final ChargePoints chargePoints;
    private final TenantChargingSettings settings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    /** For the pending chargers' messages, which come through {@link #events()} and not through this bean's proxy. */
    private final TransactionTemplate tx;

    PendingChargePoints(PendingRows rows, ChargePoints chargePoints, TenantChargingSettings settings, ApplicationEventPublisher publisher,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.tx = new TransactionTemplate(transactionManager);
        this.rows = rows;
        this.chargePoints = chargePoints;
        this.settings = settings;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * For a charger that failed to authenticate under {@code identity}: its pending registration, when the tenant takes
     * unknown chargers as pending, the identity is a valid one that no charge point has, and the tenant's list has room.
     */
    public Optional<PendingChargePoint> admit(String identity, String remoteAddress) {
        if (settings.current().unknownChargePoints() != ChargingSettings.UnknownChargePoints.ACCEPT_AS_PENDING
                || !ChargePoints.isValidIdentity(identity)) {
            return Optional.empty();
        }
        if (chargePoints.identityInUse(identity)) {
            rows.deleteIdentity(identity); // registered meanwhile by hand: no longer pending
            return Optional.empty();
        }
        if (!rows.exists(identity) && rows.count() >= MAX_PENDING) {
            return Optional.empty();
        }
        return Optional.of(rows.arrived(identity, remoteAddress, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<PendingChargePoint> list() {
        return rows.list(MAX_PENDING);
    }

    @Transactional(readOnly = true)
    public Optional<PendingChargePoint> find(UUID id) {
        return rows.find(id);
    }

    @Transactional(readOnly = true)
    public boolean stillPending(UUID id) {
        return rows.find(id).isPresent();
    }

    /**
     * Registers the pending charger as a charge point with {@code registration} (which gets the pending row, and creates
     * the charge point under its identity) and forgets it as pending, in one transaction: a failed registration leaves
     * it pending. Its socket is closed, so that it reconnects with the secret it is given.
     */
    public ChargePoints.Registered accept(UUID id, Function<PendingChargePoint, ChargePoints.Registered> registration) {
        PendingChargePoint pending = rows.lock(id).orElseThrow(() -> DomainException.notFound("pendingChargePointId", "pending charge point", id));
        ChargePoints.Registered registered = registration.apply(pending);
        if (!registered.chargePoint().ocppIdentity().equals(pending.ocppIdentity())) {
            throw new DomainException(ErrorCode.INVALID, "ocppIdentity", "The charge point keeps the identity the charger connected with.");
        }
        rows.delete(id);
        publisher.publishEvent(new Resolved(TenantContext.requireTenant(), pending.ocppIdentity()));
        return registered;
    }

    /** Forgets the pending charger and closes its socket; if it connects again it is pending anew. */
    public UUID dismiss(UUID id) {
        PendingChargePoint pending = rows.lock(id).orElseThrow(() -> DomainException.notFound("pendingChargePointId", "pending charge point", id));
        rows.delete(id);
        publisher.publishEvent(new Resolved(TenantContext.requireTenant(), pending.ocppIdentity()));
        return id;
    }

    /**
     * What a pending charger's messages do, for the OCPP adapter. Its {@link ChargerRef} carries the pending registration's
     * id where a charge point's id would be; nothing of it reaches the charge points' tables, the communication log included.
     */
    public ChargerEvents events() {
        return new PendingChargerEvents(this);
    }

    Instant seen(UUID id) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> rows.seen(id, now));
        return now;
    }

    ChargerEvents.Boot boot(UUID id, ChargerEvents.BootInfo info) {
        Instant now = clock.instant();
        // gone means registered or dismissed since it connected: it has no business here under this socket any more
        return tx.execute(t -> new ChargerEvents.Boot(rows.booted(id, info, now) ? ChargerEvents.RegistrationStatus.PENDING
                : ChargerEvents.RegistrationStatus.REJECTED, now, settings.current().heartbeatInterval()));
    }
}
