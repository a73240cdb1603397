package io.chargebase.api.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.chargebase.api.database.DatabaseTarget;

/**
 * Says at start, outside local mode, that no mail leaves this instance: without {@code spring.mail.host} messages
 * only wait in the outbox, and drivers never see their sign-up or reset codes.
 */
@Component
@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
class NoDeliveryNotice {

    private static final Logger log = LoggerFactory.getLogger(NoDeliveryNotice.class);

    private final DatabaseTarget database;

    NoDeliveryNotice(DatabaseTarget database) {
        this.database = database;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        if (!database.local()) {
            log.warn("No spring.mail.host: mail waits in outbound_mail and is not delivered (README, Configuration)");
        }
    }
}
