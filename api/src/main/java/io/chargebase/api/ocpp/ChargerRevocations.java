package io.chargebase.api.ocpp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

import io.chargebase.api.revocation.Revocations;
import io.chargebase.api.revocation.Revoked;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantRef;
import io.chargebase.tenancy.Tenants;

/**
 * Closes the charger sockets this instance holds when what let them in is withdrawn, wherever that happened: the
 * charge point's secret changed or it was removed, or its tenant was suspended (see the revocation package; every
 * instance hears every announcement and closes only what it holds). The charger then reconnects and the handshake
 * decides afresh, so a rotated secret lets in the new secret only. A charge point that becomes DISABLED keeps its
 * socket: staff still monitor and command it, and the charging domain refuses its Authorize and starts.
 */
@Component
class ChargerRevocations {

    private static final Logger log = LoggerFactory.getLogger(ChargerRevocations.class);
    static final CloseStatus CREDENTIALS_WITHDRAWN = CloseStatus.POLICY_VIOLATION.withReason("Credentials withdrawn");

    private final LocalChargers locals;
    private final Tenants tenants;
    private final OcppHandshake handshake;

    ChargerRevocations(Revocations revocations, LocalChargers locals, Tenants tenants, OcppHandshake handshake) {
        this.locals = locals;
        this.tenants = tenants;
        this.handshake = handshake;
        revocations.onRevoked(this::revoked);
    }

    private void revoked(Revoked revoked) {
        if (revoked.tenant().isEmpty()) {
            return;
        }
        TenantId tenant = new TenantId(revoked.tenant().get());
        switch (revoked.kind()) {
            case CHARGE_POINT -> revoked.chargePoint().flatMap(id -> locals.find(tenant, id)).ifPresent(connection -> {
                log.info("Closing the socket of {}: its secret changed or it was removed", connection.charger());
                connection.close(CREDENTIALS_WITHDRAWN);
            });
            case TENANT -> {
                handshake.forgetTenants();
                if (tenants.findById(tenant).filter(TenantRef::isActive).isEmpty()) {
                    locals.ofTenant(tenant).forEach(connection -> {
                        log.info("Closing the socket of {}: its tenant is suspended", connection.charger());
                        connection.close(CREDENTIALS_WITHDRAWN);
                    });
                }
            }
            default -> { }
        }
    }
}
