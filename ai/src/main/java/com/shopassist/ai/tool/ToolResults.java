package com.shopassist.ai.tool;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.common.ShopException;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Building a {@link ToolResult}: the shapes every tool answers in. */
public final class ToolResults {

    private static final Logger LOG = LoggerFactory.getLogger(ToolResults.class);

    private ToolResults() {}

    public static ToolResult ok(
            String tool, String forModel, List<Product> products, Cart cart, ProposedAction proposal, Object data) {
        return new ToolResult(tool, true, forModel, products, cart, proposal, null, data);
    }

    /** A failure with a stable code and a sentence for the model. */
    public static ToolResult fail(String tool, String code, String message) {
        return new ToolResult(tool, false, message, List.of(), null, null, code, null);
    }

    /** A failure that still shows the cart (and a typed payload, or null). */
    public static ToolResult fail(String tool, String code, String message, Cart cart, Object data) {
        return new ToolResult(tool, false, message, List.of(), cart, null, code, data);
    }

    /** Addresses, orders and checkout need a signed-in customer. */
    public static ToolResult signIn(String tool) {
        return fail(tool, "SIGN_IN_REQUIRED", "The shopper is a guest: they must sign in first.");
    }

    /**
     * Runs a tool's work: bad arguments become BAD_ARGUMENTS, business failures their own code,
     * anything else (an outage) UNAVAILABLE, logged. Never throws.
     */
    public static ToolResult guard(String tool, Supplier<ToolResult> work) {
        try {
            return work.get();
        } catch (Args.BadArgument e) {
            return fail(tool, "BAD_ARGUMENTS", e.getMessage());
        } catch (ShopException e) {
            return new ToolResult(tool, false, e.getMessage(), List.of(), null, null, e.code(), e);
        } catch (RuntimeException e) {
            LOG.warn("tool {} failed", tool, e);
            return fail(tool, "UNAVAILABLE", "The store system did not answer; try again in a moment.");
        }
    }

    /** Trims free text a model or shopper sent to what a field needs. */
    public static String clip(String s, int max) {
        if (s == null) return null;
        return s.length() > max ? s.substring(0, max) : s;
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public static int clamp(Integer v, int dflt, int min, int max) {
        if (v == null) return dflt;
        return Math.max(min, Math.min(max, v));
    }

    /** Keyword search costs grow with every word, and no product name needs more than a few. */
    public static String firstWords(String s, int max) {
        if (s == null) return null;
        String[] w = s.trim().split("\\s+");
        return w.length <= max ? s.trim() : String.join(" ", java.util.Arrays.copyOf(w, max));
    }
}
