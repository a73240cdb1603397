/**
 * Identity at the edge. Every tenant is an OAuth2 issuer at {@code /t/{slug}} and the platform operator one at
 * {@code /platform}; {@link io.chargebase.api.security.IssuerScopeFilter} turns the issuer path of an
 * authorization-server request into the tenant scope its clients, authorizations and keys are read in. On the
 * API side, {@link io.chargebase.api.security.IssuerJwtDecoder} accepts a token only when it is signed with the
 * key of the issuer it names and carries that issuer's tenant, and
 * {@link io.chargebase.api.security.RequestScopeFilter} makes the token's tenant the scope of the request. Nothing
 * stored here works if read from the database: token values are kept as SHA-256
 * ({@link io.chargebase.api.security.HashedTokenAuthorizationService}) and private keys sealed
 * ({@link io.chargebase.api.security.SigningKeys}, which also rotates them and retires the old ones on every replica).
 */
package io.chargebase.api.security;
