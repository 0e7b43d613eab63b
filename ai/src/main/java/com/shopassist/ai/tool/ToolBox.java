package com.shopassist.ai.tool;

import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;
import java.util.List;

/**
 * What an assistant needs of the tool layer: the declarations and routes, a call by name, and
 * carrying out a confirmed proposal. Both assistants use it the same way, so the offline
 * assistant can do whatever the model can.
 */
public interface ToolBox {

    List<ToolSpec> specs();

    List<Route> routes();

    /** Runs the named tool. Never throws: an unknown name or bad arguments come back as a failed result. */
    ToolResult call(ChatContext ctx, String name, Args args);

    /** As {@link #call(ChatContext, String, Args)} with a model's JSON arguments. */
    default ToolResult call(ChatContext ctx, String name, String argumentsJson) {
        Args args;
        try {
            args = Args.parse(argumentsJson);
        } catch (Args.BadArgument e) {
            return ToolResults.fail(name, "BAD_ARGUMENTS", e.getMessage());
        }
        return call(ctx, name, args);
    }

    /**
     * Carries out a proposal the shopper confirmed, if it is this session's pending one,
     * unchanged, for the same cart owner and not expired; otherwise NO_PROPOSAL.
     */
    ToolResult carryOut(ChatContext ctx, ProposedAction confirmed);

    ProposalStore proposals();

    default boolean knows(String name) {
        return specs().stream().anyMatch(s -> s.name().equals(name));
    }
}
