package com.shopassist.ai.gemini;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.core.chat.ChatContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shopper message on its way through the chain. It outlives a failed model attempt so that a
 * cart write the first model already made is not made again by the fallback model: the k-th
 * identical write of the turn replays the k-th earlier result.
 */
final class Turn {

    private static final Logger log = LoggerFactory.getLogger(Turn.class);
    private static final Set<String> REPLAYED_WRITES = Set.of("add_to_cart", "remove_from_cart", "remove_voucher");

    final ChatContext ctx;
    final String message;
    final Lang lang;
    final History history;
    final List<String> toolNames;
    final boolean singleStep;
    private final Map<String, List<ToolResult>> writesDone = new LinkedHashMap<>();
    private volatile Attempt current;

    Turn(ChatContext ctx, String message, Lang lang, History history, List<String> toolNames, boolean singleStep) {
        this.ctx = ctx;
        this.message = message;
        this.lang = lang;
        this.history = history;
        this.toolNames = toolNames;
        this.singleStep = singleStep;
    }

    /**
     * The cart writes some model already made this turn and that succeeded, in the order made. When
     * every model then fails, the turn is answered from these rather than handed to the offline
     * assistant, which would read the shopper's words again and make the same write a second time.
     */
    synchronized List<ToolResult> successfulWrites() {
        List<ToolResult> out = new ArrayList<>();
        for (List<ToolResult> done : writesDone.values()) {
            for (ToolResult r : done) if (r.ok()) out.add(r);
        }
        return out;
    }

    Attempt attempt(String label, String model, int maxToolCalls) {
        Attempt a = new Attempt(label, model, maxToolCalls);
        current = a;
        return a;
    }

    /** What the tools of the model trying now returned so far (the streamed answer is checked against it). */
    List<ToolResult> currentResults() {
        Attempt a = current;
        return a == null ? List.of() : a.results();
    }

    /** A call as the model made it and what came back. */
    record Executed(String name, String args, ToolResult result) {}

    /** One model's try at this turn. */
    final class Attempt {
        final String label;
        final String model;
        final int maxToolCalls;
        final List<Executed> executed = new ArrayList<>();
        private final Map<String, Integer> writeCounts = new HashMap<>();
        private int calls;

        Attempt(String label, String model, int maxToolCalls) {
            this.label = label;
            this.model = model;
            this.maxToolCalls = maxToolCalls;
        }

        Turn turn() {
            return Turn.this;
        }

        synchronized ToolResult run(ToolBox tools, String name, String args) {
            ToolResult result;
            if (++calls > maxToolCalls) {
                result = ToolResults.fail(
                        name,
                        "TOOL_LIMIT",
                        "Tool limit of " + maxToolCalls + " calls this turn reached. Answer now with what you have.");
            } else if (REPLAYED_WRITES.contains(name)) {
                String key = name + " " + normalizeArgs(args);
                int k = writeCounts.merge(key, 1, Integer::sum);
                List<ToolResult> done = writesDone.computeIfAbsent(key, x -> new ArrayList<>());
                if (k <= done.size()) {
                    result = done.get(k - 1);
                } else {
                    result = safely(tools, name, args);
                    done.add(result);
                }
            } else {
                result = safely(tools, name, args);
            }
            executed.add(new Executed(name, args, result));
            return result;
        }

        private ToolResult safely(ToolBox tools, String name, String args) {
            try {
                ToolResult r = tools.call(ctx, name, args);
                if (r == null) return ToolResults.fail(name, "BAD_ARGUMENTS", "No result.");
                return r;
            } catch (RuntimeException e) {
                // tools promise not to throw; a stub or a bug still can
                log.warn("tool {} failed: {}", name, e.toString());
                return new ToolResult(
                        name,
                        false,
                        "The store system did not answer. Tell the shopper to try again shortly.",
                        List.of(),
                        null,
                        null,
                        "TOOL_FAILED");
            }
        }

        synchronized List<ToolResult> results() {
            return executed.stream().map(Executed::result).toList();
        }
    }

    private static String normalizeArgs(String args) {
        return args == null ? "{}" : args.replaceAll("\\s+", "");
    }
}
