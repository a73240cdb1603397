package io.chargebase.api.bootstrap;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the operator hands in for the first run; nothing has a default that could sign in.
 *
 * @param adminEmail          the first platform administrator's e-mail address (their sign-in name at /platform)
 * @param adminName           their display name
 * @param adminPassword       their password, held to the password policy; they keep it or change it after signing in
 * @param clientId            a platform client using the client-credentials grant, acting as platform admin
 * @param clientSecret        its secret, at least {@value FirstRunBootstrap#MIN_SECRET_LENGTH} characters
 * @param consoleClientId     the platform console's public client (authorization code with PKCE), registered when
 *                            {@code consoleRedirectUris} are given
 * @param consoleRedirectUris where the console receives its authorization codes
 */
@ConfigurationProperties("chargebase.bootstrap")
public record BootstrapProperties(
        String adminEmail,
        @DefaultValue("Platform administrator") String adminName,
        String adminPassword,
        String clientId,
        String clientSecret,
        @DefaultValue("platform-console") String consoleClientId,
        List<String> consoleRedirectUris) {

    static final String PREFIX = "chargebase.bootstrap.";

    public BootstrapProperties {
        consoleRedirectUris = consoleRedirectUris == null ? List.of()
                : consoleRedirectUris.stream().map(String::strip).filter(uri -> !uri.isEmpty()).toList();
    }

    /** Whether the operator asked for a bootstrap at all: any of its settings is given. */
    boolean requested() {
        return given(adminEmail) || given(adminPassword) || given(clientId) || given(clientSecret) || !consoleRedirectUris.isEmpty();
    }

    /** The settings a requested bootstrap cannot do without, by their property names. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!given(adminEmail)) {
            missing.add(PREFIX + "admin-email");
        }
        if (!given(adminPassword)) {
            missing.add(PREFIX + "admin-password");
        }
        if (!given(clientId)) {
            missing.add(PREFIX + "client-id");
        }
        if (!given(clientSecret)) {
            missing.add(PREFIX + "client-secret");
        }
        return missing;
    }

    boolean withConsole() {
        return !consoleRedirectUris.isEmpty();
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
