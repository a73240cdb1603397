package io.chargebase.domain.assets;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.assets.internal.ChargePointRows;
import io.chargebase.domain.identity.PasswordHashing;
import io.chargebase.domain.Page;

/** The charge points of the tenant acted for, with their EVSEs and connectors. */
@Service
@Transactional
public class ChargePoints {

    /** Characters OCPP-J allows in the identity that ends a charger's URL. */
    private static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9._:*+-]{1,48}");
    private static final Pattern EVSE_ID = Pattern.compile("[A-Z]{2}\\*?[A-Z0-9]{3}\\*?E[A-Z0-9*]{1,30}");
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_EVSES = 20;
    static final int MAX_PAGE = 100;

    /** A registered charge point and the secret it authenticates with, shown this once. */
    public record Registered(ChargePoint chargePoint, String secret) {
    }

    /** A week: the longest an EVSE's reservation time may be. */
    public static final int MAX_RESERVATION_MINUTES = 10_080;

    private final ChargePointRows rows;
    private final Locations locations;
    private final PasswordHashing hashing;
    private final LocationGroups groups;
    private final ChargePointTemplates templates;
    /** Checked against when there is no real hash, so that unknown identities cost as much as known ones. */
    private volatile String decoyHash;

    private final TransactionTemplate lookup;
    private final VerifiedSecrets verified = new VerifiedSecrets();

    ChargePoints(ChargePointRows rows, Locations locations, PasswordHashing hashing, LocationGroups groups,
            ChargePointTemplates templates, PlatformTransactionManager transactionManager) {
        this.lookup = new TransactionTemplate(transactionManager);
        this.lookup.setReadOnly(true);
        this.templates = templates;
        this.rows = rows;
        this.locations = locations;
        this.hashing = hashing;
        this.groups = groups;
    }

    public Registered register(NewChargePoint request) {
        if (request.locationId() == null) {
            throw new DomainException(ErrorCode.REQUIRED, "locationId", "A charge point stands at a location.");
        }
        UUID location = locations.find(request.locationId())
                .orElseThrow(() -> DomainException.notFound("locationId", "location", request.locationId())).id();
        String identity = request.ocppIdentity() == null ? "" : request.ocppIdentity().strip();
        if (!IDENTITY.matcher(identity).matches()) {
            throw new DomainException(ErrorCode.INVALID, "ocppIdentity",
                    "An OCPP identity has 1 to 48 letters, digits and . _ : * + -, like DEMO-CP-1.");
        }
        List<NewChargePoint.NewEvse> evses = request.evses() == null ? List.of() : request.evses();
        if (evses.isEmpty() || evses.size() > MAX_EVSES) {
            throw new DomainException(ErrorCode.INVALID, "evses", "A charge point has 1 to " + MAX_EVSES + " EVSEs.");
        }
        Set<String> evseIds = new HashSet<>();
        for (int i = 0; i < evses.size(); i++) {
            validate(evses.get(i), "evses." + i, evseIds);
        }
        String secret = newSecret();
        UUID id = UUID.randomUUID();
        ChargePoint chargePoint;
        try {
            chargePoint = rows.insert(id, location, identity, Text.optional("vendor", request.vendor(), 50),
                    Text.optional("model", request.model(), 50), Text.optional("serialNumber", request.serialNumber(), 50),
                    request.status() == null ? AssetTypes.ChargePointStatus.ACTIVE : request.status(), GeneratedSecrets.hash(secret));
            for (int i = 0; i < evses.size(); i++) {
                NewChargePoint.NewEvse evse = evses.get(i);
                UUID evseId = UUID.randomUUID();
                rows.insertEvse(evseId, id, normalisedEvseId(evse.evseId()), i + 1, evse.currentType(), evse.maxPowerKw());
                for (int c = 0; c < evse.connectors().size(); c++) {
                    NewChargePoint.NewConnector connector = evse.connectors().get(c);
                    rows.insertConnector(UUID.randomUUID(), evseId, connector.standard(), connector.format(), connector.powerType(),
                            connector.maxVoltage(), connector.maxAmperage(), c + 1);
                }
            }
        } catch (DuplicateKeyException duplicate) {
            if (String.valueOf(duplicate.getMessage()).contains("evse_id_key")) {
                throw new DomainException(ErrorCode.DUPLICATE, "evses", "Another EVSE already has one of these EVSE IDs.");
            }
            throw new DomainException(ErrorCode.DUPLICATE, "ocppIdentity", "Another charge point already has this OCPP identity.");
        }
        groups.place(chargePoint.id());
        return new Registered(chargePoint, secret);
    }

    public ChargePoint setStatus(UUID id, AssetTypes.ChargePointStatus status) {
        if (status == null) {
            throw new DomainException(ErrorCode.REQUIRED, "status", "A status is required.");
        }
        existing(id);
        return rows.setStatus(id, status);
    }

    /** A named zone at a location (a parking deck, a row of bays) that charge points can be placed in. */
    public ChargingZone createZone(UUID locationId, String name) {
        UUID location = locations.find(locationId).orElseThrow(() -> DomainException.notFound("locationId", "location", locationId)).id();
        try {
            return rows.findZone(rows.insertZone(UUID.randomUUID(), location, Text.required("name", name, 100))).orElseThrow();
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "name", "The location already has a zone with this name.");
        }
    }

    /** Places a charge point in a zone of its own location, or (zone null) in none. */
    public ChargePoint placeInZone(UUID chargePointId, UUID zoneId) {
        ChargePoint chargePoint = rows.find(chargePointId).orElseThrow(() -> DomainException.notFound("chargePointId", "charge point", chargePointId));
        if (zoneId != null) {
            UUID zoneLocation = rows.zoneLocation(zoneId).orElseThrow(() -> DomainException.notFound("zoneId", "charging zone", zoneId));
            if (!zoneLocation.equals(chargePoint.locationId())) {
                throw new DomainException(ErrorCode.INVALID, "zoneId", "The zone lies at another location than the charge point.");
            }
        }
        return rows.setZone(chargePointId, zoneId);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<ChargingZone>> zonesAt(Collection<UUID> locationIds) {
        return rows.zonesAt(locationIds);
    }

    @Transactional(readOnly = true)
    public List<ChargingZone> findZones(Collection<UUID> ids) {
        return rows.findZones(ids);
    }

    @Transactional(readOnly = true)
    public Optional<ChargingZone> findZone(UUID id) {
        return rows.findZone(id);
    }

    /** Changes vendor, model and serial number; a null field stays as it is, an empty one clears it. */
    public ChargePoint updateDetails(UUID id, String vendor, String model, String serialNumber) {
        ChargePoint current = rows.find(id).orElseThrow(() -> DomainException.notFound("chargePointId", "charge point", id));
        return rows.setDetails(id,
                vendor == null ? current.vendor() : Text.optional("vendor", vendor, 50),
                model == null ? current.model() : Text.optional("model", model, 50),
                serialNumber == null ? current.serialNumber() : Text.optional("serialNumber", serialNumber, 50));
    }

    /** Removes a charge point with its EVSEs and connectors, and recomputes location groups. */
    public UUID delete(UUID id) {
        existing(id);
        rows.delete(id);
        groups.recompute();
        return id;
    }

    /**
     * The EVSE's reservation time (manual: EVSEs, Reservation Time): how long a reservation made without an expiry holds
     * it; 0 disables reservations there; null leaves the expiry to whoever reserves. At most a week.
     */
    public Evse setReservationMinutes(UUID evseId, Integer minutes) {
        if (minutes != null && (minutes < 0 || minutes > MAX_RESERVATION_MINUTES)) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, "reservationMinutes", "A reservation time lies between 0 (no reservations) and "
                    + MAX_RESERVATION_MINUTES + " minutes.");
        }
        Evse evse = rows.findEvse(evseId).orElseThrow(() -> DomainException.notFound("evseId", "EVSE", evseId));
        rows.setReservationMinutes(evseId, minutes);
        return evse;
    }

    @Transactional(readOnly = true)
    public Map<UUID, Integer> reservationMinutes(Collection<UUID> evseIds) {
        return rows.reservationMinutes(evseIds);
    }

    /**
     * Sets what drivers see of an EVSE; chargers report most changes themselves over OCPP. A status that takes the
     * EVSE out of use ({@link AssetTypes.EvseStatus#takesOutOfUse}) holds against the charger's reports and refuses
     * starts on its connectors until the operator sets another.
     */
    public Evse setEvseStatus(UUID evseId, AssetTypes.EvseStatus status) {
        if (status == null) {
            throw new DomainException(ErrorCode.REQUIRED, "status", "A status is required.");
        }
        rows.findEvse(evseId).orElseThrow(() -> DomainException.notFound("evseId", "EVSE", evseId));
        rows.setEvseStatus(evseId, status, status.takesOutOfUse());
        return rows.findEvse(evseId).orElseThrow();
    }

    /** An EVSE's status as its charger reports it; ignored while the operator holds the EVSE out of use. */
    public void reportEvseStatus(UUID evseId, AssetTypes.EvseStatus status) {
        rows.reportEvseStatus(evseId, status);
    }

    /**
     * Why no session may start at the charge point (and, when {@code connectorId} is given, on that connector's EVSE)
     * by what the operator set, in a few words such as "charge point out of order" or "EVSE 2 disabled"; empty when
     * one may. The charge point must be ACTIVE or DEMO, and the EVSE not held out of use.
     */
    @Transactional(readOnly = true)
    public Optional<String> startRefusal(UUID chargePointId, Integer connectorId) {
        Optional<ChargePointRows.StartConditions> found = rows.startConditions(chargePointId, connectorId);
        if (found.isEmpty()) {
            return Optional.of("unknown charge point");
        }
        ChargePointRows.StartConditions conditions = found.get();
        if (!conditions.chargePoint().charges()) {
            return Optional.of("charge point " + words(conditions.chargePoint().name()));
        }
        if (conditions.evse() != null && conditions.evseHeld() && conditions.evse().takesOutOfUse()) {
            return Optional.of("EVSE " + conditions.ocppNumber() + " " + words(conditions.evse().name()));
        }
        return Optional.empty();
    }

    private static String words(String status) {
        return switch (status) {
            case "OUT_OF_ORDER", "OUTOFORDER" -> "out of order";
            case "INOPERATIVE" -> "disabled";
            default -> status.toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Gives the charge point a new Basic-auth secret; the old one stops working. */
    public String renewSecret(UUID id) {
        existing(id);
        String secret = newSecret();
        rows.setSecretHash(id, GeneratedSecrets.hash(secret));
        return secret;
    }

    /**
     * Sets a secret the operator chose (many chargers are configured by hand); OCPP security profile 1 and 2 ask for
     * 16 to 40 characters.
     */
    public void setSecret(UUID id, String secret) {
        existing(id);
        if (secret == null || secret.length() < 8 || secret.length() > 40) {
            throw new DomainException(ErrorCode.INVALID, "secret", "A charger secret has 8 to 40 characters.");
        }
        rows.setSecretHash(id, hashing.hash(secret));
    }

    /**
     * The charge point of the tenant acted for whose OCPP identity is exactly {@code identity} (case-sensitive) and
     * whose secret is {@code secret}, whatever its status; empty for an unknown identity or a wrong or missing secret.
     * Secrets the platform generated are checked with a salted SHA-256 ({@link GeneratedSecrets}), and an unknown identity costs the same check against a decoy, so that timing does not tell them apart. A secret an operator chose
     * costs an adaptive hash the first time this instance checks it (then {@link VerifiedSecrets}); its timing may tell
     * that the identity exists, which is printed on the charger anyway, never anything about the secret.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<ChargePoint> authenticate(String identity, String secret) {
        if (identity == null || secret == null || !IDENTITY.matcher(identity).matches() || secret.length() > 200) {
            GeneratedSecrets.matches("-", decoyHash());
            return Optional.empty();
        }
        // hashes are checked outside any transaction: a boot storm must not hold the pool's connections
        Optional<ChargePointRows.Credentials> found = lookup.execute(status -> rows.findCredentials(identity));
        String hash = found.map(ChargePointRows.Credentials::secretHash).orElse(null);
        boolean matches;
        if (hash == null || GeneratedSecrets.isGeneratedHash(hash)) {
            matches = GeneratedSecrets.matches(secret, hash == null ? decoyHash() : hash);
        } else if (verified.confirms(found.get().chargePoint().id(), hash, secret)) {
            matches = true;
        } else {
            matches = hashing.matches(secret, hash);
            if (matches) {
                verified.remember(found.get().chargePoint().id(), hash, secret);
            }
        }
        // a DISABLED charge point still connects: staff monitor and command it, it only cannot charge
        return found.filter(credentials -> matches && hash != null).map(ChargePointRows.Credentials::chargePoint);
    }

    /** Whether any charge point of the tenant acted for, in whatever status, has exactly this OCPP identity. */
    @Transactional(readOnly = true)
    public boolean identityInUse(String identity) {
        return identity != null && rows.findCredentials(identity).isPresent();
    }

    /**
     * The charge point, if the caller may operate it: anyone acting for the whole tenant may; an OU admin only when
     * its location is owned by a unit of their subtree.
     */
    @Transactional(readOnly = true)
    public Optional<ChargePoint> findOperable(UUID id) {
        Optional<ChargePoint> found = rows.find(id);
        if (TenantContext.narrowing() instanceof TenantScope.Narrowing.Whole) {
            return found;
        }
        return found.filter(chargePoint -> rows.inVisibleUnit(chargePoint.id()));
    }

    /** Whether {@code identity} is one OCPP-J allows at the end of a charger's URL. */
    public static boolean isValidIdentity(String identity) {
        return identity != null && IDENTITY.matcher(identity).matches();
    }

    private String decoyHash() {
        String hash = decoyHash;
        if (hash == null) {
            hash = GeneratedSecrets.hash(newSecret());
            decoyHash = hash;
        }
        return hash;
    }

    @Transactional(readOnly = true)
    public Optional<ChargePoint> find(UUID id) {
        return rows.find(id);
    }

    @Transactional(readOnly = true)
    public Page<ChargePoint> search(String text, UUID locationId, UUID afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DomainException(ErrorCode.INVALID, "first", "A page holds 1 to " + MAX_PAGE + " charge points.");
        }
        return rows.search(Text.optional("text", text, 100), locationId, afterId, limit);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<ChargePoint>> atLocations(Collection<UUID> locationIds) {
        return rows.atLocations(locationIds);
    }

    /** The charge points with these ids, by id; ids of none are left out. One statement. */
    @Transactional(readOnly = true)
    public Map<UUID, ChargePoint> findAll(Collection<UUID> ids) {
        Map<UUID, ChargePoint> found = new java.util.LinkedHashMap<>();
        if (!ids.isEmpty()) {
            rows.findAll(ids).forEach(chargePoint -> found.put(chargePoint.id(), chargePoint));
        }
        return found;
    }

    /** The EVSEs with these ids, by id; ids of none are left out. One statement. */
    @Transactional(readOnly = true)
    public Map<UUID, Evse> findEvses(Collection<UUID> ids) {
        Map<UUID, Evse> found = new java.util.LinkedHashMap<>();
        if (!ids.isEmpty()) {
            rows.findEvses(ids).forEach(evse -> found.put(evse.id(), evse));
        }
        return found;
    }

    /** The operator status of each of these charge points that exists. */
    @Transactional(readOnly = true)
    public Map<UUID, AssetTypes.ChargePointStatus> statuses(Collection<UUID> ids) {
        return rows.statuses(ids);
    }

    /**
     * What a driver sees of an EVSE's status: an EVSE of a charge point the operator set OUT_OF_ORDER is out of order,
     * whatever its charger reports (manual: shown in the EV driver's app with status "Out of order").
     */
    public static AssetTypes.EvseStatus driversSee(Evse evse, AssetTypes.ChargePointStatus chargePoint) {
        return chargePoint == AssetTypes.ChargePointStatus.OUT_OF_ORDER ? AssetTypes.EvseStatus.OUTOFORDER : evse.status();
    }

    @Transactional(readOnly = true)
    public Optional<Evse> findEvse(UUID id) {
        return rows.findEvse(id);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Evse>> evsesOf(Collection<UUID> chargePointIds) {
        return rows.evsesOf(chargePointIds);
    }

    @Transactional(readOnly = true)
    public Optional<Connector> findConnector(UUID id) {
        return rows.findConnector(id);
    }

    @Transactional(readOnly = true)
    public Map<UUID, List<Connector>> connectorsOf(Collection<UUID> evseIds) {
        return rows.connectorsOf(evseIds);
    }

    private void existing(UUID id) {
        if (id == null || rows.find(id).isEmpty()) {
            throw DomainException.notFound("chargePointId", "charge point", id);
        }
    }

    /** Registers one more charger of a template's model: its EVSEs and connectors come from the template. */
    public Registered registerFromTemplate(UUID templateId, UUID locationId, String ocppIdentity, String serialNumber,
            AssetTypes.ChargePointStatus status) {
        ChargePointTemplate template = templates.find(templateId)
                .orElseThrow(() -> DomainException.notFound("templateId", "charge-point template", templateId));
        return register(new NewChargePoint(locationId, ocppIdentity, template.vendor(), template.model(), serialNumber, status,
                template.evses()));
    }

    static void validate(NewChargePoint.NewEvse evse, String field, Set<String> seen) {
        if (evse.currentType() == null) {
            throw new DomainException(ErrorCode.REQUIRED, field + ".currentType", "Say whether the EVSE delivers AC or DC.");
        }
        if (evse.maxPowerKw() == null || evse.maxPowerKw().signum() <= 0 || evse.maxPowerKw().compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new DomainException(ErrorCode.INVALID, field + ".maxPowerKw", "The maximum power lies above 0 and at most 1000 kW.");
        }
        String evseId = normalisedEvseId(evse.evseId());
        if (evseId != null && (!EVSE_ID.matcher(evseId).matches() || !seen.add(evseId))) {
            throw new DomainException(ErrorCode.INVALID, field + ".evseId",
                    "'" + evse.evseId() + "' is not an EVSE ID like NL*CBS*E12345*1, or it is given twice.");
        }
        if (evse.connectors() == null || evse.connectors().isEmpty() || evse.connectors().size() > 9) {
            throw new DomainException(ErrorCode.INVALID, field + ".connectors", "An EVSE has 1 to 9 connectors.");
        }
        for (int c = 0; c < evse.connectors().size(); c++) {
            NewChargePoint.NewConnector connector = evse.connectors().get(c);
            String at = field + ".connectors." + c;
            if (connector.standard() == null || connector.format() == null || connector.powerType() == null) {
                throw new DomainException(ErrorCode.REQUIRED, at, "A connector has a standard, a format and a power type.");
            }
            if ((connector.powerType() == AssetTypes.PowerType.DC) != (evse.currentType() == AssetTypes.CurrentType.DC)) {
                throw new DomainException(ErrorCode.INVALID, at + ".powerType", "A connector's power type must match its EVSE's current.");
            }
            if (connector.maxVoltage() == null || connector.maxVoltage() < 1 || connector.maxVoltage() > 2000
                    || connector.maxAmperage() == null || connector.maxAmperage() < 1 || connector.maxAmperage() > 2000) {
                throw new DomainException(ErrorCode.INVALID, at, "Maximum voltage and amperage lie between 1 and 2000.");
            }
        }
    }

    private static String normalisedEvseId(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static String newSecret() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
