package com.shopassist.ai.tool;

import com.shopassist.core.chat.ChatContext;

/**
 * The base of the shop's tools: the declaration given once, and the work run guarded (bad
 * arguments, business failures and outages become results, see {@link ToolResults#guard}).
 */
public abstract class ShopTool implements Tool {

    private final ToolSpec spec;

    protected ShopTool(ToolSpec spec) {
        this.spec = spec;
    }

    @Override
    public final ToolSpec spec() {
        return spec;
    }

    @Override
    public final ToolResult call(ShopServices services, ChatContext ctx, Args args) {
        return ToolResults.guard(spec.name(), () -> run(services, ctx, args));
    }

    /** The tool's work; may throw, {@link #call} turns that into a result. */
    protected abstract ToolResult run(ShopServices services, ChatContext ctx, Args args);
}
