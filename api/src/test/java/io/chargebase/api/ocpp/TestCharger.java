package io.chargebase.api.ocpp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A charger over a real socket: the JDK's WebSocket client with subprotocol and Basic credentials. Frames it receives
 * wait in a queue, except calls that an {@link #answering} function answers as they come.
 */
final class TestCharger implements WebSocket.Listener, AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final long WAIT_SECONDS = 10;

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile long closedAtNanos;
    private final StringBuilder partial = new StringBuilder();
    private volatile BiFunction<String, JsonNode, JsonNode> answers;
    private WebSocket socket;

    /** The handshake's outcome: a connected charger, or the HTTP status it was refused with. */
    static CompletableFuture<TestCharger> connect(int port, String tenantPath, String identityInPath, String user, String secret,
            String... protocols) {
        TestCharger charger = new TestCharger();
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (protocols.length > 0) {
            builder.subprotocols(protocols[0], java.util.Arrays.copyOfRange(protocols, 1, protocols.length));
        }
        if (secret != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        return builder.buildAsync(URI.create("ws://localhost:" + port + "/ocpp/" + tenantPath + "/" + identityInPath), charger)
                .thenApply(socket -> {
                    charger.socket = socket;
                    return charger;
                });
    }

    /** The HTTP status a handshake was refused with. */
    static int refusal(CompletableFuture<TestCharger> handshake) {
        try {
            TestCharger charger = handshake.get(WAIT_SECONDS, TimeUnit.SECONDS);
            charger.close();
            throw new AssertionError("The handshake succeeded");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError("The handshake failed otherwise", e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    static TestCharger connected(CompletableFuture<TestCharger> handshake) {
        try {
            return handshake.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The charger could not connect", e);
        }
    }

    /** Answers calls from the central system as they come: (action, payload) → result payload. */
    TestCharger answering(BiFunction<String, JsonNode, JsonNode> answers) {
        this.answers = answers;
        return this;
    }

    String protocol() {
        return socket.getSubprotocol();
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    /** Sends without waiting: the server may close the socket while the frame is still going out. */
    CompletableFuture<WebSocket> sendAsync(String frame) {
        return socket.sendText(frame, true);
    }

    /** Sends a CALL and waits for the answer with its id (CALLRESULT or CALLERROR). */
    JsonNode call(String action, String payload) {
        String id = UUID.randomUUID().toString();
        send("[2,\"" + id + "\",\"" + action + "\"," + payload + "]");
        return awaitAnswer(id);
    }

    JsonNode awaitAnswer(String id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            JsonNode frame = next();
            if (frame.get(1).asString().equals(id)) {
                return frame;
            }
        }
        throw new AssertionError("No answer to " + id);
    }

    JsonNode next() {
        try {
            String frame = frames.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("No frame within " + WAIT_SECONDS + " s");
            }
            return JSON.readTree(frame);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The close code the server closed with. */
    int awaitClose() {
        try {
            return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The socket was not closed", e);
        }
    }

    /**
     * The answer with this id, or empty when the socket closes first: what a charger that loses its connection
     * mid-call sees (it sends the message again once reconnected).
     */
    java.util.Optional<JsonNode> answerOrClose(String id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS * 3);
        while (System.nanoTime() < deadline) {
            String frame;
            try {
                frame = frames.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            if (frame != null) {
                JsonNode answer = JSON.readTree(frame);
                if (answer.get(1).asString().equals(id)) {
                    return java.util.Optional.of(answer);
                }
            } else if (closed.isDone()) {
                // an answer that came just before the close is in the queue already
                for (String last = frames.poll(); last != null; last = frames.poll()) {
                    JsonNode answer = JSON.readTree(last);
                    if (answer.get(1).asString().equals(id)) {
                        return java.util.Optional.of(answer);
                    }
                }
                return java.util.Optional.empty();
            }
        }
        throw new AssertionError("Neither an answer to " + id + " nor a close");
    }

    /** When the close frame arrived, on {@link System#nanoTime()}'s scale. */
    long closedAtNanos() {
        return closedAtNanos;
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (!answered(webSocket, frame)) {
                frames.add(frame);
            }
        }
        webSocket.request(1);
        return null;
    }

    private boolean answered(WebSocket webSocket, String frame) {
        BiFunction<String, JsonNode, JsonNode> current = answers;
        if (current == null) {
            return false;
        }
        JsonNode call = JSON.readTree(frame);
        if (call.get(0).asInt() != 2) {
            return false;
        }
        JsonNode result = current.apply(call.get(2).asString(), call.get(3));
        if (result == null) {
            return true; // never answered: the central system's call times out
        }
        webSocket.sendText("[3,\"" + call.get(1).asString() + "\"," + JSON.writeValueAsString(result) + "]", true);
        return true;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedAtNanos = System.nanoTime();
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket != null && !closed.isDone()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
                closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (CompletionException | InterruptedException | java.util.concurrent.ExecutionException
                     | java.util.concurrent.TimeoutException e) {
                socket.abort();
            }
        }
    }
}
