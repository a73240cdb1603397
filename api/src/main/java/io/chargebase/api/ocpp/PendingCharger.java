package io.chargebase.api.ocpp;

import java.util.UUID;

import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.tenancy.TenantId;

/** A charger the handshake let in as pending: its tenant, its pending registration and the identity it connected with. */
record PendingCharger(TenantId tenantId, UUID pendingId, String identity) {

    static final String ATTRIBUTE = PendingCharger.class.getName();

    /** As the protocol core knows it: the pending registration's id stands where a charge point's would. */
    ChargerRef ref() {
        return new ChargerRef(tenantId, pendingId, identity);
    }
}
