package io.chargebase.api.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.LedgerInvariants;
import io.chargebase.api.support.StripeFixtures;
import io.chargebase.domain.billing.ConnectedAccounts;
import io.chargebase.domain.billing.Ledger;
import io.chargebase.domain.billing.LedgerAccount;
import io.chargebase.domain.billing.LedgerTransactionKind;
import io.chargebase.domain.billing.PaymentEvents;
import io.chargebase.domain.billing.Posting;
import io.chargebase.domain.billing.ProviderEvent;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * refundPayment through the GraphQL endpoint with the portal's document, stripe-java answered by WireMock with
 * fixtures3.json's refund: partial and rest refunds posted once whether Stripe's answer or the charge.refunded
 * webhook comes first; bad input sends no refund request to Stripe. {@link LedgerInvariants} after every scenario.
 */
@EnableWireMock(@ConfigureWireMock(baseUrlProperties = "chargebase.stripe.api-base"))
class RefundsGraphQlIT extends IntegrationTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @InjectWireMock
    WireMockServer stripe;

    @Autowired
    Ledger ledger;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    PaymentEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private LedgerInvariants invariants;
    private TenantId tenantId;
    private String admin;
    private String analyst;
    private String account;
    private String paymentIntent;
    private String charge;
    private UUID payment;
    private UUID driver;
    private String otherUnitAdmin;
    private String rootOuAdmin;

    /** A tenant with its connected account and a card payment of 8.47 posted; Stripe answers refunds on its charge. */
    @BeforeEach
    void aTenantWithAPayment() {
        invariants = new LedgerInvariants(jdbc, ledger, transactionManager);
        TestTenant tenant = aTenant();
        tenantId = tenant.tenant().id();
        admin = accessTokenOf(tenant, aUser(tenant, UserRole.TENANT_ADMIN, null, null));
        analyst = accessTokenOf(tenant, aUser(tenant, UserRole.ANALYST, null, null));
        String setup = tokenOf(tenant);
        String root = graphQl().document(setup, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String other = mutate(setup, "tenant-portal/CreateOrganisationUnit", Map.of("parentId", root, "name", "Other"))
                .path("organisationUnit").path("id").asString();
        otherUnitAdmin = accessTokenOf(tenant, aUser(tenant, UserRole.OU_ADMIN, GlobalId.decode(other).orElseThrow().id(), null));
        rootOuAdmin = accessTokenOf(tenant, aUser(tenant, UserRole.OU_ADMIN, GlobalId.decode(root).orElseThrow().id(), null));
        driver = GlobalId.decode(mutate(setup, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString()).orElseThrow().id();
        account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        paymentIntent = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        charge = "ch_" + paymentIntent.substring(3);
        UUID session = UUID.randomUUID();
        payment = as(() -> {
            accounts.link(account);
            ledger.post(Posting.of("session:" + session, LedgerTransactionKind.SESSION, driver, session, "TX-1-1", "Charging session",
                    Instant.now()).debit(LedgerAccount.DRIVER_RECEIVABLE, Money.of("8.47", "EUR"))
                    .credit(LedgerAccount.REVENUE, Money.of("7.00", "EUR")).credit(LedgerAccount.VAT_PAYABLE, Money.of("1.47", "EUR")));
            return ledger.post(Posting.of(PaymentEvents.paymentKey(paymentIntent), LedgerTransactionKind.PAYMENT, driver, session, paymentIntent,
                    "Card payment", Instant.now()).debit(LedgerAccount.STRIPE_CLEARING, Money.of("8.47", "EUR"))
                    .credit(LedgerAccount.DRIVER_RECEIVABLE, Money.of("8.47", "EUR"))).transactionId();
        });
        stripe.resetAll();
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(okJson(StripeFixtures.of("refund",
                Map.of("id", "re_" + paymentIntent.substring(3), "charge", charge, "payment_intent", paymentIntent, "currency", "eur")))));
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenantId), work);
    }

    private JsonNode refund(String token, Object amount, String currency, String reason) {
        Map<String, Object> input = new HashMap<>();
        input.put("paymentId", payment.toString());
        if (amount != null) {
            input.put("amount", amount);
        }
        if (currency != null) {
            input.put("currency", currency);
        }
        if (reason != null) {
            input.put("reason", reason);
        }
        return mutate(token, "tenant-portal/RefundPayment", input);
    }

    private BigDecimal refunded() {
        return as(() -> ledger.balance(LedgerAccount.REFUNDS, null, EUR)).amount();
    }

    private int refundRequests() {
        return stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))).size();
    }

    private void webhookRefunded(String eventId, long totalRefunded) {
        as(() -> events.handle(new ProviderEvent.Envelope(eventId, "charge.refunded", account, Instant.now(),
                new ProviderEvent.ChargeRefunded(charge, paymentIntent, Money.ofMinor(totalRefunded, EUR), Money.ofMinor(847, EUR)))));
    }

    private JsonNode transactions(String token, Map<String, ?> variables) {
        var response = graphQl().document(token, "tenant-portal/PaymentTransactions", variables);
        assertThat(response.errors().isMissingNode() || response.errors().isEmpty()).as(response.raw()).isTrue();
        return response.data().path("paymentTransactions");
    }

    private static java.util.List<String> kinds(JsonNode connection) {
        java.util.List<String> kinds = new java.util.ArrayList<>();
        connection.path("edges").forEach(edge -> kinds.add(edge.path("node").path("kind").asString()));
        return kinds;
    }

    @Test
    void paymentsRefundsAndDisputesAreListedFilteredPagedAndNarrowed() {
        assertThat(refund(admin, "2.00", null, "Charger fault").path("userErrors")).isEmpty();
        as(() -> events.handle(new ProviderEvent.Envelope("evt_dispute_" + paymentIntent, "charge.dispute.created", account, Instant.now(),
                new ProviderEvent.DisputeCreated("dp_" + paymentIntent.substring(3), charge, paymentIntent, Money.of("6.47", "EUR")))));
        invariants.check(tenantId);

        JsonNode all = transactions(analyst, Map.of());
        assertThat(kinds(all)).containsExactly("DISPUTE", "REFUND", "PAYMENT");
        JsonNode paid = all.path("edges").get(2).path("node");
        assertThat(paid.path("transactionId").asString()).isEqualTo(payment.toString());
        assertThat(new BigDecimal(paid.path("amount").asString())).isEqualByComparingTo("8.47");
        assertThat(paid.path("reference").asString()).isEqualTo(paymentIntent);
        assertThat(GlobalId.decode(paid.path("profileId").asString()).orElseThrow().id()).isEqualTo(driver);
        assertThat(new BigDecimal(all.path("edges").get(1).path("node").path("amount").asString())).isEqualByComparingTo("2.00");
        assertThat(all.path("edges").get(0).path("node").path("profileId").asString()).as("the dispute names the payment's driver")
                .isEqualTo(paid.path("profileId").asString());

        assertThat(kinds(transactions(admin, Map.of("filter", Map.of("kinds", java.util.List.of("DISPUTE", "REFUND")))))).containsExactly("DISPUTE", "REFUND");
        assertThat(kinds(transactions(admin, Map.of("filter", Map.of("profileId", paid.path("profileId").asString()))))).hasSize(3);
        assertThat(kinds(transactions(admin, Map.of("filter", Map.of("from", Instant.now().plusSeconds(3600).toString()))))).isEmpty();
        assertThat(kinds(transactions(admin, Map.of("filter", Map.of("to", Instant.now().minusSeconds(3600).toString()))))).isEmpty();

        JsonNode first = transactions(admin, Map.of("first", 2));
        assertThat(kinds(first)).containsExactly("DISPUTE", "REFUND");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode second = transactions(admin, Map.of("first", 2, "after", first.path("pageInfo").path("endCursor").asString()));
        assertThat(kinds(second)).containsExactly("PAYMENT");
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();

        assertThat(kinds(transactions(rootOuAdmin, Map.of()))).as("the driver is in the root's subtree").hasSize(3);
        assertThat(kinds(transactions(otherUnitAdmin, Map.of()))).as("another subtree's OU admin sees none of them").isEmpty();
    }

    private java.util.List<String> csvOf(String token, Map<String, ?> variables) {
        io.chargebase.api.support.GraphQl.Response csv = new io.chargebase.api.support.GraphQl(baseUrl(), "/graphql/csv")
                .document(token, "tenant-portal/PaymentTransactions", variables);
        assertThat(csv.status()).as(csv.raw()).isEqualTo(200);
        return csv.raw().lines().toList();
    }

    @Test
    void paymentTransactionsExportAsCsvWithTheListsFiltersAndNarrowing() {
        assertThat(refund(admin, "2.00", null, "Charger fault").path("userErrors")).isEmpty();
        invariants.check(tenantId);

        java.util.List<String> rows = csvOf(admin, Map.of("first", 100));
        assertThat(rows.getFirst()).as("the nodes' fields are the columns")
                .isEqualTo("transactionId,kind,amount,currency,profileId,sessionId,reference,description,occurredAt,postedAt");
        assertThat(rows).hasSize(3);
        String[] refunded = rows.get(1).split(",");
        assertThat(refunded[1]).isEqualTo("REFUND");
        assertThat(new BigDecimal(refunded[2])).isEqualByComparingTo("2.00");
        assertThat(refunded[3]).isEqualTo("EUR");
        String[] paid = rows.get(2).split(",");
        assertThat(paid[0]).isEqualTo(payment.toString());
        assertThat(paid[1]).isEqualTo("PAYMENT");
        assertThat(new BigDecimal(paid[2])).isEqualByComparingTo("8.47");
        assertThat(GlobalId.decode(paid[4]).orElseThrow().id()).isEqualTo(driver);
        assertThat(paid[6]).isEqualTo(paymentIntent);

        java.util.List<String> refunds = csvOf(admin, Map.of("first", 100, "filter", Map.of("kinds", java.util.List.of("REFUND"))));
        assertThat(refunds).as("the filter narrows the export as it does the list").hasSize(2);
        assertThat(refunds.get(1).split(",")[1]).isEqualTo("REFUND");
        assertThat(csvOf(rootOuAdmin, Map.of("first", 100))).as("the driver is in the root's subtree").hasSize(3);
        assertThat(csvOf(otherUnitAdmin, Map.of("first", 100))).as("another subtree's OU admin exports no rows").hasSize(1);
    }

    private static String codeOf(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).hasSize(1);
        return payload.path("userErrors").get(0).path("code").asString();
    }

    @Test
    void aPartialRefundThenTheRestArePostedOnceWhicheverOfAnswerAndWebhookComesFirst() {
        JsonNode first = refund(admin, "3.00", "EUR", "Charger fault during session");
        assertThat(first.path("userErrors")).as(first.toString()).isEmpty();
        assertThat(first.path("refund").path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(first.path("refund").path("chargeId").asString()).isEqualTo(charge);
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("refund:" + payment + ":1"))
                .withHeader("Stripe-Account", equalTo(account))
                .withRequestBody(containing("amount=300")).withRequestBody(containing("payment_intent=" + paymentIntent)));
        assertThat(refunded()).isEqualByComparingTo("3.00");
        // the webhook after the answer: the running total 3.00 was posted already
        webhookRefunded("evt_after_" + paymentIntent, 300);
        assertThat(refunded()).isEqualByComparingTo("3.00");
        invariants.check(tenantId);

        // the webhook for the rest before Stripe's answer reaches us: the answer then finds it posted
        webhookRefunded("evt_before_" + paymentIntent, 847);
        assertThat(refunded()).isEqualByComparingTo("8.47");
        JsonNode rest = refund(admin, null, null, "Goodwill");
        assertThat(rest.path("userErrors")).as(rest.toString()).isEmpty();
        assertThat(new BigDecimal(rest.path("refund").path("amount").asString())).isEqualByComparingTo("5.47");
        stripe.verify(1, postRequestedFor(urlPathEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("refund:" + payment + ":2"))
                .withRequestBody(containing("amount=547")));
        assertThat(refunded()).isEqualByComparingTo("8.47");
        assertThat(as(() -> ledger.balance(LedgerAccount.STRIPE_CLEARING, null, EUR)).amount()).isZero();

        // nothing is left to refund: refused before sending
        assertThat(codeOf(refund(admin, "0.01", null, "Once more"))).isEqualTo("INVALID");
        assertThat(refundRequests()).isEqualTo(2);
        invariants.check(tenantId);
    }

    @Test
    void aRefundRetriedAfterStripeFailedIsSentUnderItsOwnKeyAndRefundsOnce() {
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()
                .withHeader("Content-Type", "application/json").withBody("{\"error\": {\"type\": \"api_error\", \"message\": \"down\"}}")));
        assertThat(codeOf(refund(admin, "3.00", null, "Charger fault"))).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");
        assertThat(refunded()).isZero();
        assertThat(codeOf(refund(admin, "4.00", null, "Another amount while one waits"))).isEqualTo("INVALID");
        int failedAttempts = refundRequests();
        assertThat(failedAttempts).isPositive();
        stripe.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(okJson(StripeFixtures.of("refund",
                Map.of("id", "re_" + paymentIntent.substring(3), "charge", charge, "payment_intent", paymentIntent, "currency", "eur")))));
        JsonNode retried = refund(admin, "3.00", null, "Charger fault");
        assertThat(retried.path("refund").path("status").asString()).as(retried.toString()).isEqualTo("SUCCEEDED");
        assertThat(stripe.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds"))))
                .as("every attempt carries the one refund's key").hasSize(failedAttempts + 1)
                .allSatisfy(request -> assertThat(request.getHeader("Idempotency-Key")).isEqualTo("refund:" + payment + ":1"));
        assertThat(refunded()).isEqualByComparingTo("3.00");
        invariants.check(tenantId);
    }

    @Test
    void badInputIsAUserErrorAndSendsNothing() {
        assertThat(codeOf(refund(admin, "0", null, "Zero"))).isEqualTo("INVALID");
        assertThat(codeOf(refund(admin, "-1.00", null, "Negative"))).isEqualTo("INVALID");
        assertThat(codeOf(refund(admin, "8.48", null, "Above captured"))).isEqualTo("INVALID");
        assertThat(codeOf(refund(admin, "1.001", null, "Below a cent"))).isEqualTo("INVALID");
        assertThat(codeOf(refund(admin, "1.00", "USD", "Other currency"))).isEqualTo("INVALID");
        assertThat(codeOf(refund(admin, "1.00", null, " "))).isEqualTo("REQUIRED");
        JsonNode unknown = mutate(admin, "tenant-portal/RefundPayment", Map.of("paymentId", UUID.randomUUID().toString(), "reason", "Unknown"));
        assertThat(codeOf(unknown)).isEqualTo("NOT_FOUND");
        assertThat(graphQl().document(analyst, "tenant-portal/RefundPayment", Map.of("input", Map.of("paymentId", payment.toString(),
                "reason", "Analyst"))).errorTypes()).containsExactly("FORBIDDEN");
        assertThat(refundRequests()).as("no refund request reached Stripe").isZero();
        assertThat(refunded()).isZero();
        invariants.check(tenantId);
    }
}
