package io.chargebase.api.database;

/**
 * The PostgreSQL Chargebase works in, with the credentials that migrate it.
 *
 * @param local true when it is the embedded server of local mode, which alone gets demo data and demo credentials
 */
public record DatabaseTarget(String url, String username, String password, boolean local) {
}
