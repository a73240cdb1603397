package io.chargebase.api.graphql.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GraphiQL at {@code /graphiql}, from the assets the {@code graphiql} module bundles into
 * {@code META-INF/resources/graphiql} (served as static resources); Spring Boot's own GraphiQL page, which loads its
 * scripts from a CDN, is off.
 */
@RestController
class GraphiQlPage {

    private static final String INDEX = "META-INF/resources/graphiql/index.html";

    @GetMapping(path = {"/graphiql", "/graphiql/"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() throws IOException {
        try (InputStream in = GraphiQlPage.class.getClassLoader().getResourceAsStream(INDEX)) {
            if (in == null) {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_HTML)
                        .body("<!doctype html><title>GraphiQL</title><p>GraphiQL's assets were not built: build Chargebase "
                                + "with Node.js 20+ installed (the graphiql module bundles them). POST queries to /graphql meanwhile.</p>");
            }
            return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.TEXT_HTML)
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
