package io.chargebase.api.graphql.trusted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The documents of {@code ui-contracts} by the lowercase hex SHA-256 of their UTF-8 text, exactly as the files hold it. */
public final class TrustedDocumentManifest {

    private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation|subscription)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.MULTILINE);
    private static final Pattern CLIENT = Pattern.compile("ui-contracts/([^/]+)/[^/]+\\.graphql$");

    /** One trusted document: its hash, operation name and kind, the client it belongs to, and its text. */
    public record Document(String id, String name, String type, String client, String body) {
    }

    private final Map<String, Document> byHash;

    private TrustedDocumentManifest(Map<String, Document> byHash) {
        this.byHash = byHash;
    }

    /** Every {@code ui-contracts/<client>/<Name>.graphql} on the classpath. */
    public static TrustedDocumentManifest fromClasspath() {
        Map<String, Document> documents = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:ui-contracts/*/*.graphql")) {
                String body = resource.getContentAsString(StandardCharsets.UTF_8);
                Matcher client = CLIENT.matcher(resource.getURL().toString());
                Matcher operation = OPERATION.matcher(body);
                if (!client.find() || !operation.find()) {
                    throw new IllegalStateException("Not a ui-contracts operation document: " + resource);
                }
                String id = sha256(body);
                documents.put(id, new Document(id, operation.group(2), operation.group(1), client.group(1), body));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the ui-contracts documents", e);
        }
        if (documents.isEmpty()) {
            throw new IllegalStateException("No ui-contracts documents on the classpath");
        }
        return new TrustedDocumentManifest(documents);
    }

    public Optional<Document> find(String hash) {
        return Optional.ofNullable(byHash.get(hash.toLowerCase(java.util.Locale.ROOT)));
    }

    public Collection<Document> all() {
        return byHash.values();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
