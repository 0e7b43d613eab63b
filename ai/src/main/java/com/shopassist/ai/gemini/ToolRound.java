package com.shopassist.ai.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One model call's function calls and the answers to them, stored as a single "tool" row of
 * chat_details so that a window can never hold a call without its response (Gemini rejects
 * that). {@code products} lists "id name" of what the results showed, for the validator and the
 * deterministic summary.
 */
record ToolRound(List<Call> calls, List<String> products) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Call(String name, String args, String result) {}

    ToolRound {
        calls = List.copyOf(calls);
        products = products == null ? List.of() : List.copyOf(products);
    }

    String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode cs = root.putArray("calls");
        for (Call c : calls) {
            ObjectNode n = cs.addObject();
            n.put("name", c.name());
            n.put("args", c.args() == null ? "{}" : c.args());
            n.put("result", c.result() == null ? "" : c.result());
        }
        ArrayNode ps = root.putArray("products");
        products.forEach(ps::add);
        return root.toString();
    }

    /** Null for a row that is not a tool round (or was redacted). */
    static ToolRound parse(String json) {
        if (json == null || !json.startsWith("{")) return null;
        try {
            JsonNode root = JSON.readTree(json);
            List<Call> calls = new ArrayList<>();
            for (JsonNode n : root.path("calls")) {
                calls.add(new Call(
                        n.path("name").asText(),
                        n.path("args").asText("{}"),
                        n.path("result").asText("")));
            }
            if (calls.isEmpty()) return null;
            List<String> products = new ArrayList<>();
            for (JsonNode p : root.path("products")) products.add(p.asText());
            return new ToolRound(calls, products);
        } catch (IOException e) {
            return null;
        }
    }

    /** The call message and one result message per call, in order. */
    List<ChatMessage> toMessages() {
        return toMessages(false);
    }

    /**
     * As {@link #toMessages()}; {@code compact} replaces results that listed products by those
     * products' "id name price" (what later turns refer back to), and clips the rest: rounds of
     * earlier turns are read again on every call, so they travel small.
     */
    List<ChatMessage> toMessages(boolean compact) {
        List<ToolExecutionRequest> requests = new ArrayList<>();
        List<ChatMessage> out = new ArrayList<>();
        for (Call c : calls) {
            requests.add(ToolExecutionRequest.builder()
                    .name(c.name())
                    .arguments(c.args())
                    .build());
        }
        out.add(AiMessage.from(requests));
        for (int i = 0; i < calls.size(); i++) {
            String result = calls.get(i).result();
            if (compact) result = compactResult(result, calls.size() == 1 ? products : List.of());
            out.add(ToolExecutionResultMessage.from(requests.get(i), result));
        }
        return out;
    }

    static final int COMPACT_CHARS = 240;

    private static String compactResult(String result, List<String> products) {
        if (!products.isEmpty()) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode ps = root.putArray("products");
            products.forEach(ps::add);
            String compact = root.toString();
            if (result == null || compact.length() < result.length()) return compact;
        }
        if (result == null || result.length() <= COMPACT_CHARS) return result == null ? "" : result;
        return result.substring(0, COMPACT_CHARS) + "…";
    }

    List<String> toolNames() {
        return calls.stream().map(Call::name).toList();
    }
}
