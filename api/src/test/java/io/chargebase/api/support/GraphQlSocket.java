package io.chargebase.api.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A graphql-transport-ws client over a real WebSocket, as browser clients (graphql-ws) speak it: the token goes in
 * {@code connection_init}, each subscription's {@code next}, {@code error} and {@code complete} messages queue up.
 */
public final class GraphQlSocket implements AutoCloseable {

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private int ids;

    private GraphQlSocket(String url) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            messages.add(GraphQl.JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        messages.add(GraphQl.JSON.createObjectNode().put("type", "closed").put("code", statusCode).put("reason", reason));
                        return null;
                    }
                }).join();
    }

    /** Opens {@code ws://…/graphql} and signs in with the token (none when null); answers with the server's reply. */
    public static GraphQlSocket open(String baseUrl, String token) {
        GraphQlSocket client = new GraphQlSocket(baseUrl.replaceFirst("^http", "ws") + "/graphql");
        ObjectNode init = GraphQl.JSON.createObjectNode().put("type", "connection_init");
        if (token != null) {
            init.putObject("payload").put("Authorization", "Bearer " + token);
        }
        client.send(init);
        return client;
    }

    /** The next message, or a "timeout" message when none arrives in time. */
    public JsonNode next(Duration wait) {
        try {
            JsonNode message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            return message != null ? message : GraphQl.JSON.createObjectNode().put("type", "timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a subscription from a ui-contracts document (with its trusted-document hash) and returns its id. */
    public String subscribe(String document, Map<String, ?> variables) {
        String id = Integer.toString(++ids);
        ObjectNode subscribe = GraphQl.JSON.createObjectNode().put("id", id).put("type", "subscribe");
        String text = GraphQl.load(document);
        ObjectNode payload = subscribe.putObject("payload").put("query", text);
        payload.set("variables", GraphQl.JSON.valueToTree(variables));
        payload.set("extensions", GraphQl.JSON.valueToTree(GraphQl.persistedQuery(text)));
        send(subscribe);
        return id;
    }

    /** Starts a subscription from an ad-hoc document and returns its id. */
    public String subscribeQuery(String query, Map<String, ?> variables) {
        String id = Integer.toString(++ids);
        ObjectNode subscribe = GraphQl.JSON.createObjectNode().put("id", id).put("type", "subscribe");
        ObjectNode payload = subscribe.putObject("payload").put("query", query);
        payload.set("variables", GraphQl.JSON.valueToTree(variables));
        send(subscribe);
        return id;
    }

    private void send(ObjectNode message) {
        socket.sendText(message.toString(), true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
