package io.chargebase.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.charging.ChargerEvents.ConnectorUse;
import io.chargebase.domain.charging.Measurand;
import io.chargebase.domain.charging.StopReason;
import io.chargebase.ocpp.rpc.CallErrorException;

class Messages16Test {

    @Test
    void everyChargePointStatusOf16IsADomainState() {
        List<String> statuses = List.of("Available", "Preparing", "Charging", "SuspendedEV", "SuspendedEVSE", "Finishing", "Reserved", "Unavailable",
                "Faulted");
        assertThat(statuses.stream().map(Messages16::connectorUse)).doesNotHaveDuplicates().doesNotContain(ConnectorUse.UNKNOWN)
                .doesNotContain(ConnectorUse.OCCUPIED);
        assertThat(Messages16.connectorUse("SuspendedEVSE")).isEqualTo(ConnectorUse.SUSPENDED_EVSE);
    }

    @Test
    void everyMeasurandOf16IsADomainMeasurandStoredUnderItsName() {
        List<String> names = List.of("Current.Export", "Current.Import", "Current.Offered", "Energy.Active.Export.Register",
                "Energy.Active.Import.Register", "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register", "Energy.Active.Export.Interval",
                "Energy.Active.Import.Interval", "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval", "Frequency",
                "Power.Active.Export", "Power.Active.Import", "Power.Factor", "Power.Offered", "Power.Reactive.Export", "Power.Reactive.Import", "RPM",
                "SoC", "Temperature", "Voltage");
        assertThat(names.stream().map(Messages16::measurand).map(Measurand::code)).containsExactlyElementsOf(names);
        assertThat(names.stream().map(Messages16::measurand)).containsExactlyInAnyOrder(Measurand.values());
        assertThat(Arrays.stream(Measurand.values())).hasSize(names.size());
        assertThatThrownBy(() -> Messages16.measurand("Energy.Active.Import")).isInstanceOf(CallErrorException.class);
    }

    @Test
    void everyStopReasonOf16IsADomainReasonStoredUnderItsName() {
        List<String> reasons = List.of("DeAuthorized", "EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other", "PowerLoss", "Reboot",
                "Remote", "SoftReset", "UnlockCommand");
        assertThat(reasons.stream().map(Messages16::stopReason).map(StopReason::code)).containsExactlyElementsOf(reasons);
        assertThat(Messages16.stopReason(null)).isNull();
        assertThatThrownBy(() -> Messages16.stopReason("TimeLimitReached")).isInstanceOf(CallErrorException.class);
    }
}
