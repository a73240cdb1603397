/**
 * What an operator sees of a running instance besides its API: the tenant fields every log line carries (and that
 * follow a request onto the threads GraphQL fetches on), structured JSON logs outside local mode, GraphQL timings by a
 * bounded operation name, the rules that keep the metrics' labels bounded, and JDBC observed only within recorded traces. Metrics and the actuator are served on
 * the management port only; traces go out over OTLP once an endpoint is configured.
 */
package io.chargebase.api.observability;
