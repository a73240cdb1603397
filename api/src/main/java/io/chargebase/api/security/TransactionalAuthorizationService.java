package io.chargebase.api.security;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Like {@link TransactionalClientRepository}, for issued authorizations and their tokens. */
class TransactionalAuthorizationService implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;
    private final TransactionTemplate transactions;

    TransactionalAuthorizationService(OAuth2AuthorizationService delegate, PlatformTransactionManager transactionManager) {
        this.delegate = delegate;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        transactions.executeWithoutResult(status -> delegate.save(authorization));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        transactions.executeWithoutResult(status -> delegate.remove(authorization));
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return transactions.execute(status -> delegate.findById(id));
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return transactions.execute(status -> delegate.findByToken(token, tokenType));
    }
}
