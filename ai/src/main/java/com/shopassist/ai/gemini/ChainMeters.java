package com.shopassist.ai.gemini;

import com.shopassist.core.chat.Correction;
import com.shopassist.core.chat.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The chain's meters: {@code assistant.turns} and {@code assistant.turn.latency} by the layer that
 * answered (gemini-flash, gemini-pro, offline, fallback) and the database that answered ({@code
 * store}: shared, or local while the kiosk's replica answers), {@code assistant.tokens} by model and
 * kind (input, output), {@code assistant.cost.usd} by model, and {@code assistant.corrections} by
 * kind (price, stock, amount, unknown_product): each change the reply check made to a model's
 * answer. Tool calls are counted by {@link com.shopassist.ai.tool.MeteredToolBox}.
 */
final class ChainMeters {

    private final MeterRegistry registry;

    private record Layer(Timer latency, Counter turns) {}

    private final Map<String, Layer> turns = new ConcurrentHashMap<>();
    private final Map<String, Counter[]> usage = new ConcurrentHashMap<>();
    private final Map<Correction.Kind, Counter> corrections = new ConcurrentHashMap<>();

    ChainMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void turn(String layer, String store, long nanos) {
        String name = layer == null ? "fallback" : layer;
        Layer m = turns.computeIfAbsent(name + "/" + store, k -> layer(name, store));
        m.latency.record(nanos, TimeUnit.NANOSECONDS);
        m.turns.increment();
    }

    private Layer layer(String name, String store) {
        return new Layer(
                Timer.builder("assistant.turn.latency")
                        .description("one shopper turn, from the message to the checked answer")
                        .tag("layer", name)
                        .tag("store", store)
                        .publishPercentiles(0.5, 0.95)
                        .register(registry),
                // the timer counts turns too; a plain counter reads easier on a dashboard
                Counter.builder("assistant.turns")
                        .tag("layer", name)
                        .tag("store", store)
                        .register(registry));
    }

    void corrected(List<Correction> made) {
        for (Correction c : made) {
            corrections
                    .computeIfAbsent(
                            c.kind(),
                            k -> Counter.builder("assistant.corrections")
                                    .description("changes the reply check made to a model's answer before it was shown")
                                    .tag("kind", k.tag())
                                    .register(registry))
                    .increment();
        }
    }

    void spent(TokenUsage u) {
        if (u == null) return;
        Counter[] c = usage.computeIfAbsent(u.model() == null ? "unknown" : u.model(), m -> new Counter[] {
            Counter.builder("assistant.tokens")
                    .tag("model", m)
                    .tag("kind", "input")
                    .register(registry),
            Counter.builder("assistant.tokens")
                    .tag("model", m)
                    .tag("kind", "output")
                    .register(registry),
            Counter.builder("assistant.cost.usd").tag("model", m).register(registry)
        });
        c[0].increment(u.inputTokens());
        c[1].increment(u.outputTokens());
        if (u.costUsd() != null) c[2].increment(u.costUsd().doubleValue());
    }
}
