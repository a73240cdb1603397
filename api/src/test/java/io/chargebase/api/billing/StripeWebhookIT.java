package io.chargebase.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.stripe.net.Webhook;

import tools.jackson.databind.JsonNode;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.IntegrationTest;
import io.chargebase.api.support.LedgerInvariants;
import io.chargebase.domain.billing.ConnectedAccount;
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
 * {@code POST /webhooks/stripe} over HTTP, with events signed the way Stripe signs them (HMAC-SHA256 of
 * {@code timestamp.body}, computed with stripe-java's own {@code Webhook.Util}) under the secrets of
 * config/application.properties: verified, mapped to the tenant of the connected account, handled once and in any
 * order; whatever is refused answers 400 and changes nothing. {@link LedgerInvariants} after every scenario.
 */
class StripeWebhookIT extends IntegrationTest {

    private static final String CURRENT = "whsec_test_current_0123456789abcdef";
    private static final String PREVIOUS = "whsec_test_previous_0123456789abcdef";
    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    Ledger ledger;

    @Autowired
    ConnectedAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final HttpClient http = HttpClient.newHttpClient();
    private LedgerInvariants invariants;
    private TestTenant tenant;
    private TenantId tenantId;
    private String account;
    private UUID driver;
    private UUID session;

    /** A tenant with its connected account and a driver who owes 8.47 for a session. */
    @BeforeEach
    void aTenantWithAConnectedAccountAndADriverWhoOwes() {
        invariants = new LedgerInvariants(jdbc, ledger, transactionManager);
        tenant = aTenant();
        tenantId = tenant.tenant().id();
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        String profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Dana Driver",
                "email", "dana@example.com")).path("profile").path("id").asString();
        driver = GlobalId.decode(profile).orElseThrow().id();
        account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        as(() -> accounts.link(account));
        session = UUID.randomUUID();
        as(() -> ledger.post(Posting.of("session:" + session, LedgerTransactionKind.SESSION, driver, session, "TX-1-1", "Charging session",
                        Instant.now()).debit(LedgerAccount.DRIVER_RECEIVABLE, Money.of("8.47", "EUR"))
                .credit(LedgerAccount.REVENUE, Money.of("7.00", "EUR")).credit(LedgerAccount.VAT_PAYABLE, Money.of("1.47", "EUR"))));
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenantId), work);
    }

    private static String event(String id, String type, String account, long created, String object) {
        return """
                {"id": "%s", "object": "event", "api_version": "2024-06-20", "created": %d, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "%s", "account": "%s", "data": {"object": %s}}"""
                .formatted(id, created, type, account, object);
    }

    private String succeeded(String eventId, String paymentIntent, long amount, String currency, Long fee) {
        return event(eventId, "payment_intent.succeeded", account, now(), """
                {"id": "%s", "object": "payment_intent", "amount": %d, "amount_received": %d, "currency": "%s", "status": "succeeded",
                 "capture_method": "automatic", "application_fee_amount": %s, "customer": "cus_QXg1o8vcGmoR32", "latest_charge": "ch_%s",
                 "metadata": {"chargebase_profile_id": "%s", "chargebase_session_id": "%s"}}"""
                .formatted(paymentIntent, amount, amount, currency, fee == null ? "null" : fee.toString(), paymentIntent, driver, session));
    }

    private String refunded(String eventId, String charge, String paymentIntent, long refunded, long captured) {
        return event(eventId, "charge.refunded", account, now(), """
                {"id": "%s", "object": "charge", "amount": %d, "amount_captured": %d, "amount_refunded": %d, "captured": true,
                 "currency": "eur", "payment_intent": "%s", "refunded": %s, "status": "succeeded"}"""
                .formatted(charge, captured, captured, refunded, paymentIntent, refunded == captured));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String v1(String secret, long timestamp, String payload) {
        try {
            return Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(String secret, String payload) {
        long t = now();
        return "t=" + t + ",v1=" + v1(secret, t, payload);
    }

    private HttpResponse<String> post(String payload, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/webhooks/stripe"))
                .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> deliver(String payload) {
        return post(payload, header(CURRENT, payload));
    }

    private Money outstanding() {
        return as(() -> ledger.outstanding(driver, EUR));
    }

    private Money balance(LedgerAccount of) {
        return as(() -> ledger.balance(of, null, EUR));
    }

    private long providerEvents() {
        return as(() -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql("select count(*) from provider_event").query(Long.class).single()));
    }

    @Test
    void aPaymentSettlesTheDriversBalanceOnceHoweverOftenItIsDelivered() {
        String payload = succeeded("evt_pay_1", "pi_3MtwBwLkdIwHu7ix28a3tqPa", 847, "eur", 50L);
        for (int delivery = 0; delivery < 3; delivery++) {
            HttpResponse<String> answer = deliver(payload);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains(delivery == 0 ? "\"duplicate\":false" : "\"duplicate\":true");
        }
        // another event about the same PaymentIntent (Stripe's retry with a new id, say) posts nothing either
        assertThat(deliver(succeeded("evt_pay_2", "pi_3MtwBwLkdIwHu7ix28a3tqPa", 847, "eur", 50L)).body()).contains("payment posted before");
        assertThat(outstanding()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(balance(LedgerAccount.STRIPE_CLEARING)).isEqualTo(Money.of("7.97", "EUR"));
        assertThat(balance(LedgerAccount.PLATFORM_FEES)).isEqualTo(Money.of("0.50", "EUR"));
        assertThat(as(() -> ledger.findByKey("payment:pi_3MtwBwLkdIwHu7ix28a3tqPa")).orElseThrow().sessionId()).isEqualTo(session);
        assertThat(invariants.check(tenantId)).as("session, payment, fee").isEqualTo(3);
    }

    @Test
    void refundsPostWhatIsNewInAnyOrderAndNeverAboveWhatWasCaptured() {
        deliver(succeeded("evt_pay_r", "pi_refunded", 847, "eur", null));
        assertThat(deliver(refunded("evt_ref_1", "ch_refunded", "pi_refunded", 300, 847)).body()).contains("refund of 3.00 EUR posted");
        assertThat(deliver(refunded("evt_ref_2", "ch_refunded", "pi_refunded", 847, 847)).body()).contains("refund of 5.47 EUR posted");
        // the first partial refund's event again, under a new id and late: nothing more
        assertThat(deliver(refunded("evt_ref_3", "ch_refunded", "pi_refunded", 300, 847)).body()).contains("posted before");
        assertThat(deliver(refunded("evt_ref_4", "ch_refunded", "pi_refunded", 900, 847)).body()).contains("above the 8.47 EUR captured");
        assertThat(balance(LedgerAccount.REFUNDS)).isEqualTo(Money.of("8.47", "EUR"));
        assertThat(balance(LedgerAccount.STRIPE_CLEARING)).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(as(() -> ledger.findByKey("refund:ch_refunded:300")).orElseThrow().profileId()).isEqualTo(driver);
        assertThat(invariants.check(tenantId)).as("session, payment, two refunds").isEqualTo(4);
    }

    @Test
    void aDisputeWithdrawsItsAmountOnce() {
        deliver(succeeded("evt_pay_d", "pi_disputed", 847, "eur", null));
        String dispute = event("evt_dsp_1", "charge.dispute.created", account, now(), """
                {"id": "dp_1Pgc71B7WZ01zgkWMevJiAUx", "object": "dispute", "amount": 847, "charge": "ch_disputed", "currency": "eur",
                 "payment_intent": "pi_disputed", "reason": "general", "status": "warning_needs_response"}""");
        deliver(dispute);
        deliver(dispute);
        assertThat(balance(LedgerAccount.DISPUTES)).isEqualTo(Money.of("8.47", "EUR"));
        assertThat(balance(LedgerAccount.STRIPE_CLEARING)).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(invariants.check(tenantId)).isEqualTo(3);
    }

    @Test
    void theAccountStatusIsTakenFromAccountUpdatedAndALateOlderReportIsIgnored() {
        String enabled = event("evt_acc_2", "account.updated", account, now(), """
                {"id": "%s", "object": "account", "charges_enabled": true, "payouts_enabled": true, "details_submitted": true,
                 "requirements": {"disabled_reason": null, "currently_due": []}}""".formatted(account));
        String older = event("evt_acc_1", "account.updated", account, now() - 60, """
                {"id": "%s", "object": "account", "charges_enabled": false, "payouts_enabled": false, "details_submitted": false,
                 "requirements": {"disabled_reason": "requirements.past_due"}}""".formatted(account));
        assertThat(deliver(enabled).statusCode()).isEqualTo(200);
        assertThat(deliver(older).body()).contains("older than the one held");
        ConnectedAccount status = as(() -> accounts.current()).orElseThrow();
        assertThat(status.chargesEnabled()).isTrue();
        assertThat(status.payoutsEnabled()).isTrue();
        assertThat(status.detailsSubmitted()).isTrue();
        assertThat(status.disabledReason()).isNull();
        assertThat(invariants.check(tenantId)).isEqualTo(1);
    }

    @Test
    void thePreviousSecretAndAnyOfSeveralSignaturesAreAccepted() {
        String payload = succeeded("evt_prev", "pi_prev", 400, "eur", null);
        assertThat(post(payload, header(PREVIOUS, payload)).statusCode()).isEqualTo(200);
        String other = succeeded("evt_multi", "pi_multi", 447, "eur", null);
        long t = now();
        assertThat(post(other, "t=" + t + ",v1=" + v1("whsec_someone_else", t, other) + ",v1=" + v1(CURRENT, t, other) + ",v0=abc")
                .statusCode()).isEqualTo(200);
        assertThat(outstanding()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(invariants.check(tenantId)).isEqualTo(3);
    }

    @Test
    void badSignaturesStaleTimestampsTamperedBodiesAndUnknownAccountsAnswer400AndChangeNothing() {
        String payload = succeeded("evt_bad", "pi_bad", 847, "eur", null);
        long stale = now() - 301;
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(post(payload, null));
        answers.add(post(payload, "t=" + now() + ",v1=" + v1("whsec_wrong_secret", now(), payload)));
        answers.add(post(payload, "t=" + stale + ",v1=" + v1(CURRENT, stale, payload)));
        answers.add(post(payload.replace("847", "1"), header(CURRENT, payload)));
        answers.add(post(payload, "garbage"));
        String foreign = event("evt_foreign", "payment_intent.succeeded", "acct_nobodyhasthisone", now(),
                "{\"id\": \"pi_foreign\", \"amount_received\": 847, \"currency\": \"eur\"}");
        answers.add(post(foreign, header(CURRENT, foreign)));
        String noAccount = event("evt_noaccount", "payment_intent.succeeded", "", now(), "{\"id\": \"pi_x\", \"amount_received\": 847, \"currency\": \"eur\"}");
        answers.add(post(noAccount, header(CURRENT, noAccount)));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400));
        assertThat(answers.get(2).body()).contains("tolerance");
        assertThat(answers.get(5).body()).contains("No tenant has the connected account acct_nobodyhasthisone");
        assertThat(providerEvents()).isZero();
        assertThat(outstanding()).isEqualTo(Money.of("8.47", "EUR"));
        assertThat(invariants.check(tenantId)).isEqualTo(1);
    }

    @Test
    void anotherCurrencyOrANonPositiveAmountIsRecordedAsRefusedAndPostsNothing() {
        assertThat(deliver(succeeded("evt_usd", "pi_usd", 847, "usd", null)).body()).contains("not in the tenant's currency EUR");
        assertThat(deliver(succeeded("evt_zero", "pi_zero", 0, "eur", null)).body()).contains("not above zero");
        String stranger = event("evt_stranger", "payment_intent.succeeded", account, now(),
                "{\"id\": \"pi_stranger\", \"amount_received\": 847, \"currency\": \"eur\", \"metadata\": {\"chargebase_profile_id\": \""
                        + UUID.randomUUID() + "\"}}");
        assertThat(deliver(stranger).body()).contains("names no driver of this tenant");
        assertThat(outstanding()).isEqualTo(Money.of("8.47", "EUR"));
        assertThat(providerEvents()).isEqualTo(3);
        assertThat(invariants.check(tenantId)).isEqualTo(1);
    }

    @Test
    void theDriverSeesTheirBalanceAndTheAdminTheAccountThroughGraphQl() {
        String driverToken = accessTokenOf(tenant, aUser(tenant, io.chargebase.domain.identity.UserRole.DRIVER, null, driver));
        assertThat(graphQl().document(driverToken, "driver-app/MyOutstandingBalance", Map.of()).data().path("myOutstandingBalance")
                .path("amount").asString()).isEqualTo("8.47");
        deliver(succeeded("evt_gql", "pi_gql", 500, "eur", null));
        JsonNode balance = graphQl().document(driverToken, "driver-app/MyOutstandingBalance", Map.of()).data().path("myOutstandingBalance");
        assertThat(balance.path("amount").asString()).isEqualTo("3.47");
        assertThat(balance.path("currency").asString()).isEqualTo("EUR");
        deliver(event("evt_gql_acc", "account.updated", account, now(), """
                {"id": "%s", "object": "account", "charges_enabled": true, "payouts_enabled": false, "details_submitted": true,
                 "requirements": {"disabled_reason": null}}""".formatted(account)));
        JsonNode status = graphQl().document(tokenOf(tenant), "tenant-portal/ConnectedAccount", Map.of()).data().path("connectedAccount");
        assertThat(status.path("accountId").asString()).isEqualTo(account);
        assertThat(status.path("chargesEnabled").asBoolean()).isTrue();
        assertThat(status.path("payoutsEnabled").asBoolean()).isFalse();
        assertThat(graphQl().document(driverToken, "tenant-portal/ConnectedAccount", Map.of()).errors().toString()).contains("FORBIDDEN");
        assertThat(invariants.check(tenantId)).isEqualTo(2);
    }

    @Test
    void eachDriverListsTheirOwnPaymentsAndRefundsAndNeverTheFeesOrAnotherDriversPayments() {
        String driverToken = accessTokenOf(tenant, aUser(tenant, io.chargebase.domain.identity.UserRole.DRIVER, null, driver));
        String admin = tokenOf(tenant);
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        UUID other = GlobalId.decode(mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Olle Other",
                "email", "olle@example.com")).path("profile").path("id").asString()).orElseThrow().id();
        String otherToken = accessTokenOf(tenant, aUser(tenant, io.chargebase.domain.identity.UserRole.DRIVER, null, other));
        assertThat(graphQl().document(driverToken, "driver-app/MyPayments", Map.of()).data().path("myPayments").path("edges")).isEmpty();

        deliver(succeeded("evt_mine_1", "pi_mine_1", 500, "eur", 40L));
        deliver(succeeded("evt_mine_2", "pi_mine_2", 347, "eur", null));
        deliver(refunded("evt_mine_refund", "ch_pi_mine_1", "pi_mine_1", 200, 500));
        deliver(event("evt_other", "payment_intent.succeeded", account, now(), """
                {"id": "pi_other_1", "object": "payment_intent", "amount": 900, "amount_received": 900, "currency": "eur",
                 "status": "succeeded", "application_fee_amount": 90, "metadata": {"chargebase_profile_id": "%s"}}""".formatted(other)));

        GraphQl.Response mine = graphQl().document(driverToken, "driver-app/MyPayments", Map.of("first", 2));
        assertThat(mine.errors()).as(mine.raw()).isEmpty();
        JsonNode page = mine.data().path("myPayments");
        assertThat(page.path("edges")).hasSize(2);
        assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode rest = graphQl().document(driverToken, "driver-app/MyPayments", Map.of("first", 2,
                "after", page.path("pageInfo").path("endCursor").asString())).data().path("myPayments");
        List<String> listed = new java.util.ArrayList<>();
        for (JsonNode edges : List.of(page.path("edges"), rest.path("edges"))) {
            edges.forEach(edge -> listed.add(edge.path("node").path("kind").asString() + " " + edge.path("node").path("amount").asString()
                    + " " + edge.path("node").path("reference").asString()));
        }
        assertThat(listed).containsExactlyInAnyOrder("PAYMENT 5.00 pi_mine_1", "PAYMENT 3.47 pi_mine_2", "REFUND 2.00 ch_pi_mine_1");
        assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        // the platform's fee is not the driver's business, even when asked for by kind; the other driver's payment never shows
        GraphQl.Response fees = graphQl().document(driverToken, "driver-app/MyPayments", Map.of("kinds", List.of("APPLICATION_FEE")));
        assertThat(fees.data().path("myPayments").path("edges")).as(fees.raw()).isEmpty();
        assertThat(mine.raw() + rest).doesNotContain("pi_other_1").doesNotContain("9.00");
        JsonNode refunds = graphQl().document(driverToken, "driver-app/MyPayments", Map.of("kinds", List.of("REFUND"))).data().path("myPayments");
        assertThat(refunds.path("edges")).singleElement().satisfies(edge -> assertThat(edge.path("node").path("currency").asString()).isEqualTo("EUR"));

        JsonNode theirs = graphQl().document(otherToken, "driver-app/MyPayments", Map.of()).data().path("myPayments").path("edges");
        assertThat(theirs).singleElement().satisfies(edge -> assertThat(edge.path("node").path("reference").asString()).isEqualTo("pi_other_1"));
        // a driver cannot widen it through the staff list, and an admin's token has no payments of its own
        assertThat(graphQl().document(driverToken, "tenant-portal/PaymentTransactions", Map.of()).errors().toString()).contains("FORBIDDEN");
        assertThat(graphQl().document(admin, "driver-app/MyPayments", Map.of()).errors().toString()).contains("FORBIDDEN");
        assertThat(invariants.check(tenantId)).isEqualTo(7);
    }

    @Test
    void handlingTime() {
        int events = 40;
        long started = System.nanoTime();
        for (int i = 0; i < events; i++) {
            assertThat(deliver(succeeded("evt_time_" + i, "pi_time_" + i, 10, "eur", 1L)).statusCode()).isEqualTo(200);
        }
        double millis = (System.nanoTime() - started) / 1e6 / events;
        System.out.printf("StripeWebhookIT: %d payment_intent.succeeded webhooks, %.1f ms each over HTTP (verify, map, post payment and fee)%n",
                events, millis);
        assertThat(invariants.check(tenantId)).isEqualTo(1 + 2 * events);
    }
}
