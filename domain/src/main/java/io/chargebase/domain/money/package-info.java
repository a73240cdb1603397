/**
 * Money, exactly: amounts are {@link java.math.BigDecimal} tied to their currency, rounded to the currency's
 * scale only where money changes hands, converted to minor units at the payment edge, and shown both without and
 * with VAT. Pure Java, for rating and billing.
 */
package io.chargebase.domain.money;
