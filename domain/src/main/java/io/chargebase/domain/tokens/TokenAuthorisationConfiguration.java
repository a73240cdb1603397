package io.chargebase.domain.tokens;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** The authorisation cache over the tokens table, emptied of a token once its change is committed. */
@Configuration(proxyBeanMethods = false)
class TokenAuthorisationConfiguration {

    @Bean
    TokenAuthorisations tokenAuthorisations(Tokens tokens, Clock clock) {
        return new TokenAuthorisations((tenant, uid) -> TenantContext.callAs(TenantScope.of(tenant), () -> tokens.findByUid(uid)), clock);
    }

    @Bean
    Invalidation tokenAuthorisationInvalidation(TokenAuthorisations authorisations) {
        return new Invalidation(authorisations);
    }

    static class Invalidation {

        private final TokenAuthorisations authorisations;

        Invalidation(TokenAuthorisations authorisations) {
            this.authorisations = authorisations;
        }

        @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
        void on(TokenChanged change) {
            authorisations.forget(change);
        }
    }
}
