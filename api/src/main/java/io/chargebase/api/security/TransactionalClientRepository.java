package io.chargebase.api.security;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Runs every call of the JDBC client repository in a transaction, which is where the current tenant reaches the
 * database: each issuer sees only its own clients.
 */
class TransactionalClientRepository implements RegisteredClientRepository {

    private final RegisteredClientRepository delegate;
    private final TransactionTemplate transactions;

    TransactionalClientRepository(RegisteredClientRepository delegate, PlatformTransactionManager transactionManager) {
        this.delegate = delegate;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        transactions.executeWithoutResult(status -> delegate.save(registeredClient));
    }

    @Override
    public RegisteredClient findById(String id) {
        return transactions.execute(status -> delegate.findById(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return transactions.execute(status -> delegate.findByClientId(clientId));
    }
}
