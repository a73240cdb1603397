package io.chargebase.api.ocpp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriUtils;

import io.chargebase.api.observability.TenantLogFields;
import io.chargebase.api.throttle.AddressKey;
import io.chargebase.api.throttle.LocalThrottle;
import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.domain.charging.PendingChargePoint;
import io.chargebase.domain.charging.PendingChargePoints;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantRef;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/**
 * Lets a charger's WebSocket upgrade through only when it offers {@code ocpp1.6} and authenticates with HTTP Basic
 * (OCPP security profiles 1 and 2): user name the charge point identity from the path, password its secret. The
 * tenant comes from the path alone and the charge point is looked up acting for it, so a charger can authenticate
 * only under its own tenant's path. Unknown tenant, unknown identity, wrong password and a disabled charge point all
 * get the same 401, after a hash check each (see {@link ChargePoints#authenticate}).
 *
 * <p>When the tenant takes unknown chargers as pending, an identity that none of its charge points has is let in
 * without a secret (whatever credentials it offers) as a {@link PendingCharger}; see {@link PendingChargePoints}. An
 * identity a charge point has still needs that charge point's secret, so no one can pass for a registered charger.
 */
@Component
class OcppHandshake implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(OcppHandshake.class);
    static final String CHARGER = ChargerRef.class.getName();
    /** The slug of the charger's tenant, for its log lines. */
    static final String TENANT_SLUG = OcppHandshake.class.getName() + ".tenantSlug";
    private static final String REALM = "Basic realm=\"OCPP\", charset=\"UTF-8\"";

    static final Duration TENANT_TTL = Duration.ofSeconds(5);
    /** The window in which {@code chargebase.ocpp.failed-authentications-per-address} failures refuse an address (429). */
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(5);

    private final Tenants tenants;
    private final Map<String, KnownTenant> knownTenants = new ConcurrentHashMap<>();
    private final ChargePoints chargePoints;
    private final PendingChargePoints pendingChargePoints;
    private final LocalThrottle failures;
    private final OcppShutdown shutdown;

    OcppHandshake(Tenants tenants, ChargePoints chargePoints, PendingChargePoints pendingChargePoints, Clock clock, OcppShutdown shutdown,
            @Value("${chargebase.ocpp.failed-authentications-per-address:60}") int failuresPerAddress) {
        // generous: a fleet behind one carrier-grade NAT shares an address, and one misconfigured charger retries often
        this.failures = new LocalThrottle(failuresPerAddress, FAILURE_WINDOW, 100_000, clock);
        this.tenants = tenants;
        this.shutdown = shutdown;
        this.chargePoints = chargePoints;
        this.pendingChargePoints = pendingChargePoints;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        if (shutdown.draining()) {
            // the charger tries again, and the load balancer sends it to an instance that is not stopping
            response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            return false;
        }
        if (!offersOcpp16(request.getHeaders())) {
            // OCPP-J 1.6 §3.1.2: without a subprotocol both sides agree on there is no OCPP connection
            log.info("Refused an OCPP upgrade from {} without subprotocol {}", request.getRemoteAddress(), OcppSocketHandler.PROTOCOL);
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            return false;
        }
        String address = AddressKey.of(request.getRemoteAddress() == null ? null : request.getRemoteAddress().getHostString());
        Duration wait = failures.retryAfter(address);
        if (wait.isPositive()) {
            log.info("Refused an OCPP upgrade from {}: too many failed authentications", address);
            response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
            return false;
        }
        Optional<Path> path = Path.parse(request.getURI().getRawPath());
        Optional<String> password = path.flatMap(p -> basicPassword(request.getHeaders(), p.identity()));
        Optional<TenantRef> tenant = path.flatMap(p -> tenant(p.tenantSlug())).filter(TenantRef::isActive);
        try (TenantLogFields logged = tenant.map(t -> TenantLogFields.of(t.id(), t.slug())).orElseGet(TenantLogFields::none)) {
            tenant.ifPresent(t -> attributes.put(TENANT_SLUG, t.slug()));
            return authenticate(request, response, attributes, path, password, tenant, address);
        }
    }

    private boolean authenticate(ServerHttpRequest request, ServerHttpResponse response, Map<String, Object> attributes,
            Optional<Path> path, Optional<String> password, Optional<TenantRef> tenant, String address) {
        TenantScope scope = tenant.<TenantScope>map(t -> TenantScope.of(t.id())).orElse(TenantScope.NOBODY);
        // Acting for nobody, the lookup finds nothing but still checks a hash: an unknown tenant costs what a known one does.
        Optional<ChargePoint> chargePoint = TenantContext.callAs(scope, () -> chargePoints.authenticate(
                path.map(Path::identity).orElse(null), password.orElse(null)));
        if (tenant.isPresent() && chargePoint.isEmpty()) {
            Optional<PendingChargePoint> pending = TenantContext.callAs(scope,
                    () -> pendingChargePoints.admit(path.get().identity(), String.valueOf(request.getRemoteAddress())));
            if (pending.isPresent()) {
                log.info("Let OCPP connection to {} from {} in as pending", request.getURI().getRawPath(), request.getRemoteAddress());
                attributes.put(PendingCharger.ATTRIBUTE, new PendingCharger(tenant.get().id(), pending.get().id(), pending.get().ocppIdentity()));
                return true;
            }
        }
        if (tenant.isEmpty() || chargePoint.isEmpty()) {
            log.info("Refused OCPP connection to {} from {}", request.getURI().getRawPath(), request.getRemoteAddress());
            failures.record(address);
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, REALM);
            return false;
        }
        attributes.put(CHARGER, new ChargerRef(tenant.get().id(), chargePoint.get().id(), chargePoint.get().ocppIdentity()));
        return true;
    }

    /**
     * The tenant of a slug, remembered for {@link #TENANT_TTL}: after a restart every charger reconnects at once, and
     * each would otherwise look its tenant up. A suspension stops new connections within that time (at once, when
     * its announcement arrives). Only active tenants are remembered: a reactivated tenant's chargers get back in at
     * once, and unknown slugs are the failed-authentication throttle's to slow down.
     */
    private Optional<TenantRef> tenant(String slug) {
        Instant now = Instant.now();
        KnownTenant known = knownTenants.get(slug);
        if (known != null && !known.until().isBefore(now)) {
            return Optional.of(known.tenant());
        }
        Optional<TenantRef> found = tenants.findBySlug(slug);
        if (found.filter(TenantRef::isActive).isPresent()) {
            if (knownTenants.size() > 10_000) {
                knownTenants.clear();
            }
            knownTenants.put(slug, new KnownTenant(found.get(), now.plus(TENANT_TTL)));
        } else {
            knownTenants.remove(slug);
        }
        return found;
    }

    /** A tenant was suspended or reactivated: its chargers, closed for it, must not get back in on what was remembered. */
    void forgetTenants() {
        knownTenants.clear();
    }

    private record KnownTenant(TenantRef tenant, Instant until) {
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler, Exception exception) {
    }

    private static boolean offersOcpp16(HttpHeaders headers) {
        List<String> offered = headers.get("Sec-WebSocket-Protocol");
        return offered != null && offered.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .anyMatch(protocol -> protocol.strip().equals(OcppSocketHandler.PROTOCOL));
    }

    /** The password, when the Basic credentials name exactly this identity (which may itself contain colons). */
    private static Optional<String> basicPassword(HttpHeaders headers, String identity) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            String prefix = identity + ":";
            return credentials.startsWith(prefix) ? Optional.of(credentials.substring(prefix.length())) : Optional.empty();
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** {@code /ocpp/{tenantSlug}/{chargePointIdentity}}, the identity percent-decoded and kept case-sensitive. */
    record Path(String tenantSlug, String identity) {

        static Optional<Path> parse(String rawPath) {
            String[] segments = rawPath == null ? new String[0] : rawPath.split("/", -1);
            if (segments.length != 4 || !segments[0].isEmpty() || !segments[1].equals("ocpp") || segments[2].isEmpty() || segments[3].isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Path(UriUtils.decode(segments[2], StandardCharsets.UTF_8),
                        UriUtils.decode(segments[3], StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException badEscape) {
                return Optional.empty();
            }
        }
    }
}
