package io.chargebase.api.graphql.billing;

import java.util.List;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.billing.BillingSettings;
import io.chargebase.domain.billing.ConnectedAccount;
import io.chargebase.domain.billing.ConnectedAccounts;
import io.chargebase.domain.billing.PaymentMethods;
import io.chargebase.domain.billing.SavedPaymentMethod;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Saved cards for the signed-in driver (always their own profile, never one named in the request: a card id of
 * another driver is not found), and the tenant's connected-account onboarding and billing settings for its admins.
 * Stripe refusing or failing is a user error that says so; nothing is changed on our side in either case.
 */
@Controller
class PaymentMethodsController {

    record PaymentMethodInput(String paymentMethodId) {
    }

    record AddPaymentMethodPayload(String clientSecret, List<UserError> userErrors) {
    }

    record PaymentMethodsPayload(List<SavedPaymentMethod> paymentMethods, List<UserError> userErrors) {
    }

    record StartConnectedAccountOnboardingInput(String country, String email, String refreshUrl, String returnUrl) {
    }

    record StartConnectedAccountOnboardingPayload(String url, ConnectedAccount connectedAccount, List<UserError> userErrors) {
    }

    record UpdateBillingSettingsInput(Integer maxPaymentMethods) {
    }

    record UpdateBillingSettingsPayload(BillingSettings billingSettings, List<UserError> userErrors) {
    }

    private final PaymentMethods methods;
    private final ConnectedAccounts accounts;

    PaymentMethodsController(PaymentMethods methods, ConnectedAccounts accounts) {
        this.methods = methods;
        this.accounts = accounts;
    }

    @org.springframework.graphql.data.method.annotation.SchemaMapping(typeName = "PaymentMethod", field = "paymentMethodId")
    String paymentMethodId(SavedPaymentMethod card) {
        return card.id();
    }

    @QueryMapping
    List<SavedPaymentMethod> myPaymentMethods() {
        if (!(TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId)) || accounts.current().isEmpty()) {
            return List.of();
        }
        return methods.list(profileId);
    }

    @MutationMapping
    AddPaymentMethodPayload addPaymentMethod() {
        return ProviderCalls.attempt(() -> new AddPaymentMethodPayload(methods.startSetup(ProviderCalls.ownProfile()), List.of()),
                errors -> new AddPaymentMethodPayload(null, errors));
    }

    @MutationMapping
    PaymentMethodsPayload removePaymentMethod(@Argument PaymentMethodInput input) {
        return ProviderCalls.attempt(() -> {
            UUID profileId = ProviderCalls.ownProfile();
            methods.remove(profileId, input.paymentMethodId());
            return new PaymentMethodsPayload(methods.list(profileId), List.of());
        }, errors -> new PaymentMethodsPayload(null, errors));
    }

    @MutationMapping
    PaymentMethodsPayload setDefaultPaymentMethod(@Argument PaymentMethodInput input) {
        return ProviderCalls.attempt(() -> {
            UUID profileId = ProviderCalls.ownProfile();
            methods.makeDefault(profileId, input.paymentMethodId());
            return new PaymentMethodsPayload(methods.list(profileId), List.of());
        }, errors -> new PaymentMethodsPayload(null, errors));
    }

    @MutationMapping
    StartConnectedAccountOnboardingPayload startConnectedAccountOnboarding(@Argument StartConnectedAccountOnboardingInput input) {
        return ProviderCalls.attempt(() -> {
            String url = methods.onboard(input.country(), input.email(), input.refreshUrl(), input.returnUrl());
            return new StartConnectedAccountOnboardingPayload(url, accounts.current().orElseThrow(), List.of());
        }, errors -> new StartConnectedAccountOnboardingPayload(null, null, errors));
    }

    @QueryMapping
    BillingSettings billingSettings() {
        return methods.settings();
    }

    @MutationMapping
    UpdateBillingSettingsPayload updateBillingSettings(@Argument UpdateBillingSettingsInput input) {
        return ProviderCalls.attempt(() -> new UpdateBillingSettingsPayload(methods.updateSettings(new BillingSettings(input.maxPaymentMethods())), List.of()),
                errors -> new UpdateBillingSettingsPayload(null, errors));
    }
}
