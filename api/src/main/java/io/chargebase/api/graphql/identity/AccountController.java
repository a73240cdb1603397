package io.chargebase.api.graphql.identity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.EndpointTenant;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.throttle.AddressKey;
import io.chargebase.api.throttle.SharedThrottle;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.identity.Accounts;
import io.chargebase.tenancy.Branding;
import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantRef;
import io.chargebase.tenancy.TenantScope;
import io.chargebase.tenancy.Tenants;

/**
 * The public surface: a tenant's branding, driver sign-up, e-mail verification and password reset. Each account
 * operation acts for the tenant of the endpoint it was sent to ({@code /t/{slug}/graphql}), never for one named
 * in its input.
 */
@Controller
class AccountController {

    static final int SIGN_UPS_PER_HOUR = 5;
    static final int RESETS_PER_HOUR = 5;
    static final int CODE_ATTEMPTS_PER_15_MINUTES = 20;

    private final Accounts accounts;
    private final Tenants tenants;
    private final SharedThrottle limiter;

    AccountController(Accounts accounts, Tenants tenants, SharedThrottle limiter) {
        this.accounts = accounts;
        this.tenants = tenants;
        this.limiter = limiter;
    }

    record BrandingView(String slug, String displayName, String logoUrl, String primaryColor, String accentColor,
            String supportEmail, String supportPhone, String termsUrl, String privacyUrl, String termsVersion) {

        static BrandingView of(Tenant tenant) {
            Branding b = tenant.branding();
            return new BrandingView(tenant.slug(), b.displayName() == null ? tenant.name() : b.displayName(), b.logoUrl(),
                    b.primaryColor(), b.accentColor(), b.supportEmail(), b.supportPhone(), b.termsUrl(), b.privacyUrl(), b.termsVersion());
        }
    }

    record UpdateBrandingInput(String displayName, String logoUrl, String primaryColor, String accentColor, String supportEmail,
            String supportPhone, String termsUrl, String privacyUrl, String termsVersion) {
    }

    record UpdateBrandingPayload(Tenant tenant, List<UserError> userErrors) {
    }

    record SignUpDriverInput(String email, String name, String password, String phone, String acceptedTermsVersion) {
    }

    record SignUpDriverPayload(boolean verificationPending, List<UserError> userErrors) {
    }

    record VerifyEmailInput(String token) {
    }

    record VerifyEmailPayload(boolean verified, List<UserError> userErrors) {
    }

    record RequestPasswordResetInput(String email) {
    }

    record RequestPasswordResetPayload(boolean accepted, List<UserError> userErrors) {
    }

    record ResetPasswordInput(String token, String newPassword) {
    }

    record ResetPasswordPayload(boolean done, List<UserError> userErrors) {
    }

    @SchemaMapping(typeName = Types.TENANT, field = "branding")
    @PlainField
    BrandingView branding(Tenant tenant) {
        return BrandingView.of(tenant);
    }

    @QueryMapping
    BrandingView branding(@Argument String host) {
        String name = host == null ? null : host.strip().toLowerCase(java.util.Locale.ROOT);
        String slug = tenants.findByHost(name).map(TenantRef::slug).orElse(name);
        return tenants.publicProfile(slug).map(BrandingView::of).orElse(null);
    }

    @MutationMapping
    UpdateBrandingPayload updateBranding(@Argument UpdateBrandingInput input) {
        return UserError.attempt(() -> new UpdateBrandingPayload(tenants.updateBranding(new Branding(input.displayName(),
                        input.logoUrl(), input.primaryColor(), input.accentColor(), input.supportEmail(), input.supportPhone(),
                        input.termsUrl(), input.privacyUrl(), input.termsVersion())), List.of()),
                errors -> new UpdateBrandingPayload(null, errors));
    }

