package io.chargebase.api.graphql.scope;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.chargebase.domain.operations.FileLocations;

/**
 * What an OU admin may read of an OCPP payload or frame (the actions log's request and response, a communication-log
 * frame): idTags that are no token of their subtree are masked, and what carries the tenant's secrets is withheld
 * whatever the idTags: a local authorisation list (every card of the tenant with its status), the value of a
 * configuration key that holds a secret (AuthorizationKey, passwords), vendor DataTransfer data, and the user name and
 * password in a firmware or diagnostics address. Pure: the caller says which idTags it may see.
 */
public final class OcppRedaction {

    public static final String MASK = "[redacted]";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ID_TAG_FIELDS = Set.of("idTag", "parentIdTag");
    /** OCPP 1.6's AuthorizationKey (security profile 2) and vendor keys that hold credentials. */
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(authorizationkey|authkey|password|passwd|secret|credential|privatekey).*");
    private static final Pattern ID_TAG_TEXT = Pattern.compile("\"(idTag|parentIdTag)\"\\s*:\\s*\"([^\"]*)(\"|$)");
    /** Signs in unreadable text (a frame cut at the log's limit) of something that would be withheld whole. */
    private static final Pattern SECRET_TEXT = Pattern.compile(
            "(?i)localAuthorizationList|\"data\"|authorizationkey|authkey|password|passwd|secret|credential|privatekey|://[^/\"\\s]*@");

    private OcppRedaction() {
    }

    /** The idTags the text names, to ask which of them the caller may see. */
    public static Set<String> idTags(String text) {
        Set<String> found = new LinkedHashSet<>();
        Optional<JsonNode> tree = parse(text);
        if (tree.isPresent()) {
            collect(tree.get(), found);
        } else if (text != null) {
            Matcher matcher = ID_TAG_TEXT.matcher(text);
            while (matcher.find()) {
                found.add(matcher.group(2));
            }
        }
        return found;
    }

    /** The text as the caller may read it, given the idTags among {@link #idTags} that name tokens it sees. */
    public static String redact(String text, Set<String> visibleIdTags) {
        if (text == null) {
            return null;
        }
        Optional<JsonNode> tree = parse(text);
        if (tree.isEmpty()) {
            if (SECRET_TEXT.matcher(text).find()) {
                return MASK + " (a frame that cannot be read whole, and may carry secrets)";
            }
            return ID_TAG_TEXT.matcher(text).replaceAll(match -> visibleIdTags.contains(match.group(2)) ? Matcher.quoteReplacement(match.group())
                    : Matcher.quoteReplacement("\"" + match.group(1) + "\":\"" + MASK + match.group(3)));
        }
        JsonNode original = tree.get().deepCopy();
        JsonNode redacted = redacted(tree.get(), visibleIdTags);
        // unchanged text keeps the charger's own formatting
        return redacted.equals(original) ? text : JSON.writeValueAsString(redacted);
    }

    private static JsonNode redacted(JsonNode node, Set<String> visible) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            boolean secretKey = object.path("key").isString() && SECRET_KEY.matcher(object.path("key").asString()).matches();
            for (String name : names) {
                JsonNode value = object.get(name);
                if (name.equals("localAuthorizationList")) {
                    object.put(name, MASK + (value.isArray() ? " (" + value.size() + " entries)" : ""));
                } else if (name.equals("data") || (name.equals("value") && secretKey)) {
                    object.put(name, MASK);
                } else if (ID_TAG_FIELDS.contains(name) && value.isString()) {
                    if (!visible.contains(value.asString())) {
                        object.put(name, MASK);
                    }
                } else {
                    object.set(name, redacted(value, visible));
                }
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redacted(array.get(i), visible));
            }
            return array;
        }
        if (node.isString()) {
            String text = node.asString();
            String shown = FileLocations.withoutCredentials(text);
            return shown.equals(text) ? node : JSON.getNodeFactory().stringNode(shown);
        }
        return node;
    }

    private static void collect(JsonNode node, Set<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (ID_TAG_FIELDS.contains(property.getKey()) && property.getValue().isString()) {
                    found.add(property.getValue().asString());
                } else {
                    collect(property.getValue(), found);
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(element -> collect(element, found));
        }
    }

    private static Optional<JsonNode> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode tree = JSON.readTree(text);
            return tree == null || tree.isMissingNode() || !(tree.isObject() || tree.isArray()) ? Optional.empty() : Optional.of(tree);
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
    }
}
