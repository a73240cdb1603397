package io.chargebase.domain.assets;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;

/**
 * What a driver looks for on the map: an area (near a point, or a map box), what the charger must offer, and where the
 * previous page ended. The records check their own coordinates, so a search that exists is one the database can run.
 */
public final class ChargerSearch {

    /** The mean Earth radius (IUGG), in kilometres. */
    public static final double EARTH_RADIUS_KM = 6371.0088;
    public static final double DEFAULT_RADIUS_KM = 25;
    public static final double MAX_RADIUS_KM = 500;

    private ChargerSearch() {
    }

    /** Where to look. */
    public sealed interface Area permits Near, Box {

        /** The latitude band to prefilter on, south to north. */
        double south();

        double north();

        /** One or two longitude ranges, each west ≤ east: two when the area crosses the antimeridian. */
        List<double[]> longitudes();
    }

    /** Within {@code radiusKm} of a point, nearest first. */
    public record Near(double latitude, double longitude, double radiusKm) implements Area {

        public Near {
            latitude = ChargerSearch.latitude("near.latitude", latitude);
            longitude = ChargerSearch.longitude("near.longitude", longitude);
            if (!Double.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM) {
                throw new DomainException(ErrorCode.INVALID, "radiusKm", "The radius is more than 0 and at most " + (int) MAX_RADIUS_KM + " km.");
            }
        }

        private double angle() {
            return radiusKm / EARTH_RADIUS_KM;
        }

        @Override
        public double south() {
            return Math.max(-90, latitude - Math.toDegrees(angle()));
        }

        @Override
        public double north() {
            return Math.min(90, latitude + Math.toDegrees(angle()));
        }

        /**
         * The longitudes of the smallest box around the circle (the tangent meridians): every point of the circle lies
         * within them. A circle that reaches a pole spans every longitude.
         */
        @Override
        public List<double[]> longitudes() {
            double ratio = Math.sin(angle()) / Math.cos(Math.toRadians(latitude));
            if (south() <= -90 || north() >= 90 || ratio >= 1) {
                return List.<double[]>of(new double[] {-180, 180});
            }
            double spread = Math.toDegrees(Math.asin(ratio));
            return wrapped(longitude - spread, longitude + spread);
        }
    }

    /**
     * A map box by its edges. A west edge east of the east edge means the box spans the antimeridian (west 170, east
     * -170 is the 20° around it); west -180 and east 180 is the whole width of the map.
     */
    public record Box(double south, double west, double north, double east) implements Area {

        public Box {
            south = ChargerSearch.latitude("box.south", south);
            north = ChargerSearch.latitude("box.north", north);
            west = ChargerSearch.longitude("box.west", west);
            east = ChargerSearch.longitude("box.east", east);
            if (south > north) {
                throw new DomainException(ErrorCode.INVALID, "box.south", "The box's south edge is south of its north edge.");
            }
        }

        @Override
        public List<double[]> longitudes() {
            return west <= east ? List.<double[]>of(new double[] {west, east})
                    : List.of(new double[] {west, 180}, new double[] {-180, east});
        }
    }

    /** What the charger must offer; each criterion left null matches all. */
    public record Filter(AssetTypes.CurrentType currentType, BigDecimal minPowerKw, Set<AssetTypes.ConnectorStandard> standards,
            boolean availableNow) {

        public static final Filter ANY = new Filter(null, null, null, false);

        public Filter {
            if (minPowerKw != null && (minPowerKw.signum() < 0 || minPowerKw.compareTo(BigDecimal.valueOf(1000)) > 0)) {
                throw new DomainException(ErrorCode.INVALID, "filter.minPowerKw", "The minimum power is 0 to 1000 kW.");
            }
            standards = standards == null || standards.isEmpty() ? null : Set.copyOf(standards);
        }
    }

    /** Where a page ended: the last location's distance (null in a box) and id. */
    public record After(Double distanceKm, UUID id) {
    }

    /** A location found, with its distance from the point searched near (null in a box). */
    public record Found(Location location, Double distanceKm) {
    }

    private static List<double[]> wrapped(double west, double east) {
        if (west < -180) {
            return List.of(new double[] {west + 360, 180}, new double[] {-180, east});
        }
        if (east > 180) {
            return List.of(new double[] {west, 180}, new double[] {-180, east - 360});
        }
        return List.<double[]>of(new double[] {west, east});
    }

    private static double latitude(String field, double value) {
        if (!Double.isFinite(value) || value < -90 || value > 90) {
            throw new DomainException(ErrorCode.INVALID, field, "A latitude is between -90 and 90 degrees, not " + value + ".");
        }
        return value;
    }

    private static double longitude(String field, double value) {
        if (!Double.isFinite(value) || value < -180 || value > 180) {
            throw new DomainException(ErrorCode.INVALID, field, "A longitude is between -180 and 180 degrees, not " + value + ".");
        }
        return value;
    }
}
