package io.chargebase.domain.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.identity.internal.AccountTokenRows;
import io.chargebase.domain.organisation.NewProfile;
import io.chargebase.domain.organisation.OrganisationUnits;
import io.chargebase.domain.organisation.Profile;
import io.chargebase.domain.organisation.Profiles;

/**
 * What people do with their own accounts, before and around signing in: drivers sign up, everyone verifies their
 * e-mail address and resets a forgotten password. Each step mails a single-use code that expires; only its hash is
 * stored.
 */
@Service
@Transactional
public class Accounts {

    public static final Duration VERIFICATION_VALIDITY = Duration.ofHours(24);
    public static final Duration RESET_VALIDITY = Duration.ofHours(1);
    public static final Duration INVITATION_VALIDITY = Duration.ofDays(3);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final Profiles profiles;
    private final OrganisationUnits units;
    private final AccountTokenRows tokens;
    private final Mailer mailer;
    private final Clock clock;

    Accounts(Users users, Profiles profiles, OrganisationUnits units, AccountTokenRows tokens, Mailer mailer, Clock clock) {
        this.users = users;
        this.profiles = profiles;
        this.units = units;
        this.tokens = tokens;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** A driver signs up at a tenant that asks for no terms. */
    public User signUpDriver(String email, String name, String password, String phone, String tenantName) {
        return signUpDriver(email, name, password, phone, tenantName, null, null);
    }

    /**
     * A driver signs up: a profile in the root unit, a driver account, and a verification mail. When the tenant has
     * terms ({@code currentTerms}, its version), the driver must have accepted exactly that version, which the account
     * records with the time; without it nothing is created.
     */
    public User signUpDriver(String email, String name, String password, String phone, String tenantName, String acceptedTerms,
            String currentTerms) {
        if (currentTerms != null) {
            String accepted = acceptedTerms == null ? null : acceptedTerms.strip();
            if (accepted == null || accepted.isEmpty()) {
                throw new DomainException(ErrorCode.REQUIRED, "acceptedTermsVersion",
                        "Accept the terms (version " + currentTerms + ") to sign up.");
            }
            if (!accepted.equals(currentTerms)) {
                throw new DomainException(ErrorCode.INVALID, "acceptedTermsVersion",
                        "The terms are now version " + currentTerms + "; accept that version to sign up.");
            }
        }
        PasswordPolicy.check("password", password, email);
        Profile profile = profiles.create(new NewProfile(units.root().id(), name, email, phone, null));
        User user = users.create(new NewUser(email, name, UserRole.DRIVER, null, profile.id(), password));
        if (currentTerms != null) {
            users.recordAcceptedTerms(user.id(), currentTerms);
        }
        Issued code = issue(user, AccountTokenRows.Purpose.VERIFY_EMAIL, VERIFICATION_VALIDITY);
        mailer.send(code.mail(user.email(), "Confirm your e-mail address for " + tenantName,
                "Welcome to " + tenantName + ", " + user.name() + ".\n\nYour confirmation code: " + Mail.CODE
                        + "\n\nIt is valid for 24 hours. If you did not sign up, ignore this message."));
        return user;
    }

    /**
     * An administrator adds a user. Given a password, the administrator vouches for the address; without one, the
     * user is mailed an invitation code with which they choose their password.
     */
    public User provision(NewUser request, String tenantName) {
        User user = users.create(request);
        if (request.password() == null) {
            invite(user, tenantName);
        } else {
            users.markEmailVerified(user.id());
        }
        return users.find(user.id()).orElseThrow();
    }

    /** Mails a new user a code with which they choose their password (and so confirm their address). */
    public void invite(User user, String tenantName) {
        Issued code = issue(user, AccountTokenRows.Purpose.RESET_PASSWORD, INVITATION_VALIDITY);
        mailer.send(code.mail(user.email(), "Your account at " + tenantName,
                "Hello " + user.name() + ",\n\nan account at " + tenantName + " was made for you. Choose your password with this code: "
                        + Mail.CODE + "\n\nIt is valid for 3 days."));
    }

    public User verifyEmail(String code) {
        UUID userId = redeem(code, AccountTokenRows.Purpose.VERIFY_EMAIL);
        users.markEmailVerified(userId);
        return users.find(userId).orElseThrow();
    }

    /**
     * Mails a reset code when the address belongs to an account; says nothing either way, so nobody learns which
     * addresses have accounts.
     */
    public void requestPasswordReset(String email, String tenantName) {
        Optional<User> user = email == null ? Optional.empty() : users.findByEmail(email.strip());
        user.filter(found -> found.status() == UserStatus.ACTIVE).ifPresent(found -> {
            Issued code = issue(found, AccountTokenRows.Purpose.RESET_PASSWORD, RESET_VALIDITY);
            mailer.send(code.mail(found.email(), "Reset your password for " + tenantName,
                    "Hello " + found.name() + ",\n\nyour password-reset code: " + Mail.CODE
                            + "\n\nIt is valid for one hour. If you did not ask for it, ignore this message; your password stays as it is."));
        });
    }

    /** Sets a new password with a reset code; proves the mailbox too, so the address counts as verified. */
    public User resetPassword(String code, String newPassword) {
        Optional<AccountTokenRows.Token> token = tokens.find(hash(code));
        if (token.isPresent()) {
            User user = users.find(token.get().userId()).orElseThrow();
            PasswordPolicy.check("newPassword", newPassword, user.email());
        }
        UUID userId = redeem(code, AccountTokenRows.Purpose.RESET_PASSWORD);
        users.setPassword(userId, newPassword);
        users.markEmailVerified(userId);
        return users.find(userId).orElseThrow();
    }

    private Issued issue(User user, AccountTokenRows.Purpose purpose, Duration validity) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = clock.instant().plus(validity);
        if (purpose == AccountTokenRows.Purpose.RESET_PASSWORD) {
            // a reset code mailed earlier may sit in a mailbox someone else reads; only the newest one works
            tokens.endUnused(user.id(), purpose, clock.instant());
        }
        tokens.insert(hash(code), user.id(), purpose, expiresAt);
        return new Issued(code, expiresAt);
    }

    /** A code just issued; the mail that carries it keeps it apart from its text (see {@link Mail}). */
    private record Issued(String code, Instant expiresAt) {

        Mail mail(String recipient, String subject, String body) {
            return new Mail(recipient, subject, body, code, expiresAt);
        }
    }

    private UUID redeem(String code, AccountTokenRows.Purpose purpose) {
        Instant now = clock.instant();
        AccountTokenRows.Token token = (code == null || code.isBlank() ? Optional.<AccountTokenRows.Token>empty() : tokens.find(hash(code.strip())))
                .filter(found -> found.purpose() == purpose)
                .orElseThrow(() -> new DomainException(ErrorCode.INVALID, "token", "This code is not valid."));
        if (token.usedAt() != null) {
            throw new DomainException(ErrorCode.INVALID, "token", "This code has been used already.");
        }
        if (!token.expiresAt().isAfter(now)) {
            throw new DomainException(ErrorCode.EXPIRED, "token", "This code has expired; ask for a new one.");
        }
        tokens.markUsed(token.tokenHash(), now);
        return token.userId();
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
