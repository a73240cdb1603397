package io.chargebase.api.graphql.trusted;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import graphql.ErrorClassification;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import io.chargebase.api.security.Claims;
import io.chargebase.api.security.Role;

/**
 * Resolves a document sent by hash from the manifest, and refuses any other document from a caller restricted to
 * trusted documents, before it is parsed or validated. A document that parsed and validated is remembered by its
 * text: neither parsing nor validating depends on the caller (whose checks run before, here, and at execution), so
 * the same document is not parsed and validated again at every request.
 */
final class TrustedDocuments implements PreparsedDocumentProvider {

    /** What Spring for GraphQL puts as the query of a request that sends only {@code extensions.persistedQuery}. */
    private static final String HASH_ONLY = "PersistedQueryMarker";
    private static final Set<String> STAFF = Set.of(Role.PLATFORM_ADMIN.authority(), Role.TENANT_ADMIN.authority(),
            Role.OU_ADMIN.authority(), Role.ANALYST.authority());
    private static final io.micrometer.context.ContextSnapshotFactory SNAPSHOTS = io.micrometer.context.ContextSnapshotFactory.builder().build();

    /** Distinct valid documents remembered; the clients' own are some two hundred. */
    private static final int REMEMBERED = 1_000;

    private final TrustedDocumentManifest manifest;
    private final boolean enforce;
    private final Map<String, PreparsedDocumentEntry> valid = new java.util.concurrent.ConcurrentHashMap<>();

    TrustedDocuments(TrustedDocumentManifest manifest, boolean enforce) {
        this.manifest = manifest;
        this.enforce = enforce;
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(entry(input, parseAndValidate));
    }

    private PreparsedDocumentEntry entry(ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String hash = hashOf(input.getExtensions());
        String query = input.getQuery();
        boolean hashOnly = query == null || query.isBlank() || HASH_ONLY.equals(query);
        if (hash == null) {
            if (hashOnly) {
                return refusal("The request has no query: send {\"query\": \"...\"}, or a trusted document's hash as "
                        + "extensions.persistedQuery.sha256Hash.");
            }
            if (enforce && restricted(input)) {
                return refusal("This client runs only trusted documents: send the SHA-256 of one of the documents listed at "
                        + "GET /graphql/trusted-documents as extensions.persistedQuery.sha256Hash.");
            }
            return parsed(input, parseAndValidate);
        }
        var document = manifest.find(hash);
        if (document.isEmpty()) {
            return refusal("PersistedQueryNotFound: " + hash + " is not the SHA-256 of a trusted document (see GET /graphql/trusted-documents).");
        }
        if (!hashOnly && !TrustedDocumentManifest.sha256(query).equals(document.get().id())) {
            return refusal("The query sent is not the document whose hash is given in extensions.persistedQuery.sha256Hash.");
        }
        String body = document.get().body();
        return parsed(input.transform(builder -> builder.query(body)), parseAndValidate);
    }

    /** The document parsed and validated, once per text; one with errors is not remembered (it costs its sender each time). */
    private PreparsedDocumentEntry parsed(ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry remembered = valid.get(input.getQuery());
        if (remembered != null) {
            return remembered;
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            if (valid.size() >= REMEMBERED) {
                valid.clear();
            }
            valid.put(input.getQuery(), entry);
        }
        return entry;
    }

    private static String hashOf(Map<String, Object> extensions) {
        if (extensions != null && extensions.get("persistedQuery") instanceof Map<?, ?> persisted
                && persisted.get("sha256Hash") instanceof String hash && !hash.isBlank()) {
            return hash;
        }
        return null;
    }

    /** A caller signed in through a public client (the driver app) without a staff role. */
    private static boolean restricted(ExecutionInput input) {
        // over HTTP the caller is on this thread already; over WebSocket it travels in the GraphQL context
        try (var restored = SNAPSHOTS.captureFrom(input.getGraphQLContext()).setThreadLocals()) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (!(authentication instanceof JwtAuthenticationToken jwt) || !Boolean.TRUE.equals(jwt.getToken().getClaimAsBoolean(Claims.PUBLIC_CLIENT))) {
                return false;
            }
            return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).noneMatch(STAFF::contains);
        }
    }

    private static PreparsedDocumentEntry refusal(String message) {
        return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message(message)
                .errorType(TrustedDocumentsError.NOT_TRUSTED).build());
    }

    /** The classification clients see on a refused document. */
    enum TrustedDocumentsError implements ErrorClassification {
        NOT_TRUSTED
    }
}
