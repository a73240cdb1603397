package io.chargebase.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.charging.MspCdr;
import io.chargebase.domain.money.Money;

class PostingTest {

    private static final UUID DRIVER = UUID.randomUUID();

    private static Posting aPayment() {
        return Posting.of("payment:pi_1", LedgerTransactionKind.PAYMENT, DRIVER, null, "pi_1", "Card payment", Instant.now());
    }

    @Test
    void debitsArePositiveCreditsNegativeAndTheDriversAccountNamesTheDriver() {
        Posting posting = aPayment().debit(LedgerAccount.STRIPE_CLEARING, Money.of("8.47", "EUR"))
                .credit(LedgerAccount.DRIVER_RECEIVABLE, Money.of("8.47", "EUR")).validated();
        assertThat(posting.entries()).extracting(Posting.Entry::amount).containsExactly(Money.of("8.47", "EUR"), Money.of("-8.47", "EUR"));
        assertThat(posting.entries()).extracting(Posting.Entry::profileId).containsExactly(null, DRIVER);
    }

    @Test
    void refusesZeroNegativeAndSubCentAmounts() {
        for (String amount : List.of("0", "0.00", "-1.00", "1.005")) {
            assertThatThrownBy(() -> aPayment().debit(LedgerAccount.STRIPE_CLEARING, Money.of(amount, "EUR")))
                    .as(amount).isInstanceOf(DomainException.class);
        }
        assertThatThrownBy(() -> aPayment().debit(LedgerAccount.STRIPE_CLEARING, Money.of("1.5", "JPY"))).isInstanceOf(DomainException.class);
    }

    @Test
    void refusesUnbalancedOneLeggedAndKeylessPostings() {
        assertThatThrownBy(() -> aPayment().debit(LedgerAccount.STRIPE_CLEARING, Money.of("8.47", "EUR"))
                .credit(LedgerAccount.DRIVER_RECEIVABLE, Money.of("8.46", "EUR")).validated())
                .isInstanceOf(DomainException.class).hasMessageContaining("0.01 EUR");
        // balanced in sum, not per currency
        assertThatThrownBy(() -> aPayment().debit(LedgerAccount.STRIPE_CLEARING, Money.of("5.00", "EUR"))
                .credit(LedgerAccount.DRIVER_RECEIVABLE, Money.of("5.00", "USD")).validated())
                .isInstanceOf(DomainException.class).hasMessageContaining("do not balance");
        assertThatThrownBy(() -> aPayment().debit(LedgerAccount.STRIPE_CLEARING, Money.of("5.00", "EUR")).validated())
                .isInstanceOf(DomainException.class).hasMessageContaining("two entries");
        assertThatThrownBy(() -> Posting.of(" ", LedgerTransactionKind.PAYMENT, DRIVER, null, null, "x", Instant.now())
                .debit(LedgerAccount.STRIPE_CLEARING, Money.of("1.00", "EUR")).credit(LedgerAccount.REVENUE, Money.of("1.00", "EUR")).validated())
                .isInstanceOf(DomainException.class).hasMessageContaining("idempotency key");
        assertThatThrownBy(() -> Posting.of("k", LedgerTransactionKind.PAYMENT, null, null, null, "x", Instant.now())
                .debit(LedgerAccount.DRIVER_RECEIVABLE, Money.of("1.00", "EUR")).credit(LedgerAccount.REVENUE, Money.of("1.00", "EUR")).validated())
                .isInstanceOf(DomainException.class).hasMessageContaining("profile");
    }

    @Test
    void aRatedSessionOwesItsTotalAtTheCurrencysPrecisionSplitIntoRevenueAndVat() {
        UUID session = UUID.randomUUID();
        Posting posting = SessionBilling.postingOf(session, cdr(DRIVER, "7.0049", "8.4759")).validated();
        assertThat(posting.idempotencyKey()).isEqualTo("session:" + session);
        assertThat(posting.entries()).containsExactly(
                new Posting.Entry(LedgerAccount.DRIVER_RECEIVABLE, DRIVER, Money.of("8.48", "EUR")),
                new Posting.Entry(LedgerAccount.REVENUE, null, Money.of("-7.00", "EUR")),
                new Posting.Entry(LedgerAccount.VAT_PAYABLE, null, Money.of("-1.48", "EUR")));
        assertThat(SessionBilling.postingOf(session, cdr(DRIVER, "5.00", "5.00")).validated().entries()).hasSize(2);
        assertThat(SessionBilling.postingOf(session, cdr(DRIVER, "0.0000", "0.0040"))).as("rounds to nothing").isNull();
        assertThat(SessionBilling.postingOf(session, cdr(null, "7.00", "8.47"))).as("no driver").isNull();
    }

