package io.chargebase.domain.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;

class ChargerSearchTest {

    private static List<List<Double>> ranges(ChargerSearch.Area area) {
        return area.longitudes().stream().map(range -> List.of(range[0], range[1])).toList();
    }

    @Test
    void aBoxAcrossTheAntimeridianIsTwoLongitudeRanges() {
        assertThat(ranges(new ChargerSearch.Box(-20, 170, -10, -170))).containsExactly(List.of(170.0, 180.0), List.of(-180.0, -170.0));
        assertThat(ranges(new ChargerSearch.Box(-90, -180, 90, 180))).containsExactly(List.of(-180.0, 180.0));
        assertThat(ranges(new ChargerSearch.Box(50, 3, 54, 7))).containsExactly(List.of(3.0, 7.0));
    }

    @Test
    void aCircleIsBoundedByItsTangentMeridiansAndWrapsAtTheAntimeridian() {
        ChargerSearch.Near amsterdam = new ChargerSearch.Near(52.37, 4.89, 25);
        // 25 km is 0.2248° of latitude; at 52.37° a degree of longitude is 0.6105 as long, so 0.368°
        assertThat(amsterdam.north() - 52.37).isCloseTo(0.2248, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(ranges(amsterdam).getFirst().get(1) - 4.89).isCloseTo(0.368, org.assertj.core.data.Offset.offset(0.001));
        List<List<Double>> fiji = ranges(new ChargerSearch.Near(-16.87, 179.9, 50));
        assertThat(fiji).hasSize(2);
        assertThat(fiji.get(0).get(1)).isEqualTo(180.0);
        assertThat(fiji.get(1).get(0)).isEqualTo(-180.0);
        assertThat(ranges(new ChargerSearch.Near(89.9, 0, 50))).as("over the pole").containsExactly(List.of(-180.0, 180.0));
    }

    @Test
    void badCoordinatesAreRefusedWithTheFieldAtFault() {
        assertThatThrownBy(() -> new ChargerSearch.Near(91, 0, 10)).isInstanceOf(DomainException.class).hasMessageContaining("latitude");
        assertThatThrownBy(() -> new ChargerSearch.Near(0, Double.NaN, 10)).isInstanceOf(DomainException.class).hasMessageContaining("longitude");
        assertThatThrownBy(() -> new ChargerSearch.Near(0, 0, 0)).isInstanceOf(DomainException.class).hasMessageContaining("radius");
        assertThatThrownBy(() -> new ChargerSearch.Near(0, 0, 501)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new ChargerSearch.Box(10, 0, -10, 1)).isInstanceOf(DomainException.class).hasMessageContaining("south");
        assertThatThrownBy(() -> new ChargerSearch.Box(0, 181, 1, 1)).isInstanceOf(DomainException.class);
    }

    @Test
    void aPointOfInterestIsNeverUsableAndAPrivateChargePointOnlyByTheInvited() {
        ChargePointAccess poi = new ChargePointAccess(null, null, null, false, "Pay at the machine", AssetTypes.Access.PUBLIC, null, false, true);
        assertThat(poi.usable()).isFalse();
        assertThat(poi.driverNotice()).isEqualTo("Pay at the machine");
        ChargePointAccess hotel = new ChargePointAccess(null, null, null, true, null, AssetTypes.Access.PRIVATE, "Guests only", false, false);
        assertThat(hotel.usable()).isFalse();
        assertThat(hotel.driverNotice()).isEqualTo("Guests only");
        ChargePointAccess invited = new ChargePointAccess(null, AssetTypes.Access.PRIVATE, "Residents", true, null, AssetTypes.Access.PUBLIC, null,
                false, true);
        assertThat(invited.usable()).isTrue();
        assertThat(invited.driverNotice()).isNull();
        ChargePointAccess zoneOff = new ChargePointAccess(null, null, null, true, null, AssetTypes.Access.PUBLIC, null, true, false);
        assertThat(zoneOff.usable()).isFalse();
    }
}
