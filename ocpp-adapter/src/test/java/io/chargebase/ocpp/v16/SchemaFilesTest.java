package io.chargebase.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped schema files: all there, all used, and exactly as the OCA published them. */
class SchemaFilesTest {

    private static final String REFERENCE = "shared/reference/ocpp/schemas/oca-1.6-json";

    @Test
    void shipsFiftySixSchemasEachMappedToAnAction() throws Exception {
        List<String> shipped = shippedFileNames();
        Set<String> expected = new HashSet<>();
        for (Action16 action : Action16.values()) {
            expected.add(action.requestSchemaFile());
            expected.add(action.responseSchemaFile());
        }

        assertThat(shipped).hasSize(56);
        assertThat(shipped).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void compilesEveryFile() {
        Schemas16 schemas = Schemas16.load(getClass().getClassLoader());

        assertThat(schemas.size()).isEqualTo(56);
    }

    @Test
    void filesAreByteIdenticalToTheReferenceCopies() throws Exception {
        Path reference = findReference();
        assumeTrue(reference != null, "reference schemas not beside the checkout");
        List<String> referenceNames;
        try (Stream<Path> files = Files.list(reference)) {
            referenceNames = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
        }

        assertThat(shippedFileNames()).containsExactlyInAnyOrderElementsOf(referenceNames);
        for (String name : referenceNames) {
            byte[] expected = Files.readAllBytes(reference.resolve(name));
            try (InputStream shipped = getClass().getClassLoader().getResourceAsStream(Schemas16.LOCATION + name)) {
                assertThat(shipped).as(name).isNotNull();
                assertThat(shipped.readAllBytes()).as(name).isEqualTo(expected);
            }
        }
    }

    private List<String> shippedFileNames() throws IOException, URISyntaxException {
        URL folder = getClass().getClassLoader().getResource(Schemas16.LOCATION);
        assertThat(folder).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** The shared folder lies beside the checkout; a worktree or CI clone may sit a level deeper. */
    private static Path findReference() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(REFERENCE);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
