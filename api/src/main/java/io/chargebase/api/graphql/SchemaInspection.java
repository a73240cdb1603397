package io.chargebase.api.graphql;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Keeps Spring for GraphQL's schema-mapping report of this start, so a test can fail the build when a schema
 * field or argument has no handler.
 */
@Component
public class SchemaInspection implements GraphQlSourceBuilderCustomizer {

    private final AtomicReference<SchemaReport> report = new AtomicReference<>();

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.inspectSchemaMappings(report::set);
    }

    public SchemaReport report() {
        return report.get();
    }
}
