/** The receipts context's SQL: company details, receipts and their lines, the per-tenant number counters. */
package io.chargebase.domain.receipts.internal;