    @MutationMapping
    SignUpDriverPayload signUpDriver(@Argument SignUpDriverInput input,
            @ContextValue(name = EndpointTenant.KEY, required = false) TenantRef endpoint,
            @ContextValue(name = EndpointTenant.CLIENT_ADDRESS) String address) {
        return UserError.attempt(() -> {
            TenantRef tenant = required(endpoint, new Limit("sign-up:" + AddressKey.of(address), SIGN_UPS_PER_HOUR, Duration.ofHours(1)));
            Optional<Tenant> profile = tenants.publicProfile(tenant.slug());
            String name = profile.map(found -> BrandingView.of(found).displayName()).orElse(tenant.slug());
            String terms = profile.map(found -> found.branding().termsVersion()).orElse(null);
            actFor(tenant, () -> accounts.signUpDriver(input.email(), input.name(), input.password(), input.phone(), name,
                    input.acceptedTermsVersion(), terms));
            return new SignUpDriverPayload(true, List.of());
        }, errors -> new SignUpDriverPayload(false, errors));
    }

    @MutationMapping
    VerifyEmailPayload verifyEmail(@Argument VerifyEmailInput input,
            @ContextValue(name = EndpointTenant.KEY, required = false) TenantRef endpoint,
            @ContextValue(name = EndpointTenant.CLIENT_ADDRESS) String address) {
        return UserError.attempt(() -> {
            actFor(required(endpoint, codeLimit(address)), () -> accounts.verifyEmail(input.token()));
            return new VerifyEmailPayload(true, List.of());
        }, errors -> new VerifyEmailPayload(false, errors));
    }

    @MutationMapping
    RequestPasswordResetPayload requestPasswordReset(@Argument RequestPasswordResetInput input,
            @ContextValue(name = EndpointTenant.KEY, required = false) TenantRef endpoint,
            @ContextValue(name = EndpointTenant.CLIENT_ADDRESS) String address) {
        return UserError.attempt(() -> {
            String email = input.email() == null ? "" : input.email().strip().toLowerCase(java.util.Locale.ROOT);
            TenantRef tenant = required(endpoint, new Limit("reset:" + email, RESETS_PER_HOUR, Duration.ofHours(1)),
                    new Limit("reset-from:" + AddressKey.of(address), RESETS_PER_HOUR * 4, Duration.ofHours(1)));
            String name = tenantName(tenant);
            actFor(tenant, () -> accounts.requestPasswordReset(input.email(), name));
            return new RequestPasswordResetPayload(true, List.of());
        }, errors -> new RequestPasswordResetPayload(false, errors));
    }

    @MutationMapping
    ResetPasswordPayload resetPassword(@Argument ResetPasswordInput input,
            @ContextValue(name = EndpointTenant.KEY, required = false) TenantRef endpoint,
            @ContextValue(name = EndpointTenant.CLIENT_ADDRESS) String address) {
        return UserError.attempt(() -> {
            actFor(required(endpoint, codeLimit(address)), () -> accounts.resetPassword(input.token(), input.newPassword()));
            return new ResetPasswordPayload(true, List.of());
        }, errors -> new ResetPasswordPayload(false, errors));
    }

    /** A budget of attempts, counted per tenant under {@code key} on every replica together. */
    private record Limit(String key, int attempts, Duration window) {
    }

    private static Limit codeLimit(String address) {
        return new Limit("code:" + AddressKey.of(address), CODE_ATTEMPTS_PER_15_MINUTES, Duration.ofMinutes(15));
    }

    /** The endpoint's tenant, once the call fits within every limit; the operation acts for no other. */
    private TenantRef required(TenantRef endpoint, Limit... limits) {
        if (endpoint == null) {
            throw new DomainException(ErrorCode.TENANT_REQUIRED, null,
                    "Send account operations to your tenant's endpoint, {base}/t/{slug}/graphql.");
        }
        for (Limit limit : limits) {
            if (!TenantContext.callAs(TenantScope.of(endpoint.id()), () -> limiter.tryAcquire(limit.key(), limit.attempts(), limit.window()))) {
                throw new DomainException(ErrorCode.RATE_LIMITED, null, "Too many attempts; try again later.");
            }
        }
        return endpoint;
    }

    private static void actFor(TenantRef tenant, Runnable work) {
        TenantContext.runAs(TenantScope.of(tenant.id()), work);
    }

    private String tenantName(TenantRef tenant) {
        Optional<Tenant> profile = tenants.publicProfile(tenant.slug());
        return profile.map(found -> BrandingView.of(found).displayName()).orElse(tenant.slug());
    }
}
