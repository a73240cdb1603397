package io.chargebase.api.database;

import org.springframework.stereotype.Component;

import io.chargebase.domain.tokens.TokenAuthorisations;
import io.chargebase.domain.tokens.TokenChanged;

/** Token changes made on any instance drop the token from this instance's authorisation cache. */
@Component
class TokenChangeListener {

    TokenChangeListener(PostgresNotifications notifications, TokenAuthorisations authorisations) {
        notifications.subscribe(TokenChanged.CHANNEL, payload -> TokenChanged.fromPayload(payload).ifPresent(authorisations::forget));
    }
}
