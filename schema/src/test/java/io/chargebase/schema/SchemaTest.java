package io.chargebase.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;

class SchemaTest {

    @Test
    void theSdlFilesFormOneValidSchema() throws Exception {
        GraphQLSchema schema = schema();
        assertThat(schema.getQueryType().getFieldDefinition("node")).isNotNull();
        assertThat(schema.getMutationType().getFieldDefinitions()).isNotEmpty();
    }

    @Test
    void everyMutationTakesOneInputAndReturnsAPayloadWithUserErrors() throws Exception {
        for (GraphQLFieldDefinition mutation : schema().getMutationType().getFieldDefinitions()) {
            // a mutation that acts on the caller alone (signOutEverywhere) has nothing to take
            assertThat(mutation.getArguments()).as(mutation.getName()).hasSizeLessThanOrEqualTo(1);
            mutation.getArguments().forEach(argument -> assertThat(argument.getName()).as(mutation.getName()).isEqualTo("input"));
            var payload = (GraphQLObjectType) graphql.schema.GraphQLTypeUtil.unwrapAll(mutation.getType());
            assertThat(payload.getName()).as(mutation.getName()).endsWith("Payload");
            assertThat(payload.getFieldDefinition("userErrors")).as(payload.getName()).isNotNull();
        }
    }

    @Test
    void everyTypeWithAnIdIsANode() throws Exception {
        GraphQLSchema schema = schema();
        schema.getAllTypesAsList().stream()
                .filter(type -> type instanceof GraphQLObjectType object && !object.getName().startsWith("__")
                        && object.getFieldDefinition("id") != null)
                .forEach(type -> assertThat(((GraphQLObjectType) type).getInterfaces())
                        .as(type.getName()).anyMatch(i -> i.getName().equals("Node")));
    }

    static GraphQLSchema schema() throws IOException, URISyntaxException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (String sdl : sdlFiles()) {
            registry.merge(new SchemaParser().parse(sdl));
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    static List<String> sdlFiles() throws IOException, URISyntaxException {
        Path directory = Path.of(SchemaTest.class.getResource("/graphql").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".graphqls")).sorted()
                    .map(file -> {
                        try {
                            return Files.readString(file, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
