package io.chargebase.api.graphql.trusted;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;

class TrustedDocumentsTest {

    private static final TrustedDocumentManifest MANIFEST = TrustedDocumentManifest.fromClasspath();
    private static final Function<ExecutionInput, PreparsedDocumentEntry> PARSE = input -> new PreparsedDocumentEntry(Parser.parse(input.getQuery()));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyDocumentOfEveryClientIsInTheManifest() {
        assertThat(MANIFEST.all()).extracting(TrustedDocumentManifest.Document::client)
                .contains("driver-app", "tenant-portal", "platform-console");
        assertThat(MANIFEST.all()).allSatisfy(document ->
                assertThat(TrustedDocumentManifest.sha256(document.body())).isEqualTo(document.id()));
    }

    @Test
    void aPublicClientsDriverIsRestrictedOnlyWhileEnforced() {
        signIn("ROLE_DRIVER", true);
        ExecutionInput adHoc = ExecutionInput.newExecutionInput("{ me { roles } }").build();
        assertThat(run(new TrustedDocuments(MANIFEST, true), adHoc).hasErrors()).isTrue();
        assertThat(run(new TrustedDocuments(MANIFEST, false), adHoc).hasErrors()).isFalse();
    }

    @Test
    void staffThroughAPublicClientAndConfidentialClientsAreNotRestricted() {
        ExecutionInput adHoc = ExecutionInput.newExecutionInput("{ me { roles } }").build();
        signIn("ROLE_PLATFORM_ADMIN", true);
        assertThat(run(new TrustedDocuments(MANIFEST, true), adHoc).hasErrors()).isFalse();
        signIn("ROLE_DRIVER", false);
        assertThat(run(new TrustedDocuments(MANIFEST, true), adHoc).hasErrors()).isFalse();
    }

    @Test
    void aHashAloneRunsItsDocument() {
        signIn("ROLE_DRIVER", true);
        TrustedDocumentManifest.Document document = MANIFEST.all().iterator().next();
        ExecutionInput byHash = ExecutionInput.newExecutionInput("PersistedQueryMarker")
                .extensions(Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", document.id()))).build();
        PreparsedDocumentEntry entry = run(new TrustedDocuments(MANIFEST, true), byHash);
        assertThat(entry.hasErrors()).isFalse();
        assertThat(entry.getDocument()).isNotNull();
    }

    @Test
    void aValidDocumentIsParsedOnceAndOneWithErrorsEachTimeButARestrictedCallerIsRefusedWhateverWasRemembered() {
        TrustedDocuments documents = new TrustedDocuments(MANIFEST, true);
        java.util.concurrent.atomic.AtomicInteger parses = new java.util.concurrent.atomic.AtomicInteger();
        Function<ExecutionInput, PreparsedDocumentEntry> counting = input -> {
            parses.incrementAndGet();
            return input.getQuery().contains("broken")
                    ? new PreparsedDocumentEntry(graphql.GraphqlErrorBuilder.newError().message("broken").build())
                    : PARSE.apply(input);
        };
        signIn("ROLE_TENANT_ADMIN", false);
        ExecutionInput adHoc = ExecutionInput.newExecutionInput("{ me { roles } }").build();
        PreparsedDocumentEntry first = documents.getDocumentAsync(adHoc, counting).join();
        assertThat(documents.getDocumentAsync(adHoc, counting).join()).isSameAs(first);
        assertThat(parses).hasValue(1);

        ExecutionInput broken = ExecutionInput.newExecutionInput("{ broken }").build();
        documents.getDocumentAsync(broken, counting).join();
        documents.getDocumentAsync(broken, counting).join();
        assertThat(parses).hasValue(3);

        // the caller's checks come before what was remembered
        signIn("ROLE_DRIVER", true);
        assertThat(documents.getDocumentAsync(adHoc, counting).join().hasErrors()).isTrue();
    }

    private static PreparsedDocumentEntry run(TrustedDocuments documents, ExecutionInput input) {
        return documents.getDocumentAsync(input, PARSE).join();
    }

    private static void signIn(String authority, boolean publicClient) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "none").subject("someone");
        if (publicClient) {
            jwt.claim("public_client", true);
        }
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt.build(), AuthorityUtils.createAuthorityList(List.of(authority).toArray(String[]::new))));
    }
}
