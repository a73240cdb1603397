package io.chargebase.api.graphql.billing;

import java.math.BigDecimal;

/** GraphQL's LedgerBalance: an account's balance at the currency's precision. */
public record LedgerBalance(BigDecimal amount, String currency) {
}
