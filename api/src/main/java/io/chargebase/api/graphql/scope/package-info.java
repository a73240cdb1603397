/**
 * The field-level policy for the roles narrowed below the tenant. {@code OperationPolicy} says who may call a root field;
 * {@link io.chargebase.api.graphql.scope.FieldPolicy} says, for every field a driver or an OU admin can reach through
 * one, whether they get it as it is, narrowed by row-level security, refused (null, or an empty list or page, with a
 * FORBIDDEN error at that path; where the schema makes a field non-null, GraphQL nulls its parent instead), or redacted,
 * and which Node types a driver may resolve at all. {@link io.chargebase.api.graphql.scope.FieldPolicyInstrumentation}
 * enforces it, deciding once per field definition. OU admins get the actions log, the communication log and payloads
 * through {@link io.chargebase.api.graphql.scope.OcppRedaction}: idTags of tokens outside their subtree (or of no token)
 * are masked, because a cloned UID charges on someone else's card; local authorisation lists, the values of
 * configuration keys that hold secrets (AuthorizationKey, passwords), DataTransfer data and the credentials in file
 * server addresses are withheld, because they are the tenant's keys rather than their subtree's data.
 */
package io.chargebase.api.graphql.scope;
