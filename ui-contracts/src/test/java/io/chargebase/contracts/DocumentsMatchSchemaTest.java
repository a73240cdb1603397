package io.chargebase.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/** Every operation a client relies on must stay valid against the schema. */
class DocumentsMatchSchemaTest {

    @Test
    void everyDocumentIsValidAgainstTheSchema() throws Exception {
        GraphQLSchema schema = schema();
        Map<String, String> documents = texts("/ui-contracts", ".graphql");
        assertThat(documents).isNotEmpty();
        documents.forEach((name, text) -> {
            Document document = Parser.parse(text);
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
            assertThat(errors).as(name).isEmpty();
        });
    }

    @Test
    void eachFileHoldsOneOperationNamedLikeTheFile() throws Exception {
        texts("/ui-contracts", ".graphql").forEach((name, text) -> {
            List<OperationDefinition> operations = Parser.parse(text).getDefinitionsOfType(OperationDefinition.class);
            assertThat(operations).as(name).hasSize(1);
            String fileName = name.substring(name.lastIndexOf('/') + 1).replace(".graphql", "");
            assertThat(operations.getFirst().getName()).as(name).isEqualTo(fileName);
        });
    }

    private static GraphQLSchema schema() throws Exception {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (String sdl : texts("/graphql", ".graphqls").values()) {
            registry.merge(new SchemaParser().parse(sdl));
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    /** The files under a classpath folder, whether it lies in a directory or in a jar, by relative path. */
    static Map<String, String> texts(String folder, String suffix) throws Exception {
        URI uri = DocumentsMatchSchemaTest.class.getResource(folder).toURI();
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return read(jar.getPath(folder), suffix);
            }
        }
        return read(Path.of(uri), suffix);
    }

    private static Map<String, String> read(Path root, String suffix) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(suffix)).forEach(file -> {
                try {
                    texts.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return texts;
    }
}
