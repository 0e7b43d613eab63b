package com.shopassist.ai.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Gemini API over real HTTP (127.0.0.1, a free port) speaking the wire format of
 * generateContent and streamGenerateContent?alt=sse, so the real LangChain4j client runs in
 * every test. Replies are scripted per model (or for any model) in order; an unscripted request
 * gets a 500 so a missing script shows up as a fallback, never as a hang. Every request is
 * recorded with its parsed JSON body.
 *
 * <p>Token counts follow Gemini's rule of thumb of about 4 characters per token, over the text
 * a model would read: system instruction, every part of the contents and the function
 * declarations (compact JSON), so token benchmarks respond to prompt and history size.
 */
public final class FakeGemini implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    static {
        // without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK: about 40 ms per response that a real endpoint does not add
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern PATH =
            Pattern.compile("/v1beta/models/([^/:]+):(generateContent|streamGenerateContent)");

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-gemini");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Deque<Reply>> perModel = new ConcurrentHashMap<>();
    private final Deque<Reply> anyModel = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong handlingNanos = new java.util.concurrent.atomic.AtomicLong();
    private volatile Function<Recorded, Reply> fallback = r -> Reply.error(500, "INTERNAL", "unscripted request");

    private FakeGemini(HttpServer server) {
        this.server = server;
    }

