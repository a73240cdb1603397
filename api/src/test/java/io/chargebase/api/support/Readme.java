package io.chargebase.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The examples of the project's README, read from the file itself so that tests run what a reader copies: the
 * authorization URL of the interactive flow and the curl that exchanges its code.
 */
public final class Readme {

    private static final Pattern AUTHORIZE_URL = Pattern.compile("`(http://localhost:8080/t/[a-z]+/oauth2/authorize\\?[^`]+)`");
    private static final Pattern CODE_EXCHANGE = Pattern.compile(
            "curl -s (-d grant_type=authorization_code[^\\n\\\\]*(?:\\\\\\n[^\\n\\\\]*)*)");
    private static final Pattern FORM_FIELD = Pattern.compile("-d ([a-z_]+)=(\\S+)");
    private static final Pattern LAST_URL = Pattern.compile("(http://localhost:8080/\\S+)\\s*$");

    private final String text;

    private Readme(String text) {
        this.text = text;
    }

    /** The README.md at the project's root, found upwards from the working directory. */
    public static Readme load() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("README.md");
            if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("api"))) {
                try {
                    return new Readme(Files.readString(candidate, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            dir = dir.getParent();
        }
        throw new AssertionError("No project README.md above " + Path.of("").toAbsolutePath());
    }

    /** The interactive flow's authorization URL, as printed (on localhost:8080). */
    public String authorizeUrl() {
        Matcher matcher = AUTHORIZE_URL.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("The README has no authorization URL in backquotes");
        }
        return matcher.group(1);
    }

    /** The authorization URL's query parameters, decoded. */
    public Map<String, String> authorizeParameters() {
        return Browser.query(URI.create(authorizeUrl()).getRawQuery());
    }

    /** The curl that exchanges the code: its {@code -d} fields (the code still {@code THE_CODE}) and its URL. */
    public CodeExchange codeExchange() {
        Matcher matcher = CODE_EXCHANGE.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("The README has no curl with -d grant_type=authorization_code");
        }
        String command = matcher.group(1).replace("\\\n", " ");
        Map<String, String> form = new LinkedHashMap<>();
        Matcher field = FORM_FIELD.matcher(command);
        while (field.find()) {
            form.put(field.group(1), field.group(2));
        }
        Matcher url = LAST_URL.matcher(command);
        if (!url.find()) {
            throw new AssertionError("The README's code exchange names no URL: " + command);
        }
        return new CodeExchange(form, url.group(1));
    }

    /** A README example on localhost:8080 pointed at the server a test runs. */
    public static String at(String readmeUrl, String baseUrl) {
        return readmeUrl.replace("http://localhost:8080", baseUrl);
    }

    public record CodeExchange(Map<String, String> form, String url) {
    }
}
