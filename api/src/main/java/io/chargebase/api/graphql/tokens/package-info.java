/** GraphQL for tokens: list, issue, block and unblock, with each token's history. */
package io.chargebase.api.graphql.tokens;
