package io.chargebase.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.LedgerInvariants;
import io.chargebase.api.support.NodeClients;
import io.chargebase.domain.billing.ConnectedAccounts;
import io.chargebase.domain.billing.Ledger;
import io.chargebase.domain.billing.LedgerAccount;
import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.billing.Posting;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Issue 13 item 5 with a real client: a {@code payment_intent.succeeded} event signed by the npm {@code stripe}
 * package ({@code stripe.webhooks.generateTestHeaderString}, e2e/stripe-webhooks.mjs) and POSTed to
 * {@code /webhooks/stripe} twice posts the payment and the platform's fee once; the same event with a tampered body
 * and one signed ten minutes ago answer 400 and change nothing. {@link LedgerInvariants} afterwards.
 */
class StripeNpmWebhookIT extends IntegrationTest {

    private static final String CURRENT = "whsec_test_current_0123456789abcdef";

    @Autowired
    Ledger ledger;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void anEventSignedByStripesOwnPackagePostsOnceAndATamperedOrStaleOneAnswers400() {
        LedgerInvariants invariants = new LedgerInvariants(jdbc, ledger, transactionManager);
        TestTenant tenant = aTenant();
        TenantId tenantId = tenant.tenant().id();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        UUID driver = GlobalId.decode(mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString()).orElseThrow().id();
        String account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        UUID session = UUID.randomUUID();
        TenantContext.runAs(TenantScope.of(tenantId), () -> {
            accounts.link(account);
            ledger.post(Posting.of("session:" + session, LedgerTransactionKind.SESSION, driver, session, "TX-1-1", "Charging session",
                            Instant.now()).debit(LedgerAccount.DRIVER_RECEIVABLE, Money.of("8.47", "EUR"))
                    .credit(LedgerAccount.REVENUE, Money.of("7.00", "EUR")).credit(LedgerAccount.VAT_PAYABLE, Money.of("1.47", "EUR")));
        });
        String paymentIntent = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String event = """
                {"id": "evt_npm_%s", "object": "event", "api_version": "2024-06-20", "created": %d, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "payment_intent.succeeded", "account": "%s",
                 "data": {"object": {"id": "%s", "object": "payment_intent", "amount": 847, "amount_received": 847, "currency": "eur",
                  "status": "succeeded", "capture_method": "automatic", "application_fee_amount": 42, "latest_charge": "ch_%s",
                  "metadata": {"chargebase_profile_id": "%s", "chargebase_session_id": "%s"}}}}"""
                .formatted(paymentIntent.substring(3), Instant.now().getEpochSecond(), account, paymentIntent, paymentIntent.substring(3), driver,
                        session);

        NodeClients.Run run = NodeClients.run("stripe-webhooks.mjs", List.of(baseUrl() + "/webhooks/stripe"),
                Map.of("WEBHOOK_SECRET", CURRENT, "EVENT", event), 60).expectSuccess();
        JsonNode report = GraphQl.JSON.readTree(run.stdout());
        assertThat(report.path("header").asString()).as("Stripe's header format").matches("t=\\d+,v1=\\.\\.\\.");
        assertThat(report.path("signed").get(0).path("status").asInt()).as(run.stdout()).isEqualTo(200);
        assertThat(report.path("signed").get(0).path("body").asString()).contains("\"duplicate\":false");
        assertThat(report.path("signed").get(1).path("status").asInt()).as(run.stdout()).isEqualTo(200);
        assertThat(report.path("signed").get(1).path("body").asString()).contains("\"duplicate\":true");
        assertThat(report.path("tampered").path("status").asInt()).as("a tampered body").isEqualTo(400);
        assertThat(report.path("stale").path("status").asInt()).as("a stale timestamp").isEqualTo(400);

        TenantContext.runAs(TenantScope.of(tenantId), () -> {
            assertThat(ledger.ofSession(session).stream().filter(t -> t.kind() == LedgerTransactionKind.PAYMENT).count())
                    .as("the payment posted exactly once").isEqualTo(1);
            assertThat(ledger.outstanding(driver, Money.of("0", "EUR").currency())).isEqualTo(Money.of("0.00", "EUR"));
            assertThat(ledger.balance(LedgerAccount.PLATFORM_FEES, null, Money.of("0", "EUR").currency())).isEqualTo(Money.of("0.42", "EUR"));
            Long recorded = new TransactionTemplate(transactionManager).execute(status ->
                    jdbc.sql("select count(*) from provider_event").query(Long.class).single());
            assertThat(recorded).as("the refused deliveries recorded nothing").isEqualTo(1L);
        });
        assertThat(invariants.check(tenantId)).as("session, payment, fee").isEqualTo(3);
    }
}
