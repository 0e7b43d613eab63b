package com.shopassist.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a model answered, recorded per task: for each model call of a task, keyed by the shopper's
 * turn (0-based) and the call within that turn (0 is the first; each tool round adds one), the
 * function calls and/or text the model returned. JSON lines, one call a line:
 *
 * <pre>
 * {"task":"cart-total-01","turn":0,"call":0,"calls":[{"name":"find_product_by_name","args":{"name":"..."}}]}
 * {"task":"cart-total-01","turn":0,"call":1,"calls":[{"name":"add_to_cart","args":{"product_id":{"$product":"..."}}}]}
 * {"task":"cart-total-01","turn":1,"call":1,"text":"..."}
 * </pre>
 *
 * A product id is written as {@code {"$product": "exact name"}}: the replay puts in the id of that
 * product as a tool result sent to the model shows it, so a recording can only use what the model
 * was shown (and survives a reseed that renumbers products).
 */
public final class Recordings {

    /** Where the shipped recordings live, beside the suite: {@code replay.txt} lists the files. */
    public static final String SHIPPED = "/com/shopassist/app/eval/";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded model answer: its parts as Gemini sends them (placeholders still in). */
    public record Reply(List<JsonNode> parts) {
        public Reply {
            parts = List.copyOf(parts);
        }
    }

    private record Key(int turn, int call) {}

    private final Map<String, Map<Key, Reply>> byTask;

    private Recordings(Map<String, Map<Key, Reply>> byTask) {
        this.byTask = byTask;
    }

    /** The recordings shipped in the jar beside the suite. */
    public static Recordings shipped() {
        return load(SHIPPED, "replay.txt");
    }

    /** Every file {@code index} (under {@code base}) lists, merged; a task's call recorded twice fails. */
    public static Recordings load(String base, String index) {
        Map<String, Map<Key, Reply>> all = new HashMap<>();
        for (String file : EvalSuite.lines(base + index)) {
            List<String> rows = EvalSuite.lines(base + file);
            for (int i = 0; i < rows.size(); i++) {
                String where = file + " line " + (i + 1);
                JsonNode n;
                try {
                    n = JSON.readTree(rows.get(i));
                } catch (IOException e) {
                    throw new IllegalArgumentException(where + ": not JSON: " + e.getMessage(), e);
                }
                String task = n.path("task").asText("");
                if (task.isEmpty() || !n.has("turn") || !n.has("call"))
                    throw new IllegalArgumentException(where + ": needs task, turn and call");
                List<JsonNode> parts = new ArrayList<>();
                if (n.hasNonNull("text")) {
                    ObjectNode p = JSON.createObjectNode();
                    p.put("text", n.get("text").asText());
                    parts.add(p);
                }
                for (JsonNode c : n.path("calls")) {
                    if (!c.hasNonNull("name")) throw new IllegalArgumentException(where + ": a call without a name");
                    ObjectNode p = JSON.createObjectNode();
                    ObjectNode fc = p.putObject("functionCall");
                    fc.put("name", c.get("name").asText());
                    fc.set("args", c.has("args") ? c.get("args") : JSON.createObjectNode());
                    parts.add(p);
                }
                if (parts.isEmpty()) throw new IllegalArgumentException(where + ": neither text nor calls");
                Key key = new Key(n.get("turn").asInt(), n.get("call").asInt());
                if (all.computeIfAbsent(task, t -> new HashMap<>()).put(key, new Reply(parts)) != null) {
                    throw new IllegalArgumentException(where + ": task " + task + " turn " + key.turn() + " call "
                            + key.call() + " is recorded twice");
                }
            }
        }
        return new Recordings(all);
    }

    /** The tasks that have recordings. */
    public Set<String> tasks() {
        return byTask.keySet();
    }

    /** Every recorded call of the task as "turn N call M", in no particular order. */
    public Set<String> calls(String task) {
        Set<String> out = new java.util.TreeSet<>();
        for (Key k : byTask.getOrDefault(task, Map.of()).keySet()) out.add(label(k.turn(), k.call()));
        return out;
    }

    static String label(int turn, int call) {
        return "turn " + turn + " call " + call;
    }

    public boolean has(String task) {
        return byTask.containsKey(task);
    }

    /** What the model answered to call {@code call} of turn {@code turn} of the task, if recorded. */
    public Optional<Reply> reply(String task, int turn, int call) {
        Map<Key, Reply> m = byTask.get(task);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(new Key(turn, call)));
    }
}
