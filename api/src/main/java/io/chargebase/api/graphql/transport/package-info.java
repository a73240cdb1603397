/**
 * GraphQL over HTTP as clients expect it before a document runs: requests the endpoint cannot take (another method,
 * another content type, a body that is not JSON) are answered with the status the GraphQL-over-HTTP specification
 * names and a GraphQL-shaped body ({@code {"errors":[{"message":…}]}}) that says what to send instead, so that a
 * client library shows the reason rather than an empty 4xx. The graphql-http audit (GraphQlHttpAuditIT) holds it to
 * every MUST and SHOULD. GraphiQL's page is served here too, from the assets the {@code graphiql} module bundles.
 */
package io.chargebase.api.graphql.transport;
