/**
 * The Helm chart as an operator meets it: linted and rendered by Helm itself (helm-java embeds Helm's Go library),
 * with the default values, the production-like example and the README's values, every rendered manifest checked
 * against the Kubernetes API's schemas, and bad values refused with a message that names them.
 */
package io.chargebase.charts;