    public static FakeGemini start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            FakeGemini fake = new FakeGemini(s);
            s.createContext("/", fake::handle);
            s.setExecutor(fake.pool);
            s.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1beta";
    }

    /** The next request for this model (e.g. "gemini-2.5-flash") gets this reply. */
    public FakeGemini enqueue(String model, Reply... replies) {
        Deque<Reply> q = perModel.computeIfAbsent(model, m -> new ConcurrentLinkedDeque<>());
        for (Reply r : replies) q.addLast(r);
        return this;
    }

    /** The next request for any model without a script of its own gets this reply. */
    public FakeGemini enqueue(Reply... replies) {
        for (Reply r : replies) anyModel.addLast(r);
        return this;
    }

    /** What unscripted requests get (default: a 500). */
    public FakeGemini otherwise(Function<Recorded, Reply> responder) {
        this.fallback = responder;
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    public int pending() {
        return anyModel.size()
                + perModel.values().stream().mapToInt(Deque::size).sum();
    }

    public void reset() {
        perModel.clear();
        anyModel.clear();
        requests.clear();
        fallback = r -> Reply.error(500, "INTERNAL", "unscripted request");
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    /** Time spent inside this server answering requests (parsing, token counting, writing), in total. */
    public long handlingNanos() {
        return handlingNanos.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        long arrived = System.nanoTime();
        try {
            answer(ex, arrived);
        } finally {
            handlingNanos.addAndGet(System.nanoTime() - arrived);
        }
    }

    private void answer(HttpExchange ex, long arrived) throws IOException {
        try (ex) {
            byte[] in = ex.getRequestBody().readAllBytes();
            Matcher m = PATH.matcher(ex.getRequestURI().getPath());
            if (!m.matches() || !"POST".equals(ex.getRequestMethod())) {
                send(ex, 404, "application/json", errorJson(404, "NOT_FOUND", "no such method"));
                return;
            }
            JsonNode body = JSON.readTree(in);
            Recorded rec = new Recorded(
                    m.group(1),
                    m.group(2).startsWith("stream"),
                    body,
                    ex.getRequestHeaders().getFirst("x-goog-api-key"),
                    arrived);
            requests.add(rec);
            Deque<Reply> q = perModel.get(rec.model());
            Reply reply = q != null && !q.isEmpty() ? q.pollFirst() : anyModel.pollFirst();
            if (reply == null) reply = fallback.apply(rec);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply.status() != 200) {
                send(ex, reply.status(), "application/json", reply.body(rec));
            } else if (rec.stream() && reply.pacing() != null) {
                sendPaced(ex, rec, reply);
            } else if (rec.stream()) {
                sendSse(ex, reply.chunks(rec));
            } else {
                send(ex, 200, "application/json", reply.body(rec));
            }
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private static void sendSse(HttpExchange ex, List<String> chunks) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream os = ex.getResponseBody()) {
            for (String c : chunks) {
                os.write(("data: " + c + "\n\n").getBytes(StandardCharsets.UTF_8));
                os.flush();
            }
        }
    }

    /** A streamed text reply sent piece by piece as its {@link Pacing} says. */
    private static void sendPaced(HttpExchange ex, Recorded rec, Reply reply) throws IOException {
        Pacing p = reply.pacing();
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream os = ex.getResponseBody()) {
            for (int i = 0; i < p.pieces.size(); i++) {
                if (i == p.holdAfter && p.gate != null) {
                    try {
                        // a safety net only: the test opens the gate itself, or fails
                        p.opened.set(p.gate.await(p.holdLimitMillis, java.util.concurrent.TimeUnit.MILLISECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                } else if (i > 0 && p.gapMillis > 0) {
                    try {
                        Thread.sleep(p.gapMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                boolean last = i == p.pieces.size() - 1 && p.stallMillis == 0;
                String chunk = reply.response(rec, List.of(textPart(p.pieces.get(i))), last)
                        .toString();
                os.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
                os.flush();
                p.sent.add(System.nanoTime());
            }
            if (p.stallMillis > 0) {
                try {
                    // a half-open stream: no finish, nothing more, until the client has given up
                    Thread.sleep(p.stallMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * How a streamed text reply is sent: each piece as one SSE chunk, {@code gapMillis} apart; after
     * {@code holdAfter} pieces the stream stays open until {@code gate} opens (at most {@code
     * holdLimitMillis}); {@code stallMillis} above zero sends no finish and keeps the stream silent
     * that long after the last piece. It records when each piece was written.
     */
    public static final class Pacing {
        final List<String> pieces;
        final long gapMillis;
        final int holdAfter;
        final java.util.concurrent.CountDownLatch gate;
        final long holdLimitMillis;
        final long stallMillis;
        final List<Long> sent = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicBoolean opened = new java.util.concurrent.atomic.AtomicBoolean();

        private Pacing(
                List<String> pieces,
                long gapMillis,
                int holdAfter,
                java.util.concurrent.CountDownLatch gate,
                long holdLimitMillis,
                long stallMillis) {
            this.pieces = List.copyOf(pieces);
            this.gapMillis = gapMillis;
            this.holdAfter = holdAfter;
            this.gate = gate;
            this.holdLimitMillis = holdLimitMillis;
            this.stallMillis = stallMillis;
        }

        /** These pieces, {@code gapMillis} apart. */
        public static Pacing of(long gapMillis, List<String> pieces) {
            return new Pacing(pieces, gapMillis, -1, null, 0, 0);
        }

        /** After {@code holdAfter} pieces, waits for the gate (a test's listener opens it). */
        public static Pacing held(
                int holdAfter, java.util.concurrent.CountDownLatch gate, long limitMillis, List<String> pieces) {
            return new Pacing(pieces, 0, holdAfter, gate, limitMillis, 0);
        }

        /** These pieces, then silence for {@code millis} with the stream open: the client gives up on it. */
        public static Pacing stalled(long millis, List<String> pieces) {
            return new Pacing(pieces, 0, -1, null, 0, millis);
        }

        /** When each piece was written (System.nanoTime), in order. */
        public List<Long> sent() {
            return List.copyOf(sent);
        }

        /** Whether the gate was opened before its limit (false: the limit let the stream go on). */
        public boolean opened() {
            return opened.get();
        }
    }

    static String errorJson(int code, String status, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode err = root.putObject("error");
        err.put("code", code);
        err.put("message", message);
        err.put("status", status);
        return root.toString();
    }

    /** Tokens of the text a model would read in this request (about 4 characters per token). */
    static int promptTokens(JsonNode body) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : body.path("systemInstruction").path("parts"))
            sb.append(p.path("text").asText());
        for (JsonNode c : body.path("contents")) {
            for (JsonNode p : c.path("parts")) {
                if (p.has("text")) sb.append(p.get("text").asText());
                if (p.has("functionCall")) sb.append(p.get("functionCall").toString());
                if (p.has("functionResponse"))
                    sb.append(p.get("functionResponse").toString());
            }
        }
        for (JsonNode t : body.path("tools")) {
            if (t.has("functionDeclarations"))
                sb.append(t.get("functionDeclarations").toString());
        }
        return tokens(sb.length());
    }

    static int tokens(int chars) {
        return (chars + 3) / 4;
    }

    /** One recorded request. */
    public record Recorded(String model, boolean stream, JsonNode body, String apiKey, long arrivedNanos) {

        public int promptTokens() {
            return FakeGemini.promptTokens(body);
        }

        public List<String> toolNames() {
            List<String> names = new ArrayList<>();
            for (JsonNode t : body.path("tools")) {
                for (JsonNode d : t.path("functionDeclarations"))
                    names.add(d.path("name").asText());
            }
            return names;
        }

        public String systemText() {
            StringBuilder sb = new StringBuilder();
            for (JsonNode p : body.path("systemInstruction").path("parts"))
                sb.append(p.path("text").asText());
            return sb.toString();
        }

        public JsonNode contents() {
            return body.path("contents");
        }

        /** The last content's parts that are function responses (this request answers those calls). */
        public List<JsonNode> trailingFunctionResponses() {
            JsonNode contents = contents();
            List<JsonNode> out = new ArrayList<>();
            if (contents.isEmpty()) return out;
            for (JsonNode p : contents.get(contents.size() - 1).path("parts")) {
                if (p.has("functionResponse")) out.add(p.get("functionResponse"));
            }
            return out;
        }

        /**
         * Function responses after the last model content (LangChain4j sends one user content per
         * response, so parallel calls come back as several trailing contents).
         */
        public List<JsonNode> trailingFunctionResponsesAll() {
            JsonNode contents = contents();
            List<JsonNode> out = new ArrayList<>();
            int i = contents.size() - 1;
            while (i >= 0 && !"model".equals(contents.get(i).path("role").asText())) i--;
            for (int j = i + 1; j < contents.size(); j++) {
                for (JsonNode p : contents.get(j).path("parts")) {
                    if (p.has("functionResponse")) out.add(p.get("functionResponse"));
                }
            }
            return out;
        }

        /**
         * The newest result of a tool in everything sent (this turn or the history), parsed as
         * JSON when it is JSON, else as a text node; null when the tool never ran.
         */
        public JsonNode latestResult(String tool) {
            JsonNode contents = contents();
            for (int i = contents.size() - 1; i >= 0; i--) {
                JsonNode parts = contents.get(i).path("parts");
                for (int j = parts.size() - 1; j >= 0; j--) {
                    JsonNode fr = parts.get(j).path("functionResponse");
                    if (fr.isMissingNode() || !tool.equals(fr.path("name").asText())) continue;
                    String text = fr.path("response").path("response").asText();
                    try {
                        return JSON.readTree(text);
                    } catch (IOException e) {
                        return JSON.getNodeFactory().textNode(text);
                    }
                }
            }
            return null;
        }

        /** The text of the last user text part. */
        public String lastUserText() {
            JsonNode contents = contents();
            for (int i = contents.size() - 1; i >= 0; i--) {
                JsonNode c = contents.get(i);
                if (!"user".equals(c.path("role").asText())) continue;
                for (JsonNode p : c.path("parts"))
                    if (p.has("text")) return p.get("text").asText();
            }
            return "";
        }

        /** Everything the model was sent, as one string (for "nothing of X was revealed" checks). */
        public String everything() {
            return body.toString();
        }
    }

    /** A scripted reply: a status, a body or SSE chunks, an optional delay. */
    public record Reply(
            int status,
            Function<Recorded, List<JsonNode>> parts,
            String raw,
            long delayMillis,
            String finish,
            boolean withUsage,
            Pacing pacing) {

        public Reply(
                int status,
                Function<Recorded, List<JsonNode>> parts,
                String raw,
                long delayMillis,
                String finish,
                boolean withUsage) {
            this(status, parts, raw, delayMillis, finish, withUsage, null);
        }

        /** A text reply streamed as the pacing says (for a non-streaming request: the pieces joined). */
        public static Reply streamed(Pacing pacing) {
            String whole = String.join("", pacing.pieces);
            return new Reply(200, r -> List.of(textPart(whole)), null, 0, "STOP", true, pacing);
        }

        public static Reply text(String text) {
            return new Reply(200, r -> List.of(textPart(text)), null, 0, "STOP", true);
        }

        public static Reply calls(Call... calls) {
            return new Reply(
                    200,
                    r -> {
                        List<JsonNode> parts = new ArrayList<>();
                        for (Call c : calls) parts.add(c.part());
                        return parts;
                    },
                    null,
                    0,
                    "STOP",
                    true);
        }

        /** Function calls computed from the request (e.g. "the second one" read from earlier results). */
        public static Reply dynamicCalls(Function<Recorded, List<Call>> calls) {
            return new Reply(
                    200,
                    r -> {
                        List<JsonNode> parts = new ArrayList<>();
                        for (Call c : calls.apply(r)) parts.add(c.part());
                        return parts;
                    },
                    null,
                    0,
                    "STOP",
                    true);
        }

        /** A reply computed from the request (e.g. an answer that quotes the tool results). */
        public static Reply dynamicText(Function<Recorded, String> text) {
            return new Reply(200, r -> List.of(textPart(text.apply(r))), null, 0, "STOP", true);
        }

        public static Reply error(int status, String grpcStatus, String message) {
            return new Reply(status, null, errorJson(status, grpcStatus, message), 0, null, true);
        }

        /** A 200 with exactly this body (malformed JSON, empty candidates, promptFeedback only...). */
        public static Reply raw(String body) {
            return new Reply(200, null, body, 0, null, true);
        }

        public static Reply safetyBlock() {
            return new Reply(200, r -> List.of(), null, 0, "SAFETY", true);
        }

        public Reply delayed(long millis) {
            return new Reply(status, parts, raw, millis, finish, withUsage, pacing);
        }

        public Reply withoutUsage() {
            return new Reply(status, parts, raw, delayMillis, finish, false, pacing);
        }

        String body(Recorded rec) {
            if (raw != null) return raw;
            return response(rec, parts.apply(rec), true).toString();
        }

        /** SSE: text split into a few chunks, usage and finishReason in the last one. */
        List<String> chunks(Recorded rec) {
            if (raw != null) return List.of(raw);
            List<JsonNode> all = parts.apply(rec);
            List<String> out = new ArrayList<>();
            boolean onlyText = !all.isEmpty() && all.stream().allMatch(p -> p.has("text"));
            if (onlyText && all.size() == 1) {
                String text = all.get(0).get("text").asText();
                List<String> pieces = splitWords(text);
                for (int i = 0; i < pieces.size(); i++) {
                    boolean last = i == pieces.size() - 1;
                    out.add(response(rec, List.of(textPart(pieces.get(i))), last)
                            .toString());
                }
                return out;
            }
            out.add(response(rec, all, true).toString());
            return out;
        }

        ObjectNode response(Recorded rec, List<JsonNode> partList, boolean last) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode candidates = root.putArray("candidates");
            ObjectNode cand = candidates.addObject();
            ObjectNode content = cand.putObject("content");
            content.put("role", "model");
            ArrayNode ps = content.putArray("parts");
            partList.forEach(ps::add);
            if (last && finish != null) cand.put("finishReason", finish);
            if (last && withUsage) {
                int out = 0;
                for (JsonNode p : partList) out += tokens(p.toString().length());
                ObjectNode usage = root.putObject("usageMetadata");
                int in = rec.promptTokens();
                usage.put("promptTokenCount", in);
                usage.put("candidatesTokenCount", out);
                usage.put("totalTokenCount", in + out);
            }
            root.put("modelVersion", rec.model());
            root.put("responseId", "fake-" + Long.toHexString(System.nanoTime()));
            return root;
        }

        private static List<String> splitWords(String text) {
            List<String> pieces = new ArrayList<>();
            int step = Math.max(1, text.length() / 4);
            for (int i = 0; i < text.length(); i += step)
                pieces.add(text.substring(i, Math.min(text.length(), i + step)));
            if (pieces.isEmpty()) pieces.add("");
            return pieces;
        }
    }

    static JsonNode textPart(String text) {
        ObjectNode p = JSON.createObjectNode();
        p.put("text", text);
        return p;
    }

    /** A function call a scripted model makes. */
    public record Call(String name, Map<String, Object> args) {
        public static Call of(String name, Object... kv) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
            return new Call(name, m);
        }

        JsonNode part() {
            ObjectNode p = JSON.createObjectNode();
            ObjectNode fc = p.putObject("functionCall");
            fc.put("name", name);
            fc.set("args", JSON.valueToTree(args));
            return p;
        }
    }
}
