package io.chargebase.api.security;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Component;

import io.chargebase.domain.identity.LoginResult;
import io.chargebase.domain.identity.PlatformUsers;
import io.chargebase.domain.identity.Users;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** Signs a person in at the issuer the current request is for: a tenant's users, or the platform's staff. */
@Component
public class UserLogin {

    private final Users users;
    private final PlatformUsers platformUsers;

    UserLogin(Users users, PlatformUsers platformUsers) {
        this.users = users;
        this.platformUsers = platformUsers;
    }

    public Authentication authenticate(String email, String password) {
        TenantScope scope = TenantContext.current();
        LoginResult result = switch (scope) {
            case TenantScope.OfTenant tenant -> users.authenticate(email, password);
            case TenantScope.Platform platform -> platformUsers.authenticate(email, password);
            case TenantScope.Nobody nobody -> new LoginResult.BadCredentials();
        };
        return switch (result) {
            case LoginResult.Success(var user) -> authenticated(
                    Principals.tenantUser(TenantContext.requireTenant(), user.id()), Role.of(user.role()));
            case LoginResult.PlatformSuccess(var user) -> authenticated(Principals.platformUser(user.id()), Role.PLATFORM_ADMIN);
            // locked, disabled and wrong all read alike: a stranger must not learn that an address has an account
            case LoginResult.Locked locked -> throw new LockedException(SignInFailure.FAILED.message());
            case LoginResult.Disabled disabled -> throw new DisabledException(SignInFailure.FAILED.message());
            case LoginResult.BadCredentials bad -> throw new BadCredentialsException(SignInFailure.FAILED.message());
            // only after the right password: the person then knows the account exists anyway
            case LoginResult.Unverified unverified -> throw new SignInFailure.Unverified();
        };
    }

    private static Authentication authenticated(String principalName, Role role) {
        // the password factor, with its time: OIDC's auth_time claim is read from it
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(role.authority()),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(Instant.now()).build());
        User principal = new User(principalName, "", authorities);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }
}
