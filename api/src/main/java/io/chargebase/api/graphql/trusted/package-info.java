/**
 * Trusted documents (ARCHITECTURE §4): the operation documents of {@code ui-contracts}, read from the classpath at
 * start-up into a manifest keyed by the SHA-256 of each document's text and served at
 * {@code GET /graphql/trusted-documents} (Apollo's persisted-query manifest format). A request names a document by
 * hash in {@code extensions.persistedQuery.sha256Hash}, with or without its text. Callers signed in through a public
 * client (the driver app; their access tokens carry {@code public_client}) run only these documents, unless they hold a
 * staff role; staff and integrations send any document. {@code chargebase.graphql.trusted-documents.enforce=false}
 * lifts the restriction (documents by hash still work).
 */
package io.chargebase.api.graphql.trusted;
