package io.chargebase.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/** The chart in this repository and Helm run on it. */
final class Charts {

    static final Path CHART = Path.of("chargebase").toAbsolutePath();
    static final Path PRODUCTION_VALUES = CHART.resolve("examples/production.yaml");
    static final Path README = Path.of("..", "README.md").toAbsolutePath().normalize();
    /** What the migration job's hook annotation is called in the rendered copy. */
    static final String HOOK_ANNOTATION = "test.chargebase.io/helm-hook";

    private static Path renderable;

    private Charts() {
    }

    /**
     * `helm template` with the chart's defaults, then each values file, then each --set. helm-java returns the
     * release's manifest, which (unlike the CLI's output) leaves hooks out, so this renders a copy of the chart whose
     * migration job carries its hook annotation under another name and so is rendered and checked like the rest.
     */
    static String template(Map<String, Object> set, Path... valuesFiles) {
        TemplateCommand template = new Helm(renderable()).template().withName("chargebase").withNamespace("charging");
        for (Path values : valuesFiles) {
            template.withValuesFile(values);
        }
        set.forEach(template::set);
        return template.call();
    }

    /** A copy of the chart to change, e.g. its default values. */
    static Path copy(Path directory) {
        Path copy = directory.resolve("chargebase");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    private static synchronized Path renderable() {
        if (renderable == null) {
            try {
                Path copy = copy(Files.createTempDirectory("chargebase-chart"));
                Path job = copy.resolve("templates/migration-job.yaml");
                String text = Files.readString(job);
                if (!text.contains("    helm.sh/hook: pre-install,pre-upgrade\n")) {
                    throw new AssertionError("The migration job is no longer a pre-install/pre-upgrade hook");
                }
                Files.writeString(job, text.replace("    helm.sh/hook: ", "    " + HOOK_ANNOTATION + ": "));
                renderable = copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return renderable;
    }
}
