/** Receipts, company details and receipt settings over GraphQL. */
package io.chargebase.api.graphql.receipts;
