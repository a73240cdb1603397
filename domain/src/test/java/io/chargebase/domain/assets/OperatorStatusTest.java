package io.chargebase.domain.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.assets.AssetTypes.ChargePointStatus;
import io.chargebase.domain.assets.AssetTypes.EvseStatus;

/** The manual's charge point and EVSE statuses as rules: who may charge, what drivers see. */
class OperatorStatusTest {

    @Test
    void onlyActiveAndDemoChargePointsCharge() {
        assertThat(Arrays.stream(ChargePointStatus.values()).filter(ChargePointStatus::charges))
                .containsExactly(ChargePointStatus.ACTIVE, ChargePointStatus.DEMO);
    }

    @Test
    void driversSeeEveryChargePointButADisabledOne() {
        assertThat(Arrays.stream(ChargePointStatus.values()).filter(status -> !status.shownToDrivers()))
                .containsExactly(ChargePointStatus.DISABLED);
    }

    @Test
    void anOperatorTakesAnEvseOutOfUseWithOutOfOrderDisabledPlannedOrRemoved() {
        assertThat(Arrays.stream(EvseStatus.values()).filter(EvseStatus::takesOutOfUse))
                .containsExactlyInAnyOrder(EvseStatus.OUTOFORDER, EvseStatus.INOPERATIVE, EvseStatus.PLANNED, EvseStatus.REMOVED);
    }

    @Test
    void anOutOfOrderChargePointsEvsesAreOutOfOrderToDrivers() {
        Evse available = new Evse(UUID.randomUUID(), UUID.randomUUID(), null, 1, AssetTypes.CurrentType.AC, BigDecimal.TEN, EvseStatus.AVAILABLE);
        assertThat(ChargePoints.driversSee(available, ChargePointStatus.OUT_OF_ORDER)).isEqualTo(EvseStatus.OUTOFORDER);
        assertThat(ChargePoints.driversSee(available, ChargePointStatus.ACTIVE)).isEqualTo(EvseStatus.AVAILABLE);
        assertThat(ChargePoints.driversSee(available, ChargePointStatus.DEMO)).isEqualTo(EvseStatus.AVAILABLE);
    }
}
