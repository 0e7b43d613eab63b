package com.shopassist.ai.tool;

import com.shopassist.core.chat.ChatContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tool layer, counted: {@code assistant.tool.calls} and {@code assistant.tool.errors} (a
 * result that is not ok, or a tool that threw), tagged with the tool's name. Both assistants call
 * through it, so the counts cover Gemini and the offline assistant alike.
 */
public final class MeteredToolBox extends ForwardingToolBox {

    private final MeterRegistry registry;
    private final java.util.Set<String> names;
    private final Map<String, Counter[]> counters = new ConcurrentHashMap<>();

    public MeteredToolBox(ToolBox tools, MeterRegistry registry) {
        super(tools);
        this.registry = registry;
        this.names = tools.specs().stream().map(ToolSpec::name).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public ToolResult call(ChatContext ctx, String name, Args args) {
        return counted(name, () -> tools.call(ctx, name, args));
    }

    @Override
    public ToolResult call(ChatContext ctx, String name, String argumentsJson) {
        return counted(name, () -> tools.call(ctx, name, argumentsJson));
    }

    private ToolResult counted(String name, java.util.function.Supplier<ToolResult> call) {
        // a model can name a tool that does not exist: those share one tag, not one each
        Counter[] c = counters.computeIfAbsent(names.contains(name) ? name : "unknown", this::counters);
        c[0].increment();
        ToolResult r;
        try {
            r = call.get();
        } catch (RuntimeException e) {
            c[1].increment();
            throw e;
        }
        if (r == null || !r.ok()) c[1].increment();
        return r;
    }

    private Counter[] counters(String tool) {
        return new Counter[] {
            Counter.builder("assistant.tool.calls").tag("tool", tool).register(registry),
            Counter.builder("assistant.tool.errors").tag("tool", tool).register(registry)
        };
    }
}
