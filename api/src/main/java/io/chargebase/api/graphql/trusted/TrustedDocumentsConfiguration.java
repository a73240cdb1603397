package io.chargebase.api.graphql.trusted;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@Configuration(proxyBeanMethods = false)
class TrustedDocumentsConfiguration {

    @Bean
    TrustedDocumentManifest trustedDocumentManifest() {
        return TrustedDocumentManifest.fromClasspath();
    }

    @Bean
    GraphQlSourceBuilderCustomizer trustedDocuments(TrustedDocumentManifest manifest,
            @Value("${chargebase.graphql.trusted-documents.enforce:true}") boolean enforce) {
        TrustedDocuments documents = new TrustedDocuments(manifest, enforce);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    /** The manifest, in Apollo's persisted-query manifest format, with the client each document belongs to. */
    @RestController
    static class ManifestController {

        private final TrustedDocumentManifest manifest;

        ManifestController(TrustedDocumentManifest manifest) {
            this.manifest = manifest;
        }

        @GetMapping(path = "/graphql/trusted-documents", produces = "application/json")
        Map<String, Object> manifest() {
            List<Map<String, String>> operations = manifest.all().stream()
                    .map(document -> Map.of("id", document.id(), "name", document.name(), "type", document.type(),
                            "client", document.client(), "body", document.body()))
                    .toList();
            return Map.of("format", "apollo-persisted-query-manifest", "version", 1, "operations", operations);
        }
    }
}
