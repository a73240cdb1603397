package io.chargebase.domain.assets;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.assets.internal.LocationRows;
import io.chargebase.domain.Page;

/** The charging locations of the tenant acted for. */
@Service
@Transactional
public class Locations {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    static final int MAX_PAGE = 100;

    private final LocationRows rows;
    private final org.springframework.beans.factory.ObjectProvider<LocationGroups> groups;

    private final io.chargebase.domain.organisation.OrganisationUnits units;

    Locations(LocationRows rows, org.springframework.beans.factory.ObjectProvider<LocationGroups> groups,
            io.chargebase.domain.organisation.OrganisationUnits units) {
        this.units = units;
        this.rows = rows;
        this.groups = groups;
    }

    /** Location groups select on country, operator and location, so a changed location may move connectors. */
    private LocationGroups groups() {
        return groups.getObject();
    }

    public Location create(NewLocation location) {
        return create(location, null);
    }

    /** Validates and inserts, or with an id replaces, a location. */
    private Location create(NewLocation location, UUID replacing) {
        String name = Text.required("name", location.name(), 200);
        String street = Text.required("street", location.street(), 200);
        String postalCode = Text.optional("postalCode", location.postalCode(), 20);
        String city = Text.required("city", location.city(), 100);
        String country = country(location.country());
        BigDecimal latitude = coordinate("latitude", location.latitude(), 90);
        BigDecimal longitude = coordinate("longitude", location.longitude(), 180);
        ZoneId zone = zone(location.timeZone());
        if (location.access() == null) {
            throw new DomainException(ErrorCode.REQUIRED, "access", "Say whether the location is public, semi-public or private.");
        }
        String hours = Text.optional("openingHours", location.openingHours(), 500);
        String operator = operator(location.operatorId());
        if (replacing != null) {
            return rows.update(replacing, name, street, postalCode, city, country, latitude, longitude, zone, location.access(), hours, operator);
        }
        return rows.insert(UUID.randomUUID(), name, street, postalCode, city, country, latitude, longitude, zone, location.access(), hours,
                operator);
    }

    /** Replaces a location's details; fields left null keep their value. Everything is checked as on creation. */
    public Location update(UUID id, NewLocation changes) {
        Location current = rows.find(id).orElseThrow(() -> DomainException.notFound("locationId", "location", id));
        NewLocation merged = new NewLocation(
                or(changes.name(), current.name()), or(changes.street(), current.street()), or(changes.postalCode(), current.postalCode()),
                or(changes.city(), current.city()), or(changes.country(), current.country()),
                changes.latitude() == null ? current.latitude() : changes.latitude(),
                changes.longitude() == null ? current.longitude() : changes.longitude(),
                or(changes.timeZone(), current.timeZone().getId()), changes.access() == null ? current.access() : changes.access(),
                or(changes.openingHours(), current.openingHours()), or(changes.operatorId(), current.operatorId()));
        Location validated = create(merged, id);
        groups().recompute();
        return validated;
    }

    /** Deletes a location that no longer has charge points. */
    public UUID delete(UUID id) {
        rows.find(id).orElseThrow(() -> DomainException.notFound("locationId", "location", id));
        if (rows.hasChargePoints(id)) {
            throw new DomainException(ErrorCode.NOT_EMPTY, "locationId", "Delete or move the location's charge points first.");
        }
        rows.delete(id);
        groups().recompute();
        return id;
    }

    private static String or(String change, String current) {
        return change == null ? current : change;
    }

    /**
     * Names the organisation unit (a partner, a company) that owns a location, or none; tariffs restricted to "users of
     * the charge point's owner" apply to the profiles in that unit and below it.
     */
    public Location setOwner(UUID id, UUID unitId) {
        if (unitId != null && units.find(unitId).isEmpty()) {
            throw DomainException.notFound("organisationUnitId", "organisation unit", unitId);
        }
        if (!rows.setOwner(id, unitId)) {
            throw DomainException.notFound("locationId", "location", id);
        }
        return rows.find(id).orElseThrow();
    }

    /** The owning unit of each location that has one. */
    @Transactional(readOnly = true)
    public Map<UUID, UUID> owners(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : rows.owners(ids);
    }

    @Transactional(readOnly = true)
    public Optional<Location> find(UUID id) {
        return rows.find(id);
    }

    @Transactional(readOnly = true)
    public Map<UUID, Location> findAll(Collection<UUID> ids) {
        return rows.findAll(ids);
    }

    /**
     * The locations in the area whose charge points offer what the filter asks, as the caller may see them (row-level
     * security hides what a driver is not shown): nearest first near a point, by id in a box.
     */
    @Transactional(readOnly = true)
    public java.util.List<ChargerSearch.Found> findChargers(ChargerSearch.Area area, ChargerSearch.Filter filter, ChargerSearch.After after,
            int limit) {
        return rows.find(area, filter == null ? ChargerSearch.Filter.ANY : filter, after, limit);
    }

    @Transactional(readOnly = true)
    public Page<Location> search(String text, UUID afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DomainException(ErrorCode.INVALID, "first", "A page holds 1 to " + MAX_PAGE + " locations.");
        }
        return rows.search(Text.optional("text", text, 100), afterId, limit);
    }

    private static String country(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new DomainException(ErrorCode.INVALID, "country", "'" + raw + "' is not an ISO 3166 country code such as NL or DE.");
        }
        return code;
    }

    private static BigDecimal coordinate(String field, BigDecimal value, int limit) {
        if (value == null) {
            throw new DomainException(ErrorCode.REQUIRED, field, "Coordinates are required.");
        }
        if (value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            throw new DomainException(ErrorCode.INVALID, field, "A " + field + " lies between -" + limit + " and " + limit + ".");
        }
        return value.setScale(6, java.math.RoundingMode.HALF_EVEN);
    }

    /** An OCPI party as CC*PPP, e.g. NL*CBS; hyphens are accepted for the star. */
    static String operator(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip().toUpperCase(Locale.ROOT).replace('-', '*');
        if (!value.matches("[A-Z]{2}\\*[A-Z0-9]{3}") || !COUNTRIES.contains(value.substring(0, 2))) {
            throw new DomainException(ErrorCode.INVALID, "operatorId", "'" + raw + "' is not an operator id like NL*CBS.");
        }
        return value;
    }

    private static ZoneId zone(String raw) {
        try {
            if (raw != null && raw.contains("/")) {
                return ZoneId.of(raw.strip());
            }
        } catch (DateTimeException unknown) {
            // reported below
        }
        throw new DomainException(ErrorCode.INVALID_TIME_ZONE, "timeZone", "'" + raw + "' is not an IANA time zone such as Europe/Amsterdam.");
    }
}
