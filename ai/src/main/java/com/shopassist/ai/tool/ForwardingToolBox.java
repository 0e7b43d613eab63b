package com.shopassist.ai.tool;

import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;
import java.util.List;
import java.util.Objects;

/**
 * A tool layer in front of another that forwards everything: one that counts or times the calls
 * overrides only what it watches.
 */
public abstract class ForwardingToolBox implements ToolBox {

    protected final ToolBox tools;

    protected ForwardingToolBox(ToolBox tools) {
        this.tools = Objects.requireNonNull(tools, "tools");
    }

    @Override
    public List<ToolSpec> specs() {
        return tools.specs();
    }

    @Override
    public List<Route> routes() {
        return tools.routes();
    }

    @Override
    public ToolResult call(ChatContext ctx, String name, Args args) {
        return tools.call(ctx, name, args);
    }

    @Override
    public ToolResult carryOut(ChatContext ctx, ProposedAction confirmed) {
        return tools.carryOut(ctx, confirmed);
    }

    @Override
    public ProposalStore proposals() {
        return tools.proposals();
    }
}
