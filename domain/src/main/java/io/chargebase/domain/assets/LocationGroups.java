package io.chargebase.domain.assets;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.Decimals;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.assets.internal.LocationGroupRows;

/** The location groups of the tenant acted for, and the membership of every connector in them. */
@Service
@Transactional
public class LocationGroups {

    static final String DEFAULT_NAME = "All other connectors";
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final LocationGroupRows rows;
    private final Locations locations;

    LocationGroups(LocationGroupRows rows, Locations locations) {
        this.rows = rows;
        this.locations = locations;
    }

    /** A group from criteria and explicit connectors; memberships are recomputed at once. */
    public LocationGroup create(String name, List<String> countries, List<String> operatorIds, AssetTypes.CurrentType currentType,
            BigDecimal minPowerKw, BigDecimal maxPowerKw, List<UUID> locationIds, List<UUID> connectorIds) {
        List<String> validOperators = operatorIds == null ? null : operatorIds.stream().map(Locations::operator).distinct().toList();
        String validName = Text.required("name", name, 100);
        List<String> validCountries = countries == null ? null : countries.stream().map(LocationGroups::country).distinct().toList();
        if (minPowerKw != null && maxPowerKw != null && minPowerKw.compareTo(maxPowerKw) > 0) {
            throw new DomainException(ErrorCode.INVALID, "minPowerKw", "The lower power bound lies above the upper one.");
        }
        for (BigDecimal bound : new BigDecimal[] {minPowerKw, maxPowerKw}) {
            if (bound != null && bound.signum() < 0) {
                throw new DomainException(ErrorCode.INVALID, "minPowerKw", "Power bounds are not negative.");
            }
        }
        Decimals.within("minPowerKw", minPowerKw, 6, 2);
        Decimals.within("maxPowerKw", maxPowerKw, 6, 2);
        if (locationIds != null) {
            Map<UUID, Location> found = locations.findAll(locationIds);
            locationIds.stream().filter(id -> !found.containsKey(id)).findFirst()
                    .ifPresent(id -> { throw DomainException.notFound("locationIds", "location", id); });
        }
        if (connectorIds != null && rows.countConnectors(connectorIds) != connectorIds.stream().distinct().count()) {
            throw new DomainException(ErrorCode.NOT_FOUND, "connectorIds", "Some of the connectors do not exist.");
        }
        ensureDefault();
        LocationGroup group;
        try {
            group = rows.insert(UUID.randomUUID(), validName, false, validCountries, validOperators, currentType, minPowerKw, maxPowerKw,
                    locationIds == null ? null : List.copyOf(locationIds), connectorIds == null ? null : List.copyOf(connectorIds));
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "name", "Another location group has this name.");
        }
        recompute();
        return group;
    }

    public UUID delete(UUID id) {
        LocationGroup group = rows.find(id).orElseThrow(() -> DomainException.notFound("locationGroupId", "location group", id));
        if (group.isDefault()) {
            throw new DomainException(ErrorCode.ROOT_IMMUTABLE, "locationGroupId", "The default group cannot be deleted.");
        }
        rows.delete(id);
        recompute();
        return id;
    }

    /** Recomputes every connector's groups; call after any change to assets or groups. */
    public void recompute() {
        ensureDefault();
        rows.recomputeMemberships();
    }

    /** Places a newly registered charge point's connectors in their groups; the others keep theirs. */
    public void place(UUID chargePointId) {
        ensureDefault();
        rows.addMemberships(chargePointId);
    }

    @Transactional(readOnly = true)
    public List<LocationGroup> list() {
        return rows.list();
    }

    @Transactional(readOnly = true)
    public Optional<LocationGroup> find(UUID id) {
        return rows.find(id);
    }

    @Transactional(readOnly = true)
    public Map<UUID, Long> memberCounts(Collection<UUID> groupIds) {
        return rows.memberCounts(groupIds);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<UUID>> groupsOfConnectors(Collection<UUID> connectorIds) {
        return rows.groupsOfConnectors(connectorIds);
    }

    private void ensureDefault() {
        if (!rows.hasDefault()) {
            rows.insert(UUID.randomUUID(), DEFAULT_NAME, true, null, null, null, null, null, null, null);
        }
    }

    private static String country(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new DomainException(ErrorCode.INVALID, "countries", "'" + raw + "' is not an ISO 3166 country code.");
        }
        return code;
    }
}
