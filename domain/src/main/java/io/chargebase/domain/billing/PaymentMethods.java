package io.chargebase.domain.billing;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.billing.internal.ConnectedAccountRows;
import io.chargebase.domain.billing.internal.PaymentCustomerRows;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.tenancy.TenantContext;

/**
 * Stripe Connect for the current tenant: its connected account and onboarding link, its drivers as customers on that
 * account, their cards saved through SetupIntents, listed, removed and one made the default, within the tenant's
 * maximum. Provider calls happen outside database transactions (a slow provider holds no connection); what they create
 * is keyed by our ids (the tenant, the profile), so a call repeated after a lost answer creates nothing twice. Whatever
 * is refused (no account yet, a card of another driver, the maximum reached) is refused before anything is sent.
 */
@Service
public class PaymentMethods {

    private final PaymentProvider provider;
    private final ConnectedAccountRows accounts;
    private final ConnectedAccounts connectedAccounts;
    private final PaymentCustomerRows customers;
    private final Profiles profiles;
    private final TransactionTemplate transactions;

    PaymentMethods(PaymentProvider provider, ConnectedAccountRows accounts, ConnectedAccounts connectedAccounts, PaymentCustomerRows customers,
            Profiles profiles, PlatformTransactionManager transactionManager) {
        this.provider = provider;
        this.accounts = accounts;
        this.connectedAccounts = connectedAccounts;
        this.customers = customers;
        this.profiles = profiles;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The tenant's connected account, created at the provider the first time. */
    public ConnectedAccount connect(String country, String email) {
        ConnectedAccount existing = inTransaction(accounts::current).orElse(null);
        if (existing != null) {
            return existing;
        }
        String countryCode = Text.required("country", country, 2);
        if (!countryCode.matches("[A-Z]{2}")) {
            throw new DomainException(ErrorCode.INVALID, "country", "A country is its ISO 3166-1 alpha-2 code, such as NL.");
        }
        UUID tenant = TenantContext.requireTenant().value();
        String accountId = provider.createConnectedAccount("account:" + tenant, tenant, countryCode, Text.optional("email", email, 200));
        return connectedAccounts.link(accountId);
    }

    /** A fresh onboarding link for the tenant's account. */
    public String onboardingLink(String refreshUrl, String returnUrl) {
        String account = requireAccount();
        return provider.onboardingLink("account-link:" + account + ":" + UUID.randomUUID(), account, url("refreshUrl", refreshUrl), url("returnUrl", returnUrl));
    }

    /**
     * The tenant's onboarding link, its connected account created first when it has none ({@code country} is then
     * required); the URLs are checked before anything is sent, so a bad one creates no account.
     */
    public String onboard(String country, String email, String refreshUrl, String returnUrl) {
        String refresh = url("refreshUrl", refreshUrl);
        String back = url("returnUrl", returnUrl);
        connect(country, email);
        return onboardingLink(refresh, back);
    }

    /** Starts saving a card for the driver: the client secret of a SetupIntent that the app confirms with the card. */
    public String startSetup(UUID profileId) {
        Profile profile = profile(profileId);
        String account = requireAccount();
        String customer = customerOf(profile, account);
        int saved = provider.paymentMethods("payment-methods:" + profileId + ":" + UUID.randomUUID(), account, customer).size();
        int max = settings().maxPaymentMethods();
        if (saved >= max) {
            throw new DomainException(ErrorCode.OUT_OF_RANGE, null, "A driver keeps at most " + max + " payment methods; remove one first.");
        }
        return provider.setupIntentClientSecret("setup-intent:" + profileId + ":" + UUID.randomUUID(), account, customer);
    }

    public List<SavedPaymentMethod> list(UUID profileId) {
        profile(profileId);
        String account = requireAccount();
        return inTransaction(() -> customers.customerOf(profileId))
                .map(customer -> provider.paymentMethods("payment-methods:" + profileId + ":" + UUID.randomUUID(), account, customer))
                .orElse(List.of());
    }

    public void remove(UUID profileId, String paymentMethodId) {
        String account = requireAccount();
        ownedBy(profileId, paymentMethodId, account);
        provider.detach("detach:" + paymentMethodId, account, paymentMethodId);
    }

    public void makeDefault(UUID profileId, String paymentMethodId) {
        String account = requireAccount();
        String customer = ownedBy(profileId, paymentMethodId, account);
        provider.makeDefault("default:" + customer + ":" + paymentMethodId + ":" + UUID.randomUUID(), account, customer, paymentMethodId);
    }

    /**
     * Takes a card that a SetupIntent attached (the webhook {@code setup_intent.succeeded}) into the driver's methods:
     * it becomes the default when the driver has none, and it is detached again when it takes the driver above the
     * tenant's maximum (two setups confirmed at once can pass {@link #startSetup}'s check). It acts on what the provider
     * holds, not on the event, so any number of deliveries, in any order with the driver's own changes, come to the same
     * cards; each provider call's idempotency key is derived from the customer and the card. Returns what it did.
     */
    public String adopt(String customerId, String paymentMethodId) {
        UUID profileId = inTransaction(() -> customers.profileOf(customerId)).orElse(null);
        if (profileId == null || paymentMethodId == null) {
            return "nothing to adopt";
        }
        String account = requireAccount();
        List<SavedPaymentMethod> saved = provider.paymentMethods("payment-methods:" + profileId + ":" + UUID.randomUUID(), account, customerId);
        if (saved.stream().noneMatch(method -> method.id().equals(paymentMethodId))) {
            return "card " + paymentMethodId + " is no longer attached: nothing to adopt";
        }
        int max = settings().maxPaymentMethods();
        if (saved.size() > max) {
            provider.detach("detach:" + paymentMethodId, account, paymentMethodId);
            return "card " + paymentMethodId + " detached: the driver keeps at most " + max + " payment methods";
        }
        if (saved.stream().noneMatch(SavedPaymentMethod::isDefault)) {
            provider.makeDefault("default:" + customerId + ":" + paymentMethodId, account, customerId, paymentMethodId);
            return "card " + paymentMethodId + " made the driver's default";
        }
        return "card " + paymentMethodId + " kept beside the driver's default";
    }

    public BillingSettings settings() {
        return inTransaction(() -> customers.settings().orElse(BillingSettings.DEFAULTS));
    }

    public BillingSettings updateSettings(BillingSettings settings) {
        BillingSettings valid = settings.validated();
        transactions.executeWithoutResult(status -> customers.saveSettings(valid));
        return settings();
    }

    /** The driver's customer id, when the card is one of theirs; refused otherwise, before anything changes. */
    private String ownedBy(UUID profileId, String paymentMethodId, String account) {
        profile(profileId);
        String customer = inTransaction(() -> customers.customerOf(profileId)).orElse(null);
        boolean theirs = customer != null && paymentMethodId != null && provider.paymentMethods("payment-methods:" + profileId + ":" + UUID.randomUUID(),
                account, customer).stream().anyMatch(method -> method.id().equals(paymentMethodId));
        if (!theirs) {
            throw DomainException.notFound("paymentMethodId", "payment method of this driver", paymentMethodId);
        }
        return customer;
    }

    private String customerOf(Profile profile, String account) {
        return inTransaction(() -> customers.customerOf(profile.id())).orElseGet(() -> {
            String created = provider.createCustomer("customer:" + profile.id(), account, profile.id(), profile.name(),
                    profile.email() == null ? null : profile.email().value());
            return transactions.execute(status -> customers.insertCustomer(profile.id(), created, account));
        });
    }

    private Profile profile(UUID profileId) {
        Objects.requireNonNull(profileId, "profileId");
        return inTransaction(() -> profiles.find(profileId)).orElseThrow(() -> DomainException.notFound("profileId", "driver", profileId));
    }

    private String requireAccount() {
        return inTransaction(accounts::current).map(ConnectedAccount::accountId).orElseThrow(() ->
                new DomainException(ErrorCode.NOT_FOUND, "account", "The tenant has no connected account yet: connect one first."));
    }

    private static String url(String field, String value) {
        String url = Text.required(field, value, 2000);
        if (!url.startsWith("https://") && !url.startsWith("http://localhost")) {
            throw new DomainException(ErrorCode.INVALID, field, "An https URL is required.");
        }
        return url;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
