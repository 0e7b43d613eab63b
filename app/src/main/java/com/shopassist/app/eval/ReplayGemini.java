package com.shopassist.app.eval;

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
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Gemini endpoint (127.0.0.1, a free port) that answers from {@link Recordings}, so the
 * real LangChain4j Gemini client, the real tools over a copy of the demo store and the reply
 * validator all run without the network. It follows the evaluation ({@link PlayObserver}): which
 * task is played and which of its turns; the call within a turn is read from the request (the
 * model contents after the shopper's last message), so a retry or the fallback model gets the
 * same answer.
 *
 * <p>What it cannot answer becomes a problem of the task, and the request gets a 400 at once (no
 * retry, no hang): a call with no recording, a request whose last shopper message is not the turn
 * being played, a recorded product or order number the model was never shown, a tool result that
 * shows the model a word the task says must not appear. A request that declares no tools
 * is the chain's summary call: it gets a 500, after which the chain writes its plain summary.
 *
 * <p>Input tokens are counted as Gemini's rule of thumb of about 4 characters a token over what
 * the model reads (system instruction, contents, function declarations as compact JSON), and
 * reported as usageMetadata.
 */
public final class ReplayGemini implements PlayObserver, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH =
            Pattern.compile("/v1beta/models/([^/:]+):(generateContent|streamGenerateContent)");

    static {
        // without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK: about 40 ms per response that a real endpoint does not add. The JDK reads this
        // property once, when its server classes load, so it is set before the first HttpServer of the
        // JVM; it applies to every JDK HttpServer in the JVM, and the app starts none but this one
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** One model call answered: which task, turn and call, and its input tokens as counted here. */
    public record Call(String task, int turn, int call, int inputTokens, int declarationTokens) {}

    private final Recordings recordings;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "replay-gemini");
        t.setDaemon(true);
        return t;
    });
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private EvalTask task; // guarded by lock
    private int turn; // guarded by lock
    private OrderPlaceholders orders; // guarded by lock
    private final Set<String> problems = new LinkedHashSet<>(); // guarded by lock
    /** The recorded calls the play going on asked for: a second ask, or one never asked, is a problem of it. */
    private final Set<String> played = new java.util.HashSet<>(); // guarded by lock
    /** Every recorded call asked for, over all rounds of every task: what {@link #unused} reads. */
    private final Map<String, Set<String>> served = new java.util.HashMap<>(); // guarded by lock

    private ReplayGemini(Recordings recordings, HttpServer server) {
        this.recordings = recordings;
        this.server = server;
    }

    public static ReplayGemini start(Recordings recordings) {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            ReplayGemini r = new ReplayGemini(recordings, s);
            s.createContext("/", r::handle);
            s.setExecutor(r.pool);
            s.start();
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException("the replay endpoint could not start: " + e.getMessage(), e);
        }
    }

    /** The base URL to give the Gemini client (ends in /v1beta). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1beta";
    }

    /** The settings, named as in the environment, that point the app's Gemini layers here. */
    public Map<String, String> environment() {
        return Map.of(
                "GEMINI_API_KEY", "replay",
                "SHOPASSIST_GEMINI_BASE_URL", baseUrl(),
                "SHOPASSIST_GEMINI_MAX_RETRIES", "0");
    }

    public Recordings recordings() {
        return recordings;
    }

    /** Every model call answered so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void beginTask(EvalTask t, OrderPlaceholders o) {
        synchronized (lock) {
            task = t;
            orders = o;
            turn = -1;
            problems.clear();
            // a new play (another task, or the same task in the next round of --repeat) asks every call afresh
            played.clear();
        }
    }

    @Override
    public void beforeTurn(EvalTask t, int index) {
        synchronized (lock) {
            turn = index;
        }
    }

    @Override
    public List<String> endTask(EvalTask t) {
        synchronized (lock) {
            List<String> out = new ArrayList<>(problems);
            if (task != null) {
                // a recorded answer this play never asked for: the chain did not reach the model there (the
                // offline assistant answered, or the play ended early), so the task did not test Gemini
                Set<String> left = new java.util.TreeSet<>(recordings.calls(task.id()));
                left.removeAll(played);
                for (String l : left) out.add("task " + task.id() + " never asked for its recorded " + l);
            }
            task = null;
            problems.clear();
            return out;
        }
    }

    /**
     * The recorded calls of {@code task} the chain never asked for (task id to "turn N call M"):
     * a recording that is not what the chain does, or a play that ended early.
     */
    public Map<String, Set<String>> unused(List<EvalTask> tasks) {
        Map<String, Set<String>> out = new java.util.TreeMap<>();
        synchronized (lock) {
            for (EvalTask t : tasks) {
                Set<String> left = new java.util.TreeSet<>(recordings.calls(t.id()));
                left.removeAll(served.getOrDefault(t.id(), Set.of()));
                if (!left.isEmpty()) out.put(t.id(), left);
            }
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] in = ex.getRequestBody().readAllBytes();
            Matcher m = PATH.matcher(ex.getRequestURI().getPath());
            if (!m.matches() || !"POST".equals(ex.getRequestMethod())) {
                send(ex, 404, "application/json", error(404, "NOT_FOUND", "no such method"));
                return;
            }
            JsonNode body;
            try {
                body = JSON.readTree(in);
            } catch (IOException e) {
                send(ex, 400, "application/json", error(400, "INVALID_ARGUMENT", "not JSON"));
                return;
            }
            boolean stream = m.group(2).startsWith("stream");
            if (!body.path("tools").elements().hasNext()) {
                // the chain's summary call: it writes a plain summary when the model fails
                send(ex, 500, "application/json", error(500, "INTERNAL", "summaries are not recorded"));
                return;
            }
            Answer a = answer(body);
            if (a.parts == null) {
                send(ex, 400, "application/json", error(400, "INVALID_ARGUMENT", a.problem));
                return;
            }
            String out = response(m.group(1), body, a.parts).toString();
            if (stream) {
                ex.getResponseHeaders().set("Content-Type", "text/event-stream");
                ex.sendResponseHeaders(200, 0);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(("data: " + out + "\n\n").getBytes(StandardCharsets.UTF_8));
                }
            } else {
                send(ex, 200, "application/json", out);
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        }
    }

    private record Answer(List<JsonNode> parts, String problem) {}

    private Answer answer(JsonNode body) {
        synchronized (lock) {
            if (task == null) return fail("a model call while no task is played");
            String name = task.id();
            int call = callWithinTurn(body.path("contents"));
            String said = lastShopperText(body.path("contents"));
            String expected = turn >= 0 && turn < task.turns().size()
                    ? task.turns().get(turn).strip()
                    : null;
            if (expected == null || !expected.equals(said)) {
                return fail("task " + name + " turn " + turn + ": the model was sent \"" + said + "\", not the turn");
            }
            Optional<Recordings.Reply> r = recordings.reply(name, turn, call);
            if (r.isEmpty()) {
                return fail("no recorded reply for task " + name + " turn " + turn + " call " + call
                        + lastResults(body.path("contents")));
            }
            String label = Recordings.label(turn, call);
            served.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(label);
            if (!played.add(label)) {
                // the chain asked again (the other model, after this answer failed): the play is no longer the
                // recording's
                problems.add("task " + name + " " + label + " was asked twice");
            }
            String where = "task " + name + " turn " + turn + " call " + call;
            String shown = shown(body.path("contents"));
            String leaked = firstAbsent(task.absent(), toolResults(body.path("contents")));
            if (leaked != null) {
                // the reply check only reads what the shopper is shown; the model must not be sent it either
                return fail(where + ": a tool result sent to the model shows \"" + leaked + "\", which the task says"
                        + " must not appear");
            }
            List<JsonNode> parts = new ArrayList<>();
            for (JsonNode p : r.get().parts()) {
                for (String number : orders.numbersIn(p.toString())) {
                    if (!shown.contains(number)) {
                        return fail(where + ": the recording names order " + number + ", which neither the shopper"
                                + " nor a tool result sent to the model shows");
                    }
                }
                JsonNode copy = p.deepCopy();
                try {
                    orders.resolveIn(copy);
                } catch (IllegalArgumentException e) {
                    return fail("task " + name + " turn " + turn + " call " + call + ": " + e.getMessage());
                }
                String unseen = resolveProducts(copy, body.path("contents"));
                if (unseen != null) {
                    return fail("task " + name + " turn " + turn + " call " + call + ": the recording names \"" + unseen
                            + "\", which no tool result sent to the model shows");
                }
                parts.add(copy);
            }
            calls.add(new Call(name, turn, call, inputTokens(body), declarationTokens(body)));
            return new Answer(parts, null);
        }
    }

    private Answer fail(String problem) {
        problems.add(problem);
        return new Answer(null, problem);
    }

    /** What the model was sent back from its last tool round, shortened: what a recording's author reads. */
    private static String lastResults(JsonNode contents) {
        StringBuilder sb = new StringBuilder();
        for (int i = contents.size() - 1;
                i >= 0 && !"model".equals(contents.get(i).path("role").asText());
                i--) {
            for (JsonNode p : contents.get(i).path("parts")) {
                JsonNode fr = p.path("functionResponse");
                if (fr.isMissingNode()) continue;
                String text = fr.path("response").path("response").asText("");
                sb.insert(0, " " + fr.path("name").asText() + " -> " + text);
            }
        }
        if (sb.length() == 0) return "";
        return " (after" + (sb.length() > 600 ? sb.substring(0, 600) + "..." : sb) + ")";
    }

    /** What the model was told: every tool result and every shopper message in the request, as one text. */
    private static String shown(JsonNode contents) {
        StringBuilder sb = new StringBuilder(toolResults(contents));
        for (JsonNode c : contents) {
            if ("model".equals(c.path("role").asText())) continue;
            for (JsonNode p : c.path("parts"))
                if (p.has("text")) sb.append('\n').append(p.get("text").asText());
        }
        return sb.toString();
    }

    /** Every tool result in the request, as one text. */
    private static String toolResults(JsonNode contents) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : contents) {
            for (JsonNode p : c.path("parts")) {
                JsonNode fr = p.path("functionResponse");
                if (fr.isMissingNode()) continue;
                JsonNode r = fr.path("response");
                sb.append('\n')
                        .append(
                                r.path("response").isTextual()
                                        ? r.path("response").asText()
                                        : r.toString());
            }
        }
        return sb.toString();
    }

    private static String firstAbsent(List<String> absent, String text) {
        String low = text.toLowerCase(java.util.Locale.ROOT);
        for (String a : absent) if (low.contains(a.toLowerCase(java.util.Locale.ROOT))) return a;
        return null;
    }

    /** The model contents after the last shopper text: 0 for the turn's first call, one more per tool round. */
    static int callWithinTurn(JsonNode contents) {
        int n = 0;
        for (int i = contents.size() - 1; i >= 0; i--) {
            JsonNode c = contents.get(i);
            if ("model".equals(c.path("role").asText())) n++;
            else if (hasText(c)) return n;
        }
        return n;
    }

    static String lastShopperText(JsonNode contents) {
        for (int i = contents.size() - 1; i >= 0; i--) {
            JsonNode c = contents.get(i);
            if (!"model".equals(c.path("role").asText()) && hasText(c)) {
                for (JsonNode p : c.path("parts"))
                    if (p.has("text")) return p.get("text").asText().strip();
            }
        }
        return "";
    }

    private static boolean hasText(JsonNode content) {
        for (JsonNode p : content.path("parts")) if (p.has("text")) return true;
        return false;
    }

    /**
     * Replaces every {@code {"$product": name}} under {@code node} by that product's id as a tool
     * result in {@code contents} shows it; returns the first name no result shows, else null.
     */
    private static String resolveProducts(JsonNode node, JsonNode contents) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            it.forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> f : fields) {
                JsonNode v = f.getValue();
                if (v.isObject() && v.has("$product")) {
                    Long id = shownId(v.get("$product").asText(), contents);
                    if (id == null) return v.get("$product").asText();
                    ((ObjectNode) node).put(f.getKey(), id);
                } else {
                    String unseen = resolveProducts(v, contents);
                    if (unseen != null) return unseen;
                }
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                if (v.isObject() && v.has("$product")) {
                    Long id = shownId(v.get("$product").asText(), contents);
                    if (id == null) return v.get("$product").asText();
                    a.set(i, JSON.getNodeFactory().numberNode(id));
                } else {
                    String unseen = resolveProducts(v, contents);
                    if (unseen != null) return unseen;
                }
            }
        }
        return null;
    }

    /** The id a tool result sent to the model gives the product called {@code name}, or null. */
    private static Long shownId(String name, JsonNode contents) {
        for (JsonNode c : contents) {
            for (JsonNode p : c.path("parts")) {
                JsonNode fr = p.path("functionResponse");
                if (fr.isMissingNode()) continue;
                String text = fr.path("response").path("response").asText("");
                if (!text.contains(name)) continue;
                try {
                    Long id = find(JSON.readTree(text), name);
                    if (id != null) return id;
                } catch (IOException e) {
                    // a plain-text result names no ids
                }
            }
        }
        return null;
    }

    private static Long find(JsonNode n, String name) {
        if (n.isObject()) {
            if (name.equals(n.path("name").asText(null))) {
                JsonNode id = n.has("id") ? n.get("id") : n.get("product_id");
                if (id != null && id.canConvertToLong()) return id.asLong();
            }
            for (JsonNode v : n) {
                Long id = find(v, name);
                if (id != null) return id;
            }
        } else if (n.isArray()) {
            for (JsonNode v : n) {
                Long id = find(v, name);
                if (id != null) return id;
            }
        }
        return null;
    }

    /** About 4 characters a token over what the model reads, as Gemini's documentation estimates. */
    static int inputTokens(JsonNode body) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode p : body.path("systemInstruction").path("parts"))
            sb.append(p.path("text").asText());
        for (JsonNode c : body.path("contents")) {
            for (JsonNode p : c.path("parts")) {
                if (p.has("text")) sb.append(p.get("text").asText());
                if (p.has("functionCall")) sb.append(p.get("functionCall"));
                if (p.has("functionResponse")) sb.append(p.get("functionResponse"));
            }
        }
        return tokens(sb.length()) + declarationTokens(body);
    }

    static int declarationTokens(JsonNode body) {
        int chars = 0;
        for (JsonNode t : body.path("tools"))
            if (t.has("functionDeclarations"))
                chars += t.get("functionDeclarations").toString().length();
        return tokens(chars);
    }

    private static int tokens(int chars) {
        return (chars + 3) / 4;
    }

    private static ObjectNode response(String model, JsonNode request, List<JsonNode> parts) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode cand = root.putArray("candidates").addObject();
        ObjectNode content = cand.putObject("content");
        content.put("role", "model");
        ArrayNode ps = content.putArray("parts");
        int out = 0;
        for (JsonNode p : parts) {
            ps.add(p);
            out += tokens(p.toString().length());
        }
        cand.put("finishReason", "STOP");
        // the 1.19.0 client needs usageMetadata on every answer
        int in = inputTokens(request);
        ObjectNode usage = root.putObject("usageMetadata");
        usage.put("promptTokenCount", in);
        usage.put("candidatesTokenCount", out);
        usage.put("totalTokenCount", in + out);
        root.put("modelVersion", model);
        root.put("responseId", "replay");
        return root;
    }

    private static String error(int code, String status, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode err = root.putObject("error");
        err.put("code", code);
        err.put("message", message);
        err.put("status", status);
        return root.toString();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }
}
