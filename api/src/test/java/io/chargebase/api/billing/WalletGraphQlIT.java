package io.chargebase.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.billing.Ledger;
import io.chargebase.domain.billing.VoucherCodes;
import io.chargebase.domain.billing.Vouchers;
import io.chargebase.domain.billing.Wallets;
import io.chargebase.domain.identity.UserRole;
import io.chargebase.domain.money.Money;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantId;
import io.chargebase.tenancy.TenantScope;

/**
 * Wallets, vouchers and operator top-ups through the GraphQL endpoint with the portal's and the app's documents:
 * balances derived from the ledger, bad input refused with the balance untouched, a voucher raced by two drivers
 * redeemed once, two debits at once never overdrawing a wallet, the voucher listing's filters and its CSV export.
 * {@link LedgerInvariants} after every scenario.
 */
class WalletGraphQlIT extends IntegrationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    Wallets wallets;

    @Autowired
    Vouchers vouchers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
    private LedgerInvariants invariants;
    private TestTenant tenant;
    private TenantId tenantId;
    private String admin;
    private String analyst;
    private String profile;
    private UUID profileId;
    private String driver;
    private UUID otherProfileId;
    private String otherDriver;

    @BeforeEach
    void aTenantWithTwoDrivers() {
        invariants = new LedgerInvariants(jdbc, ledger, transactionManager);
        tenant = aTenant();
        tenantId = tenant.tenant().id();
        admin = tokenOf(tenant);
        analyst = accessTokenOf(tenant, aUser(tenant, UserRole.ANALYST, null, null));
        String root = graphQl().document(admin, "tenant-portal/OrganisationTree", Map.of()).data().path("organisationTree").path("id").asString();
        profile = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Wanda Wallet", "email", "wanda@example.com"))
                .path("profile").path("id").asString();
        profileId = GlobalId.decode(profile).orElseThrow().id();
        driver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, profileId));
        String other = mutate(admin, "tenant-portal/CreateProfile", Map.of("organisationUnitId", root, "name", "Oscar Other", "email", "oscar@example.com"))
                .path("profile").path("id").asString();
        otherProfileId = GlobalId.decode(other).orElseThrow().id();
        otherDriver = accessTokenOf(tenant, aUser(tenant, UserRole.DRIVER, null, otherProfileId));
    }

    @AfterEach
    void ledgerInvariantsHold() {
        threads.shutdownNow();
        invariants.check(tenantId);
    }

    private JsonNode topUp(String token, Object amount, String currency, String reason) {
        Map<String, Object> input = new HashMap<>();
        input.put("profileId", profile);
        input.put("amount", amount);
        if (currency != null) {
            input.put("currency", currency);
        }
        input.put("reason", reason);
        return mutate(token, "tenant-portal/AddToUserBalance", input);
    }

    private String balance() {
        return graphQl().document(driver, "driver-app/MyWallet", Map.of()).data().path("myWallet").path("balance").path("amount").asString();
    }

    private List<String> createVouchers(int quantity, String amount) {
        JsonNode created = mutate(admin, "tenant-portal/CreateVouchers", Map.of("quantity", quantity, "amount", amount,
                "redeemBefore", LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(30).toString(), "description", "Launch campaign"));
        assertThat(created.path("userErrors")).as(created.toString()).isEmpty();
        List<String> codes = new ArrayList<>();
        created.path("vouchers").forEach(voucher -> codes.add(voucher.path("code").asString()));
        return codes;
    }

    private JsonNode redeem(String token, String code) {
        return mutate(token, "driver-app/RedeemVoucher", Map.of("code", code));
    }

    private static String errorCode(JsonNode payload) {
        assertThat(payload.path("userErrors")).as(payload.toString()).hasSize(1);
        return payload.path("userErrors").get(0).path("code").asString();
    }

    @Test
    void anOperatorTopUpCreditsTheWalletWithItsReasonInTheHistoryAndTheVoucherListing() {
        assertThat(balance()).isEqualTo("0.00");
        JsonNode added = topUp(admin, "5.00", "EUR", "Compensation for the broken charger at Dam");
        assertThat(added.path("userErrors")).as(added.toString()).isEmpty();
        assertThat(added.path("wallet").path("balance").path("amount").asString()).isEqualTo("5.00");
        assertThat(added.path("voucher").path("kind").asString()).isEqualTo("OPERATOR_TOP_UP");
        assertThat(added.path("voucher").path("status").asString()).isEqualTo("REDEEMED");
        assertThat(added.path("voucher").path("createdBy").asString()).isEqualTo(tenant.clientId());
        assertThat(added.path("voucher").path("redeemedBy").asString()).isEqualTo(profile);
        assertThat(topUp(admin, "2.5", null, "Welcome").path("userErrors")).isEmpty();

        JsonNode mine = graphQl().document(driver, "driver-app/MyWallet", Map.of()).data().path("myWallet");
        assertThat(mine.path("balance").path("amount").asString()).isEqualTo("7.50");
        assertThat(mine.path("balance").path("currency").asString()).isEqualTo("EUR");
        JsonNode entries = mine.path("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).path("kind").asString()).isEqualTo("OPERATOR_TOP_UP");
        assertThat(entries.get(0).path("credit").asString()).isEqualTo("2.50");
        assertThat(entries.get(0).path("debit").isNull()).isTrue();
        assertThat(entries.get(0).path("balanceAfter").asString()).isEqualTo("7.50");
        assertThat(entries.get(1).path("balanceAfter").asString()).isEqualTo("5.00");
        assertThat(entries.get(1).path("description").asString()).contains("Compensation for the broken charger at Dam");

        // the admin reads the same history; the other driver's wallet is empty and their own app never shows Wanda's
        JsonNode history = graphQl().document(analyst, "tenant-portal/WalletOf", Map.of("profileId", profile)).data().path("walletOf");
        assertThat(history.path("balance").path("amount").asString()).isEqualTo("7.50");
        assertThat(history.path("entries")).hasSize(2);
        assertThat(graphQl().document(otherDriver, "driver-app/MyWallet", Map.of()).data().path("myWallet").path("entries")).isEmpty();
        assertThat(graphQl().document(driver, "tenant-portal/WalletOf", Map.of("profileId", profile)).errorTypes()).containsExactly("FORBIDDEN");

        // the account's actions log names the operator and the reason; drivers do not read it
        JsonNode actions = graphQl().document(analyst, "tenant-portal/ProfileActions", Map.of("profileId", profile)).data().path("profileActions");
        assertThat(actions).hasSize(2);
        assertThat(actions.get(1).path("action").asString()).isEqualTo("OPERATOR_TOP_UP");
        assertThat(actions.get(1).path("reason").asString()).isEqualTo("Compensation for the broken charger at Dam");
        assertThat(actions.get(1).path("actor").asString()).isEqualTo(tenant.clientId());
        assertThat(actions.get(1).path("info").asString()).contains("5.00");
        assertThat(graphQl().document(driver, "tenant-portal/ProfileActions", Map.of("profileId", profile)).errorTypes())
                .containsExactly("FORBIDDEN");

        JsonNode listed = graphQl().document(admin, "tenant-portal/Vouchers", Map.of("filter", Map.of("kinds", List.of("OPERATOR_TOP_UP"))))
                .data().path("vouchers").path("edges");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1).path("node").path("description").asString()).isEqualTo("Compensation for the broken charger at Dam");
    }

    @Test
    void badTopUpsAreRefusedAndLeaveTheBalanceUntouched() {
        assertThat(topUp(admin, "3.00", null, "First").path("userErrors")).isEmpty();
        assertThat(errorCode(topUp(admin, "0", null, "Zero"))).isEqualTo("INVALID");
        assertThat(errorCode(topUp(admin, "-4.00", null, "Negative"))).isEqualTo("INVALID");
        assertThat(errorCode(topUp(admin, "1.001", null, "Sub-cent"))).isEqualTo("INVALID");
        assertThat(errorCode(topUp(admin, "4.00", "USD", "Dollars"))).isEqualTo("INVALID_CURRENCY");
        assertThat(errorCode(topUp(admin, "4.00", null, "   "))).isEqualTo("REQUIRED");
        Map<String, Object> unknown = Map.of("profileId", GlobalId.encode("Profile", UUID.randomUUID()), "amount", "4.00", "reason", "Nobody");
        assertThat(errorCode(mutate(admin, "tenant-portal/AddToUserBalance", unknown))).isEqualTo("NOT_FOUND");
        assertThat(graphQl().document(analyst, "tenant-portal/AddToUserBalance", Map.of("input", Map.of("profileId", profile, "amount", "4.00",
                "reason", "Analysts read only"))).errorTypes()).containsExactly("FORBIDDEN");
        assertThat(graphQl().document(driver, "tenant-portal/AddToUserBalance", Map.of("input", Map.of("profileId", profile, "amount", "4.00",
                "reason", "Helping myself"))).errorTypes()).containsExactly("FORBIDDEN");
        assertThat(balance()).isEqualTo("3.00");
        assertThat(invariants.check(tenantId)).isEqualTo(1);
    }

    @Test
    void aVoucherIsRedeemedOnceAndExpiredOrForeignOnesAreRefused() {
        List<String> codes = createVouchers(3, "12.00");
        assertThat(codes).hasSize(3).doesNotHaveDuplicates().allMatch(code -> code.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"));

        JsonNode redeemed = redeem(driver, codes.get(0).toLowerCase().replace("-", " "));
        assertThat(redeemed.path("userErrors")).as(redeemed.toString()).isEmpty();
        assertThat(redeemed.path("wallet").path("balance").path("amount").asString()).isEqualTo("12.00");
        assertThat(redeemed.path("wallet").path("entries").get(0).path("kind").asString()).isEqualTo("VOUCHER");
        assertThat(errorCode(redeem(driver, codes.get(0)))).isEqualTo("ALREADY_USED");
        assertThat(errorCode(redeem(otherDriver, codes.get(0)))).isEqualTo("ALREADY_USED");
        assertThat(errorCode(redeem(driver, "not a code"))).isEqualTo("NOT_FOUND");
        assertThat(errorCode(redeem(driver, VoucherCodes.display(new VoucherCodes(new java.security.SecureRandom()).next())))).isEqualTo("NOT_FOUND");

        // expired yesterday: written as an admin would have created it two days ago
        String expired = "EXP1RED0000000" + "AB";
        TenantContext.runAs(TenantScope.of(tenantId), () -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> jdbc.sql("""
                        insert into voucher (tenant_id, id, code, kind, currency, amount, redeem_before, expires_at, description, created_by, created_at)
                        values (?, ?, ?, 'VOUCHER', 'EUR', 9, current_date, now() - interval '1 hour', 'Old', 'admin', now() - interval '2 days')""")
                .params(tenantId.value(), UUID.randomUUID(), expired).update()));
        assertThat(errorCode(redeem(driver, expired))).isEqualTo("EXPIRED");

        // another tenant's voucher is no voucher here
        TestTenant elsewhere = aTenant();
        JsonNode theirs = mutate(tokenOf(elsewhere), "tenant-portal/CreateVouchers", Map.of("quantity", 1, "amount", "50.00",
                "redeemBefore", LocalDate.now().plusDays(10).toString()));
        assertThat(errorCode(redeem(driver, theirs.path("vouchers").get(0).path("code").asString()))).isEqualTo("NOT_FOUND");
        invariants.check(elsewhere.tenant().id());

        assertThat(balance()).isEqualTo("12.00");
        assertThat(mutate(otherDriver, "driver-app/RedeemVoucher", Map.of("code", codes.get(1))).path("userErrors")).isEmpty();
        assertThat(graphQl().document(otherDriver, "driver-app/MyWallet", Map.of()).data().path("myWallet").path("balance").path("amount")
                .asString()).isEqualTo("12.00");
        assertThat(balance()).isEqualTo("12.00");
    }

    @Test
    void badVoucherCreationsAreRefused() {
        String later = LocalDate.now().plusDays(5).toString();
        assertThat(errorCode(mutate(admin, "tenant-portal/CreateVouchers", Map.of("quantity", 0, "amount", "5", "redeemBefore", later))))
                .isEqualTo("OUT_OF_RANGE");
        assertThat(errorCode(mutate(admin, "tenant-portal/CreateVouchers", Map.of("quantity", 1001, "amount", "5", "redeemBefore", later))))
                .isEqualTo("OUT_OF_RANGE");
        assertThat(errorCode(mutate(admin, "tenant-portal/CreateVouchers", Map.of("quantity", 1, "amount", "0", "redeemBefore", later))))
                .isEqualTo("INVALID");
        assertThat(errorCode(mutate(admin, "tenant-portal/CreateVouchers", Map.of("quantity", 1, "amount", "-1", "redeemBefore", later))))
                .isEqualTo("INVALID");
        assertThat(errorCode(mutate(admin, "tenant-portal/CreateVouchers", Map.of("quantity", 1, "amount", "5", "currency", "GBP",
                "redeemBefore", later)))).isEqualTo("INVALID_CURRENCY");
        assertThat(errorCode(mutate(admin, "tenant-portal/CreateVouchers", Map.of("quantity", 1, "amount", "5",
                "redeemBefore", LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString())))).isEqualTo("INVALID");
        assertThat(errorCode(mutate(admin, "tenant-portal/CreateVouchers", Map.of("quantity", 1, "amount", "5", "redeemBefore", "next week"))))
                .isEqualTo("INVALID");
        assertThat(graphQl().document(driver, "tenant-portal/CreateVouchers", Map.of("input", Map.of("quantity", 1, "amount", "5",
                "redeemBefore", later))).errorTypes()).containsExactly("FORBIDDEN");
        assertThat(graphQl().document(admin, "tenant-portal/Vouchers", Map.of()).data().path("vouchers").path("edges")).isEmpty();
    }

    /**
     * The first driver's redemption holds the voucher's row, uncommitted, while the second's is sent; once the second
     * waits on that row lock, the first commits: the second then finds the voucher redeemed.
     */
    @Test
    void twoDriversRacingForOneCodeRedeemItOnce() throws Exception {
        String code = createVouchers(1, "20.00").getFirst();
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> TenantContext.runAs(TenantScope.ofProfile(tenantId, profileId), () ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    vouchers.redeem(profileId, code);
                    firstHolds.countDown();
                    await(release);
                })), threads);
        assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<JsonNode> second = CompletableFuture.supplyAsync(() -> redeem(otherDriver, code), threads);
        awaitWaiters("transactionid", 1);
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        assertThat(errorCode(second.get(30, TimeUnit.SECONDS))).isEqualTo("ALREADY_USED");
        assertThat(balance()).isEqualTo("20.00");
        assertThat(graphQl().document(otherDriver, "driver-app/MyWallet", Map.of()).data().path("myWallet").path("balance").path("amount")
                .asString()).isEqualTo("0.00");

        // and two at once through the API, with no help: exactly one succeeds
        String contested = createVouchers(1, "7.00").getFirst();
        CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(() -> redeem(driver, contested), threads);
        CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(() -> redeem(otherDriver, contested), threads);
        List<JsonNode> answers = List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
        assertThat(answers.stream().filter(answer -> answer.path("userErrors").isEmpty()).count()).isEqualTo(1);
        assertThat(answers.stream().filter(answer -> !answer.path("userErrors").isEmpty()).map(WalletGraphQlIT::errorCode))
                .containsExactly("ALREADY_USED");
        assertThat(jdbcCount("select count(*) from ledger_transaction where kind = 'VOUCHER'")).isEqualTo(2);
    }

    /**
     * A wallet of 10.00 and two debits of 6.00: the first holds the driver's wallet lock, uncommitted, while the second
     * is sent; once the second waits on it, the first commits, and the second finds 4.00 left and is refused.
     * Then eight debits of 3.00 at once: three are paid, the wallet never goes below zero.
     */
    @Test
    void parallelDebitsNeverOverdrawTheWallet() throws Exception {
        assertThat(topUp(admin, "10.00", null, "Float").path("userErrors")).isEmpty();
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> TenantContext.runAs(TenantScope.of(tenantId), () ->
                new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    wallets.pay(profileId, Money.of("6.00", "EUR"), "wallet-test:1", null, "Session one");
                    firstHolds.countDown();
                    await(release);
                })), threads);
        assertThat(firstHolds.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> TenantContext.runAs(TenantScope.of(tenantId), () ->
                wallets.pay(profileId, Money.of("6.00", "EUR"), "wallet-test:2", null, "Session two")), threads);
        awaitWaiters("advisory", 1);
        release.countDown();
        first.get(30, TimeUnit.SECONDS);
        assertThat(second).failsWithin(Duration.ofSeconds(30)).withThrowableThat().havingRootCause()
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE));
        assertThat(balance()).isEqualTo("4.00");

        assertThat(topUp(admin, "5.00", null, "More float").path("userErrors")).isEmpty();
        List<CompletableFuture<Boolean>> debits = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            String key = "wallet-test:parallel:" + i;
            debits.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                try {
                    TenantContext.runAs(TenantScope.of(tenantId), () -> wallets.pay(profileId, Money.of("3.00", "EUR"), key, null, "Parallel"));
                    return true;
                } catch (DomainException e) {
                    assertThat(e.code()).isEqualTo(ErrorCode.INSUFFICIENT_BALANCE);
                    return false;
                }
            }, threads));
        }
        start.countDown();
        long paid = 0;
        for (CompletableFuture<Boolean> debit : debits) {
            paid += debit.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertThat(paid).isEqualTo(3);
        assertThat(balance()).isEqualTo("0.00");
        JsonNode entries = graphQl().document(driver, "driver-app/MyWallet", Map.of("first", 100)).data().path("myWallet").path("entries");
        entries.forEach(entry -> assertThat(new BigDecimal(entry.path("balanceAfter").asString())).isNotNegative());
        assertThat(entries.get(0).path("kind").asString()).isEqualTo("WALLET_PAYMENT");
        assertThat(entries.get(0).path("debit").asString()).isEqualTo("3.00");

        // a debit in another currency, or of nothing, is refused
        TenantContext.runAs(TenantScope.of(tenantId), () -> {
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(DomainException.class,
                    () -> wallets.pay(profileId, Money.of("1.00", "USD"), "wallet-test:usd", null, "Dollars")).code())
                    .isEqualTo(ErrorCode.INVALID_CURRENCY);
            assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(DomainException.class,
                    () -> wallets.pay(profileId, Money.of("0.00", "EUR"), "wallet-test:zero", null, "Nothing")).code())
                    .isEqualTo(ErrorCode.INVALID);
        });
    }

    @Test
    void theListingFiltersAndExportsWithCreatorAndDescription() {
        List<String> codes = createVouchers(3, "4.00");
        assertThat(redeem(driver, codes.get(2)).path("userErrors")).isEmpty();
        assertThat(topUp(admin, "1.00", null, "Goodwill").path("userErrors")).isEmpty();

        assertThat(listed(Map.of())).hasSize(4);
        assertThat(listed(Map.of("status", "AVAILABLE"))).hasSize(2);
        assertThat(listed(Map.of("status", "REDEEMED"))).hasSize(2);
        assertThat(listed(Map.of("kinds", List.of("VOUCHER"), "status", "REDEEMED"))).containsExactly(codes.get(2));
        assertThat(listed(Map.of("redeemedBy", profile))).hasSize(2);
        assertThat(listed(Map.of("createdFrom", Instant.now().plusSeconds(3600).toString()))).isEmpty();
        assertThat(listed(Map.of("redeemedFrom", Instant.now().minusSeconds(3600).toString(), "kinds", List.of("VOUCHER"))))
                .containsExactly(codes.get(2));
        GraphQl.Response firstPage = graphQl().document(admin, "tenant-portal/Vouchers", Map.of("first", 3));
        String after = firstPage.data().path("vouchers").path("pageInfo").path("endCursor").asString();
        assertThat(firstPage.data().path("vouchers").path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(graphQl().document(admin, "tenant-portal/Vouchers", Map.of("first", 3, "after", after)).data().path("vouchers")
                .path("edges")).hasSize(1);
        assertThat(graphQl().document(driver, "tenant-portal/Vouchers", Map.of()).errorTypes()).containsExactly("FORBIDDEN");

        GraphQl.Response csv = new GraphQl(baseUrl(), "/graphql/csv").document(admin, "tenant-portal/Vouchers", Map.of("first", 100));
        assertThat(csv.status()).as(csv.raw()).isEqualTo(200);
        List<String> rows = csv.raw().lines().toList();
        assertThat(rows.getFirst()).contains("code", "createdAt", "kind", "status", "redeemBefore", "redeemedAt", "amount", "createdBy", "description");
        assertThat(rows).hasSize(5);
        assertThat(String.join("\n", rows)).contains(codes.get(0), "Launch campaign", "Goodwill", tenant.clientId(), "OPERATOR_TOP_UP");
    }

    private List<String> listed(Map<String, Object> filter) {
        GraphQl.Response response = graphQl().document(admin, "tenant-portal/Vouchers", Map.of("filter", filter));
        assertThat(response.errors()).as(response.raw()).isEmpty();
        List<String> codes = new ArrayList<>();
        response.data().path("vouchers").path("edges").forEach(edge -> codes.add(edge.path("node").path("code").asString()));
        return codes;
    }

    private int jdbcCount(String sql) {
        return TenantContext.callAs(TenantScope.of(tenantId), () -> new TransactionTemplate(transactionManager).execute(status ->
                jdbc.sql(sql).query(Integer.class).single()));
    }

    /**
     * Waits until {@code count} lock requests of the type wait: {@code transactionid} for a row another transaction
     * updated (such locks name no database), {@code advisory} for the wallet lock (in this database).
     */
    private void awaitWaiters(String lockType, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.sql("""
                        select count(*) from pg_locks where not granted and locktype = ?
                        and (database = (select oid from pg_database where datname = current_database()) or locktype = 'transactionid')""")
                .param(lockType).query(Integer.class).single() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no second transaction came to wait on the first's lock");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
