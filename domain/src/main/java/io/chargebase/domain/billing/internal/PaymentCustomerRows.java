package io.chargebase.domain.billing.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.chargebase.domain.billing.BillingSettings;
import io.chargebase.tenancy.TenantContext;

/** Drivers as customers at the payment provider, and the tenant's billing settings. */
@Repository
public class PaymentCustomerRows {

    private final JdbcClient jdbc;

    PaymentCustomerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> customerOf(UUID profileId) {
        return jdbc.sql("select customer_id from payment_customer where profile_id = ?").param(profileId).query(String.class).optional();
    }

    /** Records the customer unless the profile has one already (a concurrent first card); answers the one recorded. */
    /** The driver whose customer this is on the tenant's account. */
    public Optional<UUID> profileOf(String customerId) {
        return jdbc.sql("select profile_id from payment_customer where customer_id = ?").param(customerId).query(UUID.class).optional();
    }

    public String insertCustomer(UUID profileId, String customerId, String accountId) {
        jdbc.sql("""
                        insert into payment_customer (tenant_id, profile_id, customer_id, account_id) values (?, ?, ?, ?)
                        on conflict (tenant_id, profile_id) do nothing""")
                .params(TenantContext.requireTenant().value(), profileId, customerId, accountId).update();
        return customerOf(profileId).orElseThrow();
    }

    public Optional<BillingSettings> settings() {
        return jdbc.sql("select max_payment_methods from billing_settings").query((rs, n) -> new BillingSettings(rs.getInt(1))).optional();
    }

    public void saveSettings(BillingSettings settings) {
        jdbc.sql("""
                        insert into billing_settings (tenant_id, max_payment_methods) values (?, ?)
                        on conflict (tenant_id) do update set max_payment_methods = excluded.max_payment_methods, updated_at = now()""")
                .params(TenantContext.requireTenant().value(), settings.maxPaymentMethods()).update();
    }
}
