package io.chargebase.api.graphql.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Page;
import io.chargebase.domain.charging.CdrQuery;
import io.chargebase.domain.charging.Cdrs;
import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.ChargingSessions;
import io.chargebase.domain.charging.MspCdr;
import io.chargebase.domain.charging.SessionQuery;
import io.chargebase.domain.identity.AccountErasure;
import io.chargebase.domain.identity.LoginResult;
import io.chargebase.domain.identity.User;
import io.chargebase.domain.identity.Users;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.Tokens;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;
import tools.jackson.databind.json.JsonMapper;

/**
 * A driver's own data: the export of everything the tenant holds about them, and deleting the account. Both act for
 * the signed-in driver only, named by their token, never by an argument.
 */
@Controller
class DriverDataController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Records are read in pages of this size until none is left: an export holds them all. */
    private static final int CHUNK = 500;

    private final Users users;
    private final Profiles profiles;
    private final Tokens tokens;
    private final ChargingSessions sessions;
    private final Cdrs cdrs;
    private final AccountErasure erasure;
    private final Clock clock;

    DriverDataController(Users users, Profiles profiles, Tokens tokens, ChargingSessions sessions, Cdrs cdrs, AccountErasure erasure,
            Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.tokens = tokens;
        this.sessions = sessions;
        this.cdrs = cdrs;
        this.erasure = erasure;
        this.clock = clock;
    }

    record DataExport(String fileName, String contentType, String content, Instant createdAt) {
    }

    record DeleteMyAccountInput(String password) {
    }

    record DeleteMyAccountPayload(boolean deleted, List<UserError> userErrors) {
    }

    @QueryMapping
    DataExport myDataExport() {
        Driver driver = signedInDriver();
        Instant now = clock.instant();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exportedAt", now);
        document.put("account", users.find(driver.userId()).map(DriverDataController::account).orElse(null));
        document.put("profile", profiles.find(driver.profileId()).map(DriverDataController::profile).orElse(null));
        document.put("tokens", tokens.ownedBy(driver.profileId()).stream().map(DriverDataController::token).toList());
        document.put("sessions", all((after, size) -> sessions.sessions(new SessionQuery(null, null, driver.profileId(), null, null),
                after, size, false), ChargingSession::id).stream().map(DriverDataController::session).toList());
        document.put("cdrs", all((after, size) -> cdrs.mspCdrs(new CdrQuery(null, null, null, driver.profileId(), null, true), after,
                size, false), MspCdr::id).stream().map(DriverDataController::cdr).toList());
        return new DataExport("chargebase-data-" + now.atOffset(ZoneOffset.UTC).toLocalDate() + ".json", "application/json",
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document), now);
    }

    @MutationMapping
    DeleteMyAccountPayload deleteMyAccount(@Argument DeleteMyAccountInput input) {
        return UserError.attempt(() -> {
            Driver driver = signedInDriver();
            User user = users.find(driver.userId()).filter(found -> driver.profileId().equals(found.profileId()))
                    .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, null, "This sign-in has no account."));
            if (!(users.authenticate(user.email(), input.password()) instanceof LoginResult.Success)) {
                throw new DomainException(ErrorCode.INVALID, "password", "The password is not right; the account stays.");
            }
            // the driver's tokens leave the driver's own scope, which a driver's narrowed transaction cannot write
            TenantContext.runAs(TenantScope.of(TenantContext.requireTenant()), () -> erasure.eraseDriver(user.id()));
            return new DeleteMyAccountPayload(true, List.of());
        }, errors -> new DeleteMyAccountPayload(false, errors));
    }

    private record Driver(UUID userId, UUID profileId) {
    }

    private static Driver signedInDriver() {
        if (!(TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId))
                || !(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)
                || token.getToken().getClaimAsString("email") == null) {
            throw new DomainException(ErrorCode.INVALID, null, "Only a signed-in driver has data of their own here.");
        }
        return new Driver(UUID.fromString(token.getToken().getSubject()), profileId);
    }

    private static <T> List<T> all(BiFunction<UUID, Integer, Page<T>> page, java.util.function.Function<T, UUID> id) {
        List<T> found = new ArrayList<>();
        UUID after = null;
        while (true) {
            Page<T> next = page.apply(after, CHUNK);
            found.addAll(next.items());
            if (!next.hasMore() || next.items().isEmpty()) {
                return found;
            }
            after = id.apply(next.items().getLast());
        }
    }

    private static Map<String, Object> account(User user) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("email", user.email());
        account.put("name", user.name());
        account.put("emailVerifiedAt", user.emailVerifiedAt());
        account.put("createdAt", user.createdAt());
        account.put("termsVersion", user.termsVersion());
        account.put("termsAcceptedAt", user.termsAcceptedAt());
        return account;
    }

    private static Map<String, Object> profile(Profile profile) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", profile.name());
        out.put("email", profile.email() == null ? null : profile.email().value());
        out.put("phone", profile.phone() == null ? null : profile.phone().toString());
        out.put("status", profile.status().name());
        out.put("externalReference", profile.externalReference());
        out.put("createdAt", profile.createdAt());
        return out;
    }

    private static Map<String, Object> token(Token token) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uid", token.uid().toString());
        out.put("emaId", token.emaId() == null ? null : token.emaId().toString());
        out.put("type", token.type().name());
        out.put("blocked", token.blocked());
        out.put("expiresAt", token.expiresAt());
        out.put("visualNumber", token.visualNumber());
        out.put("createdAt", token.createdAt());
        return out;
    }

    private static Map<String, Object> session(ChargingSession session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", session.id());
        out.put("status", session.status().name());
        out.put("idTag", session.idTag());
        out.put("startedAt", session.startedAt());
        out.put("stoppedAt", session.stoppedAt());
        out.put("energyWh", session.energyWh());
        out.put("stopReason", session.stopReason());
        return out;
    }

    private static Map<String, Object> cdr(MspCdr cdr) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cdrNumber", cdr.cdrNumber());
        out.put("version", cdr.version());
        out.put("start", cdr.start());
        out.put("end", cdr.end());
        out.put("totalEnergyKwh", cdr.totalEnergyKwh());
        out.put("currency", cdr.currency().getCurrencyCode());
        out.put("totalCostExclVat", cdr.totalCostExclVat());
        out.put("totalCostInclVat", cdr.totalCostInclVat());
        out.put("supersededAt", cdr.supersededAt());
        return out;
    }
}
