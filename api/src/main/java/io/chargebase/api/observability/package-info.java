/**
 * What an operator sees of a running instance besides its API: the tenant fields every log line carries (and that
 * follow a request onto the threads GraphQL fetches on), structured JSON logs outside local mode, GraphQL timings by a
 * bounded operation name, and the rules that keep the metrics' labels bounded. Metrics and the actuator are served on
 * the management port only; traces go out over OTLP once an endpoint is configured.
 */
package io.chargebase.api.observability;
