/**
 * The first run against a configured database: there are no demo credentials outside local mode, so the operator
 * hands in, once, the first platform administrator (e-mail and password), a platform client for automation (client
 * id and secret) and optionally the redirect URIs of the platform console, through {@code chargebase.bootstrap.*}
 * (in Kubernetes from a Secret, given to the migration job). The bootstrap creates them in one transaction with a
 * marker row; from then on it never acts again, whatever settings it is given, so no default or leftover password
 * can ever be (re)created.
 */
package io.chargebase.api.bootstrap;
