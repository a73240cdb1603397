package io.chargebase.api.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.nimbusds.jwt.SignedJWT;

import io.chargebase.api.ChargebaseApplication;
import io.chargebase.api.command.MigrateCommand;
import io.chargebase.api.support.Browser;
import io.chargebase.api.support.FreshDatabase;
import io.chargebase.api.support.GraphQl;
import io.chargebase.api.support.Tokens;

/**
 * The operator's first run against their own (non-local) database: the migration job is given the first platform
 * administrator and client once; they work; every later run, whatever it is given, changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapIT {

    private static final String EMAIL = "ops@operator.example";
    private static final String PASSWORD = "first run, then changed";
    private static final String CLIENT = "platform-automation";
    private static final String SECRET = "0123456789abcdefghijklmnopqrstuvwxyzABCD";
    private static final String CONSOLE_REDIRECT = "http://localhost:3002/callback";

    @Test
    void theFirstRunCreatesTheAdministratorAndClientAndASecondRunChangesNothing(CapturedOutput output) throws Exception {
        try (FreshDatabase database = FreshDatabase.create()) {
            assertThat(MigrateCommand.run(migrate(database, EMAIL, PASSWORD, CLIENT, SECRET, "--chargebase.bootstrap.console-redirect-uris="
                    + CONSOLE_REDIRECT))).isZero();
            assertThat(output).contains("Bootstrap: created platform administrator " + EMAIL + " and platform client " + CLIENT)
                    .doesNotContain(PASSWORD).doesNotContain(SECRET);

            String otherSecret = "another-secret-another-secret-another-secret";
            assertThat(MigrateCommand.run(migrate(database, "someone@else.example", "a different password", "other-client", otherSecret))).isZero();
            assertThat(output).contains("Bootstrap: already done on").contains("nothing changed");
            assertThat(database.queryAsOwner("select count(*) from platform_user", Long.class))
                    .as("platform_user is hidden from the owner too (forced RLS) unless the scope is platform").isZero();
            assertThat(platformRows(database, "platform_user")).isEqualTo(1);
            assertThat(platformRows(database, "oauth2_registered_client")).as("the client and the console").isEqualTo(2);

            // a replica given the same settings (a single instance run with them by hand) changes nothing either
            try (ConfigurableApplicationContext serving = serve(database, "--chargebase.bootstrap.admin-email=someone@else.example",
                    "--chargebase.bootstrap.admin-password=yet another password", "--chargebase.bootstrap.client-id=third-client",
                    "--chargebase.bootstrap.client-secret=" + otherSecret)) {
                String base = "http://localhost:" + serving.getEnvironment().getProperty("local.server.port");
                Tokens tokens = new Tokens(base);
                String platform = tokens.clientCredentials("/platform", CLIENT, SECRET);
                assertThat(new GraphQl(base).document(platform, "platform-console/Tenants", Map.of()).errorTypes()).isEmpty();
                assertThat(tokens.request("/platform", "other-client", otherSecret).status()).isEqualTo(401);
                assertThat(tokens.request("/platform", "third-client", otherSecret).status()).isEqualTo(401);

                Browser browser = new Browser(base);
                Browser.Pkce pkce = Browser.Pkce.create();
                String code = browser.authorizationCode("/platform", "platform-console", CONSOLE_REDIRECT, pkce, EMAIL, PASSWORD);
                GraphQl.Response signedIn = browser.exchangeCode("/platform", "platform-console", null, code, CONSOLE_REDIRECT, pkce);
                String access = signedIn.json().path("access_token").asString();
                assertThat(SignedJWT.parse(access).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("PLATFORM_ADMIN");
                assertThat(new GraphQl(base).document(access, "platform-console/Tenants", Map.of()).errorTypes()).isEmpty();
            }
            assertThat(platformRows(database, "platform_user")).isEqualTo(1);
        }
    }

    @Test
    void refusedSettingsNameTheSettingCreateNothingAndCanBeCorrected(CapturedOutput output) {
        try (FreshDatabase database = FreshDatabase.create()) {
            assertThat(MigrateCommand.run(migrate(database, EMAIL, null, CLIENT, SECRET))).isEqualTo(1);
            assertThat(output).contains("Bootstrap: missing chargebase.bootstrap.admin-password");

            assertThat(MigrateCommand.run(migrate(database, EMAIL, "password123", CLIENT, SECRET))).isEqualTo(1);
            assertThat(output).contains("chargebase.bootstrap.admin-password refused: This password is too easy to guess.");

            assertThat(MigrateCommand.run(migrate(database, EMAIL, PASSWORD, CLIENT, "short-secret"))).isEqualTo(1);
            assertThat(output).contains("chargebase.bootstrap.client-secret has 12 characters; it needs at least 32");

            assertThat(MigrateCommand.run(migrate(database, EMAIL, PASSWORD, "no spaces allowed", SECRET))).isEqualTo(1);
            assertThat(output).contains("chargebase.bootstrap.client-id refused");

            assertThat(platformRows(database, "platform_bootstrap")).isZero();
            assertThat(platformRows(database, "platform_user")).isZero();
            assertThat(platformRows(database, "oauth2_registered_client")).isZero();

            assertThat(MigrateCommand.run(migrate(database, EMAIL, PASSWORD, CLIENT, SECRET))).isZero();
            assertThat(platformRows(database, "platform_bootstrap")).isEqualTo(1);
        }
    }

    private static String[] migrate(FreshDatabase database, String email, String password, String clientId, String secret, String... more) {
        List<String> arguments = new ArrayList<>(database.ownerArguments());
        arguments.add("--chargebase.bootstrap.admin-email=" + email);
        if (password != null) {
            arguments.add("--chargebase.bootstrap.admin-password=" + password);
        }
        arguments.add("--chargebase.bootstrap.client-id=" + clientId);
        arguments.add("--chargebase.bootstrap.client-secret=" + secret);
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    private static ConfigurableApplicationContext serve(FreshDatabase database, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
                "--chargebase.database.migrate-on-start=false"));
        arguments.addAll(database.ownerArguments());
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(ChargebaseApplication.class).run(arguments.toArray(String[]::new));
    }

    /** Rows the platform scope sees. */
    private static long platformRows(FreshDatabase database, String table) {
        return database.countInPlatformScope(table, table.equals("oauth2_registered_client") ? "tenant_id is null" : "true");
    }
}
