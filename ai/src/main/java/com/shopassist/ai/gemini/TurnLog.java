package com.shopassist.ai.gemini;

import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.Correction;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The ids a turn's log lines carry (MDC: {@code session}, the chat session's random id, never the
 * customer's; {@code turn}, new for each turn) and the one line written when the turn is answered,
 * with the layer, the database that answered (shared, or local: the kiosk's replica), the latency,
 * the tools called and the kinds of the reply check's corrections. Never the shopper's words or the
 * answer.
 */
final class TurnLog {

    private static final Logger log = LoggerFactory.getLogger(TurnLog.class);
    private static final String[] KEYS = {"session", "turn", "layer", "store", "latency_ms", "tools", "corrections"};

    private TurnLog() {}

    static void begin(ChatContext ctx) {
        if (ctx != null && ctx.chatSessionId() != null)
            MDC.put("session", ctx.chatSessionId().toString());
        MDC.put("turn", Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
    }

    static void end(String layer, String store, long nanos, List<String> tools, List<Correction> corrections) {
        try {
            if (log.isInfoEnabled()) {
                MDC.put("layer", layer);
                MDC.put("store", store);
                MDC.put("latency_ms", Long.toString(nanos / 1_000_000));
                if (!tools.isEmpty()) MDC.put("tools", String.join(",", tools));
                if (!corrections.isEmpty())
                    MDC.put(
                            "corrections",
                            String.join(
                                    ",",
                                    corrections.stream()
                                            .map(c -> c.kind().tag())
                                            .toList()));
                log.info("turn answered");
            }
        } finally {
            for (String k : KEYS) MDC.remove(k);
        }
    }
}
