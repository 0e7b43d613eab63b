package com.shopassist.ai.registry;

import com.shopassist.ai.cart.CartFeature;
import com.shopassist.ai.catalog.CatalogFeature;
import com.shopassist.ai.checkout.CheckoutFeature;
import com.shopassist.ai.customer.CustomerFeature;
import com.shopassist.ai.gift.GiftFeature;
import com.shopassist.ai.order.OrderFeature;
import com.shopassist.ai.stock.StockFeature;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ProposalStore;
import com.shopassist.ai.tool.ProposingTool;
import com.shopassist.ai.tool.Route;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.ai.tool.Tool;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.ai.tool.ToolResults;
import com.shopassist.ai.tool.ToolSpec;
import com.shopassist.ai.voucher.VoucherFeature;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.ProposedAction;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tool layer both assistants use: every feature's tools by name, their declarations and
 * routes, and the check that a confirmed proposal is the session's own before it is carried out.
 * It knows the features; no feature knows it.
 */
public final class ToolRegistry implements ToolBox {

    /** Every tool, feature by feature. */
    public static final List<Tool> TOOLS = concat(
            CatalogFeature.TOOLS,
            StockFeature.TOOLS,
            CartFeature.TOOLS,
            VoucherFeature.TOOLS,
            CustomerFeature.TOOLS,
            CheckoutFeature.TOOLS,
            OrderFeature.TOOLS,
            GiftFeature.TOOLS);

    /** The declarations, in {@link #TOOLS} order. */
    public static final List<ToolSpec> SPECS = TOOLS.stream().map(Tool::spec).toList();

    /** The tool names, in {@link #TOOLS} order. */
    public static final List<String> NAMES = SPECS.stream().map(ToolSpec::name).toList();

    /** The routes in a fixed order, so a turn's declarations are byte-stable (Gemini's prompt cache). */
    public static final List<Route> ROUTES = concat(
            CatalogFeature.ROUTES,
            StockFeature.ROUTES,
            CartFeature.ROUTES,
            VoucherFeature.ROUTES,
            CustomerFeature.ROUTES,
            CheckoutFeature.ROUTES,
            OrderFeature.ROUTES,
            GiftFeature.ROUTES);

    private static final Map<String, Tool> BY_NAME = byName();
    private static final Map<ProposedAction.Kind, ProposingTool> BY_KIND = byKind();

    private final ShopServices services;

    public ToolRegistry(ShopServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public List<ToolSpec> specs() {
        return SPECS;
    }

    @Override
    public List<Route> routes() {
        return ROUTES;
    }

    @Override
    public ProposalStore proposals() {
        return services.proposals();
    }

    @Override
    public ToolResult call(ChatContext ctx, String name, Args args) {
        Tool tool = BY_NAME.get(name);
        if (tool == null) {
            return ToolResults.fail(name, "BAD_ARGUMENTS", "Unknown tool " + name + ". Use only the tools provided.");
        }
        return tool.call(services, ctx, args == null ? Args.none() : args);
    }

    @Override
    public ToolResult carryOut(ChatContext ctx, ProposedAction confirmed) {
        ProposingTool tool = confirmed == null || confirmed.kind() == null ? null : BY_KIND.get(confirmed.kind());
        String name = tool == null ? "execute" : tool.name();
        return ToolResults.guard(name, () -> {
            if (tool == null) return ToolResults.fail(name, "NO_PROPOSAL", "Nothing to confirm.");
            Optional<PendingProposal> p = services.proposals().take(ctx, confirmed);
            if (p.isEmpty()) {
                return ToolResults.fail(name, "NO_PROPOSAL", "That proposal is unknown or has expired: ask again.");
            }
            return tool.carryOut(services, ctx, p.get().action());
        });
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<T> l : lists) out.addAll(l);
        return List.copyOf(out);
    }

    private static Map<String, Tool> byName() {
        Map<String, Tool> m = new LinkedHashMap<>();
        for (Tool t : TOOLS) {
            if (m.put(t.name(), t) != null) throw new IllegalStateException("two tools named " + t.name());
        }
        return Map.copyOf(m);
    }

    private static Map<ProposedAction.Kind, ProposingTool> byKind() {
        Map<ProposedAction.Kind, ProposingTool> m = new EnumMap<>(ProposedAction.Kind.class);
        for (Tool t : TOOLS) {
            if (t instanceof ProposingTool p && m.put(p.kind(), p) != null) {
                throw new IllegalStateException(
                        "two tools carry out " + p.kind().name().toLowerCase(Locale.ROOT));
            }
        }
        if (m.size() != ProposedAction.Kind.values().length) {
            throw new IllegalStateException("a kind of proposal no tool carries out");
        }
        return m;
    }
}
