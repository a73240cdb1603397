package io.chargebase.domain.identity;

/** A message to one person. */
public record Mail(String recipient, String subject, String body) {
}
