package io.chargebase.domain.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Text;
import io.chargebase.domain.identity.internal.PlatformUserRows;
import io.chargebase.domain.organisation.EmailAddress;

/** The platform operator's staff. Works in platform scope only; row-level security hides the table elsewhere. */
@Service
@Transactional
public class PlatformUsers {

    private final PlatformUserRows rows;
    private final PasswordHashing hashing;
    private final Clock clock;
    private final TransactionTemplate lookup;
    private final TransactionTemplate outcome;
    private volatile String decoyHash;

    PlatformUsers(PlatformUserRows rows, PasswordHashing hashing, Clock clock, PlatformTransactionManager transactionManager) {
        this.lookup = new TransactionTemplate(transactionManager);
        this.lookup.setReadOnly(true);
        this.outcome = new TransactionTemplate(transactionManager);
        this.rows = rows;
        this.hashing = hashing;
        this.clock = clock;
    }

    public PlatformUser create(String email, String name, String password) {
        EmailAddress address = EmailAddress.parse("email", email);
        String hash = hashing.hash(PasswordPolicy.check("password", password, address.value()));
        try {
            return rows.insert(UUID.randomUUID(), address.value(), Text.required("name", name, 200), hash);
        } catch (DuplicateKeyException duplicate) {
            throw new DomainException(ErrorCode.DUPLICATE, "email", "Another platform user already has this e-mail address.");
        }
    }

    @Transactional(readOnly = true)
    public Optional<PlatformUser> find(UUID id) {
        return rows.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<PlatformUser> findByEmail(String email) {
        return rows.credentials(email).map(PlatformUserRows.Credentials::user);
    }

    /** As {@link Users#authenticate}: the hash is checked while no transaction holds a connection. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public LoginResult authenticate(String email, String password) {
        Instant now = clock.instant();
        Optional<PlatformUserRows.Credentials> found = email == null ? Optional.empty()
                : lookup.execute(status -> rows.credentials(email.strip()));
        if (found.isEmpty()) {
            hashing.matches(password == null ? "" : password, decoy());
            return new LoginResult.BadCredentials();
        }
        PlatformUserRows.Credentials credentials = found.get();
        if (LoginThrottle.isLocked(credentials.lockedUntil(), now)) {
            // as slow as a password check, so a lock cannot be told from a wrong password by the time it takes
            hashing.matches(password == null ? "" : password, decoy());
            return new LoginResult.Locked(credentials.lockedUntil());
        }
        if (password == null || credentials.passwordHash() == null || !hashing.matches(password, credentials.passwordHash())) {
            outcome.executeWithoutResult(status -> rows.recordFailure(credentials.user().id(),
                    LoginThrottle.lockAfter(credentials.failedLogins(), now)));
            return new LoginResult.BadCredentials();
        }
        if (credentials.user().status() == UserStatus.DISABLED) {
            return new LoginResult.Disabled();
        }
        outcome.executeWithoutResult(status -> rows.clearFailures(credentials.user().id()));
        return new LoginResult.PlatformSuccess(credentials.user());
    }

    /** A hash to check unknown addresses against, so they take as long as known ones. */
    private String decoy() {
        if (decoyHash == null) {
            decoyHash = hashing.hash(UUID.randomUUID().toString());
        }
        return decoyHash;
    }
}
