package io.chargebase.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the real clients' scripts in {@code e2e/} (ocpp-rpc, graphql-ws, graphql-http's audit, stripe,
 * playwright-core with the system's Chromium) with Node.js, the way an integrator would drive Chargebase. The build
 * installs the locked packages before the integration tests ({@code npm ci} in the api module). A script reports on
 * standard output (usually one JSON document) and exits non-zero when it could not do its job; both streams are kept
 * so that a failing test shows what the client saw.
 */
public final class NodeClients {

    /** What a script printed and how it ended. */
    public record Run(int exitCode, String stdout, String stderr) {

        public Run expectSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("node script failed with exit code " + exitCode + "\n--- stdout\n" + stdout
                        + "\n--- stderr\n" + stderr);
            }
            return this;
        }
    }

    private NodeClients() {
    }

    /** The project's {@code e2e} folder, found upwards from the working directory. */
    public static Path directory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("e2e");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                if (!Files.isDirectory(candidate.resolve("node_modules"))) {
                    throw new AssertionError("The end-to-end clients are not installed: run `npm ci` in " + candidate
                            + " (the api module's build does it before the integration tests).");
                }
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new AssertionError("No e2e/package.json above " + Path.of("").toAbsolutePath());
    }

    /**
     * Debian's Chromium, which playwright-core drives (it never downloads a browser of its own); a clear failure,
     * not a skip, when it is missing: {@code .ci/run} installs it.
     */
    public static Path chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new AssertionError("Chromium is not installed (apt-get install chromium; .ci/run does it)");
    }

    /** Runs {@code e2e/<script>} with the given arguments and extra environment, waiting at most {@code seconds}. */
    public static Run run(String script, List<String> arguments, Map<String, String> environment, int seconds) {
        Path dir = directory();
        List<String> command = new ArrayList<>();
        command.add("node");
        command.add(dir.resolve(script).toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(environment);
        try {
            Path out = Files.createTempFile("node-out", ".txt");
            Path err = Files.createTempFile("node-err", ".txt");
            try {
                Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                    return new Run(-1, Files.readString(out, StandardCharsets.UTF_8),
                            Files.readString(err, StandardCharsets.UTF_8) + "\n(timed out after " + seconds + " s)");
                }
                return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run node " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + script, e);
        }
    }
}
