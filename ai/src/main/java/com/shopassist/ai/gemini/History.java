package com.shopassist.ai.gemini;

import com.shopassist.core.chat.ChatMessage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a turn remembers: the summary of older messages and the recent window, cut at turn
 * boundaries (a window always starts at a shopper message, so tool rounds stay whole).
 *
 * @param summary the summary of everything up to {@code summaryUpto}, or null
 * @param window the recent stored messages (user, tool, model), oldest first
 * @param overflow stored messages after the summary but before the window: to be summarised
 */
record History(String summary, long summaryUpto, List<ChatMessage> window, List<ChatMessage> overflow) {

    static final History EMPTY = new History(null, 0, List.of(), List.of());

    static History of(String summary, Long summaryUpto, List<ChatMessage> afterSummary, int windowSize) {
        List<ChatMessage> rows = new ArrayList<>();
        for (ChatMessage m : afterSummary) {
            if (!"system".equals(m.role())) rows.add(m);
        }
        int start = cut(rows, windowSize);
        return new History(
                summary,
                summaryUpto == null ? 0 : summaryUpto,
                List.copyOf(rows.subList(start, rows.size())),
                List.copyOf(rows.subList(0, start)));
    }

    /**
     * What to fold into the summary once the window is full: everything but the last
     * {@code keep} messages (cut at a turn boundary), so the next summary is a few turns away
     * rather than due on every turn.
     */
    List<ChatMessage> toSummarise(int keep) {
        if (overflow.isEmpty()) return List.of();
        List<ChatMessage> rows = new ArrayList<>(overflow);
        rows.addAll(window);
        return List.copyOf(rows.subList(0, cut(rows, keep)));
    }

    /** Index of the first row of the last {@code size} rows, moved forward to a shopper message. */
    private static int cut(List<ChatMessage> rows, int size) {
        int start = Math.max(0, rows.size() - size);
        while (start < rows.size() && !"user".equals(rows.get(start).role())) start++;
        if (start == rows.size()) {
            // one turn longer than the window: keep it whole from its shopper message
            start = rows.size();
            for (int i = rows.size() - 1; i >= 0; i--) {
                if ("user".equals(rows.get(i).role())) {
                    start = i;
                    break;
                }
            }
        }
        return start;
    }

    /** The window as LangChain4j messages. */
    List<dev.langchain4j.data.message.ChatMessage> messages() {
        List<dev.langchain4j.data.message.ChatMessage> out = new ArrayList<>();
        int lastTurn = 0;
        for (int i = 0; i < window.size(); i++) if ("user".equals(window.get(i).role())) lastTurn = i;
        for (int i = 0; i < window.size(); i++) {
            ChatMessage m = window.get(i);
            switch (m.role()) {
                case "user" -> out.add(UserMessage.from(nonBlank(m.content())));
                case "model" -> out.add(AiMessage.from(nonBlank(m.content())));
                case "tool" -> {
                    ToolRound round = ToolRound.parse(m.content());
                    // the previous turn's results verbatim; older ones as the products they showed
                    if (round != null) out.addAll(round.toMessages(i < lastTurn));
                }
                default -> {}
            }
        }
        return out;
    }

    /** Tool names of the last turn in the window (for the tool router's continuity). */
    Set<String> lastTurnTools() {
        Set<String> out = new LinkedHashSet<>();
        for (int i = window.size() - 1; i >= 0; i--) {
            ChatMessage m = window.get(i);
            if ("user".equals(m.role())) break;
            if ("tool".equals(m.role())) {
                ToolRound r = ToolRound.parse(m.content());
                if (r != null) out.addAll(r.toolNames());
            }
        }
        return out;
    }

    /** "id name" of products the window's tool rounds showed, newest last. */
    List<String> windowProducts() {
        List<String> out = new ArrayList<>();
        for (ChatMessage m : window) {
            if (!"tool".equals(m.role())) continue;
            ToolRound r = ToolRound.parse(m.content());
            if (r != null) out.addAll(r.products());
        }
        return out;
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? "..." : s;
    }
}
