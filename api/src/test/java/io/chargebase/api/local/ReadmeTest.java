package io.chargebase.api.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chargebase.api.support.Readme;

/** The README's authorization-code example is self-consistent; LocalModeIT runs it against local mode. */
class ReadmeTest {

    @Test
    void theCodeChallengeIsTheS256OfTheCodeVerifier() throws Exception {
        Readme readme = Readme.load();
        Map<String, String> authorize = readme.authorizeParameters();
        Readme.CodeExchange exchange = readme.codeExchange();

        assertThat(authorize).containsEntry("code_challenge_method", "S256");
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(exchange.form().get("code_verifier").getBytes(StandardCharsets.US_ASCII));
        assertThat(authorize.get("code_challenge")).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

    @Test
    void theExchangeNamesTheSameClientRedirectAndIssuer() {
        Readme readme = Readme.load();
        Map<String, String> authorize = readme.authorizeParameters();
        Readme.CodeExchange exchange = readme.codeExchange();

        assertThat(exchange.form()).containsEntry("grant_type", "authorization_code")
                .containsEntry("client_id", authorize.get("client_id"))
                .containsEntry("redirect_uri", authorize.get("redirect_uri"))
                .containsEntry("code", "THE_CODE");
        String issuer = readme.authorizeUrl().substring(0, readme.authorizeUrl().indexOf("/oauth2/authorize"));
        assertThat(exchange.url()).isEqualTo(issuer + "/oauth2/token");
    }
}