    private static MspCdr cdr(UUID profile, String excl, String incl) {
        Instant end = Instant.parse("2026-01-01T10:00:00Z");
        return new MspCdr(UUID.randomUUID(), "TX-1-1", UUID.randomUUID(), 1, profile, UUID.randomUUID(), UUID.randomUUID(), 1, "default",
                Currency.getInstance("EUR"), List.of(), BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal(excl), new BigDecimal(incl),
                new BigDecimal(incl).setScale(2, java.math.RoundingMode.HALF_UP), end.minusSeconds(3600), end, end, "ocpp", null);
    }

    /** The transaction as the ledger would read the posting back. */
    private static LedgerTransaction asPosted(Posting posting) {
        Posting valid = posting.validated();
        return new LedgerTransaction(UUID.randomUUID(), valid.idempotencyKey(), valid.kind(), valid.profileId(), valid.sessionId(),
                valid.reference(), valid.description(), Instant.now(), Instant.now(), valid.entries());
    }

    @Test
    void aCorrectedSessionPostsTheDifferenceToWhatItWasChargedOncePerVersionUpOrDown() {
        UUID session = UUID.randomUUID();
        LedgerTransaction first = asPosted(SessionBilling.postingOf(session, cdr(DRIVER, "4.00", "4.84")));
        // 5.90 excl., 7.139 incl. VAT: 2.30 more owed, 1.90 more revenue, 0.40 more VAT
        MspCdr more = cdr(DRIVER, "5.90", "7.139");
        Posting up = SessionCorrections.correctionOf(session, more, List.of(first)).validated();
        assertThat(up.idempotencyKey()).isEqualTo("session-correction:" + more.id());
        assertThat(up.kind()).isEqualTo(LedgerTransactionKind.SESSION_CORRECTION);
        assertThat(up.entries()).containsExactlyInAnyOrder(
                new Posting.Entry(LedgerAccount.DRIVER_RECEIVABLE, DRIVER, Money.of("2.30", "EUR")),
                new Posting.Entry(LedgerAccount.REVENUE, null, Money.of("-1.90", "EUR")),
                new Posting.Entry(LedgerAccount.VAT_PAYABLE, null, Money.of("-0.40", "EUR")));
        assertThat(SessionCorrections.owedMore(up)).isEqualTo(Money.of("2.30", "EUR"));
        assertThat(SessionCorrections.correctionOf(session, more, List.of(first, asPosted(up)))).as("nothing left to correct").isNull();

        // a third version below the first: the difference to both postings comes back to the wallet
        MspCdr less = cdr(DRIVER, "3.00", "3.63");
        Posting down = SessionCorrections.correctionOf(session, less, List.of(first, asPosted(up))).validated();
        assertThat(down.entries()).containsExactlyInAnyOrder(
                new Posting.Entry(LedgerAccount.DRIVER_WALLET, DRIVER, Money.of("-3.51", "EUR")),
                new Posting.Entry(LedgerAccount.REVENUE, null, Money.of("2.90", "EUR")),
                new Posting.Entry(LedgerAccount.VAT_PAYABLE, null, Money.of("0.61", "EUR")));
        assertThat(SessionCorrections.owedMore(down).amount().signum()).isZero();
        assertThat(SessionCorrections.correctionOf(session, less, List.of(first, asPosted(up), asPosted(down)))).isNull();
        assertThat(SessionCorrections.correctionOf(session, cdr(DRIVER, "4.00", "4.84"), List.of(first))).as("the same price").isNull();
    }
}
