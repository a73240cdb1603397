/**
 * The HTTP edge shared by every endpoint: which peers are proxies whose {@code X-Forwarded-*} and {@code Forwarded}
 * headers are believed ({@code chargebase.http.trusted-proxies}), and which host names are the platform's own
 * ({@code chargebase.http.platform-hosts}), so that no tenant's white-label host can take them over. Issuer URLs and
 * discovery documents are built from the request, so a header from anyone else must never reach them. The client
 * address that rate limits count is read from {@code X-Forwarded-For} only as far as trusted proxies wrote it, and
 * request bodies are capped ({@link io.chargebase.api.http.RequestSizeLimit}) before anything reads them.
 */
package io.chargebase.api.http;
