package com.shopassist.app.loadtest;

import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ForwardingToolBox;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.order.Order;
import java.util.Set;

/**
 * The tool layer of one simulated kiosk, timing every call by tool name. A confirmed proposal
 * carried out is timed as {@code <tool> (confirmed)}: placing an order is not proposing one.
 */
final class TimedTools extends ForwardingToolBox {

    /**
     * Failures of the system, not of the shopper's wish: the store did not answer, was busy, or
     * refused a right the kiosk should have. An out-of-stock or a voucher that does not apply is
     * an answer, not an error.
     */
    static final Set<String> ERROR_CODES = Set.of("UNAVAILABLE", "DATA_UNAVAILABLE", "DB_BUSY", "NOT_ALLOWED");

    private final Latencies latencies;
    private final RunLedger ledger;
    private int failuresThisTurn; // a kiosk plays one turn at a time, on one thread

    TimedTools(ToolBox tools, Latencies latencies, RunLedger ledger) {
        super(tools);
        this.latencies = latencies;
        this.ledger = ledger;
    }

    /** A new turn begins: its tool failures are counted from zero. */
    void startTurn() {
        failuresThisTurn = 0;
    }

    /** Whether a tool of this turn failed for a reason of the system. */
    boolean turnFailed() {
        return failuresThisTurn > 0;
    }

    @Override
    public ToolResult call(ChatContext ctx, String name, Args args) {
        long t0 = System.nanoTime();
        ToolResult r = null;
        try {
            r = tools.call(ctx, name, args);
            return r;
        } finally {
            record(name, System.nanoTime() - t0, r);
        }
    }

    @Override
    public ToolResult carryOut(ChatContext ctx, ProposedAction confirmed) {
        String key = confirmed != null && confirmed.kind() == ProposedAction.Kind.CHECKOUT
                ? confirmed.params().get("idempotency_key")
                : null;
        if (key != null) ledger.confirmed(key);
        long t0 = System.nanoTime();
        ToolResult r = null;
        try {
            r = tools.carryOut(ctx, confirmed);
            if (key != null && r.ok() && r.data() instanceof Order order) ledger.placed(key, order.orderNumber());
            return r;
        } finally {
            String name = r != null && r.tool() != null ? r.tool() : "execute";
            record(name + " (confirmed)", System.nanoTime() - t0, r);
        }
    }

    private void record(String name, long nanos, ToolResult r) {
        if (r != null && r.cart() != null) ledger.cart(r.cart().cartId());
        boolean failed = failed(r);
        if (failed) failuresThisTurn++;
        latencies.record(name, nanos, failed);
    }

    static boolean failed(ToolResult r) {
        return r == null || (!r.ok() && r.errorCode() != null && ERROR_CODES.contains(r.errorCode()));
    }
}
