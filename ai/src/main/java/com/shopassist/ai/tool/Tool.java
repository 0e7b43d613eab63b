package com.shopassist.ai.tool;

import com.shopassist.core.chat.ChatContext;

/**
 * One tool both assistants call: its declaration ({@link #spec()}) and its handler, a thin adapter
 * over core services. The customer comes from the {@link ChatContext} only, never from arguments.
 * A call never throws: bad arguments, business failures and outages come back as results with
 * {@code ok=false} and a sentence the model or the shopper can act on.
 */
public interface Tool {

    ToolSpec spec();

    ToolResult call(ShopServices services, ChatContext ctx, Args args);

    default String name() {
        return spec().name();
    }
}
