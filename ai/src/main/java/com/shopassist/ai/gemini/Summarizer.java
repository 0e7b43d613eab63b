package com.shopassist.ai.gemini;

import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.chat.TokenUsage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds messages that left the recent window into the session's summary: with the cheap model
 * when Gemini is on, and otherwise (or when that call fails) deterministically, from the
 * shopper's words and the products the tools showed.
 */
final class Summarizer {

    private static final Logger log = LoggerFactory.getLogger(Summarizer.class);
    static final int MAX_CHARS = 700;

    record Summary(String text, TokenUsage usage) {}

    private final ChatModel model; // null: deterministic only
    private final String modelName;
    private final AiSettings settings;
    private final String instruction;

    Summarizer(ChatModel model, String modelName, AiSettings settings) {
        this.model = model;
        this.modelName = modelName;
        this.settings = settings;
        this.instruction = Prompts.load("summary.txt");
    }

    Summary summarize(String previous, List<ChatMessage> rows) {
        return summarize(previous, rows, true);
    }

    /** {@code useModel} false: the deterministic summary even when a model is configured. */
    Summary summarize(String previous, List<ChatMessage> rows, boolean useModel) {
        if (model != null && useModel) {
            try {
                ChatResponse r = model.chat(ChatRequest.builder()
                        .messages(SystemMessage.from(instruction), UserMessage.from(transcript(previous, rows)))
                        .build());
                String text = r.aiMessage() == null ? null : r.aiMessage().text();
                if (text != null && !text.isBlank()) {
                    int in = r.tokenUsage() == null || r.tokenUsage().inputTokenCount() == null
                            ? 0
                            : r.tokenUsage().inputTokenCount();
                    int out = r.tokenUsage() == null || r.tokenUsage().outputTokenCount() == null
                            ? 0
                            : r.tokenUsage().outputTokenCount();
                    return new Summary(
                            clip(text.strip()),
                            new TokenUsage(
                                    modelName,
                                    in,
                                    out,
                                    settings.priceOf(modelName).cost(in, out)));
                }
            } catch (RuntimeException e) {
                log.info("summary by {} failed, writing a plain one: {}", modelName, e.toString());
            }
        }
        return new Summary(deterministic(previous, rows), null);
    }

    /** What the summary model reads: compact lines, tool results reduced to the products they showed. */
    static String transcript(String previous, List<ChatMessage> rows) {
        StringBuilder sb = new StringBuilder();
        if (previous != null && !previous.isBlank())
            sb.append("Earlier: ").append(previous).append('\n');
        for (ChatMessage m : rows) {
            switch (m.role()) {
                case "user" ->
                    sb.append("Shopper: ").append(clip(m.content(), 300)).append('\n');
                case "model" ->
                    sb.append("Assistant: ").append(clip(m.content(), 300)).append('\n');
                case "tool" -> {
                    ToolRound r = ToolRound.parse(m.content());
                    if (r != null) {
                        sb.append("Tools: ").append(String.join(", ", r.toolNames()));
                        if (!r.products().isEmpty()) {
                            sb.append(" -> ")
                                    .append(String.join(
                                            "; ",
                                            r.products()
                                                    .subList(
                                                            0,
                                                            Math.min(
                                                                    6,
                                                                    r.products().size()))));
                        }
                        sb.append('\n');
                    }
                }
                default -> {}
            }
        }
        return sb.toString();
    }

    static String deterministic(String previous, List<ChatMessage> rows) {
        List<String> asks = new ArrayList<>();
        Set<String> products = new LinkedHashSet<>();
        Set<String> tools = new LinkedHashSet<>();
        for (ChatMessage m : rows) {
            if ("user".equals(m.role())) asks.add("\"" + clip(m.content(), 60) + "\"");
            if ("tool".equals(m.role())) {
                ToolRound r = ToolRound.parse(m.content());
                if (r != null) {
                    tools.addAll(r.toolNames());
                    products.addAll(r.products());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        if (previous != null && !previous.isBlank())
            sb.append(clip(previous, 250)).append(' ');
        if (!asks.isEmpty()) {
            sb.append("Shopper asked: ")
                    .append(String.join("; ", asks.subList(Math.max(0, asks.size() - 4), asks.size())))
                    .append(". ");
        }
        if (!products.isEmpty()) {
            List<String> p = new ArrayList<>(products);
            sb.append("Products shown (id name): ")
                    .append(String.join("; ", p.subList(Math.max(0, p.size() - 6), p.size())))
                    .append(". ");
        }
        if (!tools.isEmpty())
            sb.append("Tools used: ").append(String.join(", ", tools)).append('.');
        return clip(sb.toString().strip());
    }

    private static String clip(String s) {
        return clip(s, MAX_CHARS);
    }

    static String clip(String s, int max) {
        if (s == null) return "";
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
