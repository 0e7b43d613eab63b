package com.shopassist.ai.dialog;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.ProductCard;
import com.shopassist.core.chat.ProposedAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One offline turn on its way to a reply: the tools it called (through the same tool layer the
 * model uses), the text, product cards, suggestion chips, the cart it saw last, and a proposal
 * for the shopper to confirm.
 */
public final class DialogTurn {

    /** The name the offline assistant signs its replies and proposals with. */
    public static final String ASSISTANT = "offline";

    private static final int MAX_CHIPS = 4;

    private final ChatContext ctx;
    private final ConversationState state;
    private final Lang lang;
    private final ToolBox tools;
    private final StringBuilder text = new StringBuilder();
    private final List<Product> products = new ArrayList<>();
    private final List<String> toolNames = new ArrayList<>();
    private final List<String> chips = new ArrayList<>();
    private Cart cart;
    private ProposedAction action;
    private List<Product> named = List.of();

    public DialogTurn(ChatContext ctx, ConversationState state, Lang lang, ToolBox tools) {
        this.ctx = ctx;
        this.state = state;
        this.lang = lang;
        this.tools = tools;
    }

    public ChatContext ctx() {
        return ctx;
    }

    public ConversationState state() {
        return state;
    }

    public Lang lang() {
        return lang;
    }

    /** The text in the turn's language. */
    public String t(String en, String id) {
        return lang.pick(en, id);
    }

    /** Calls a tool and notes it (and the cart it returned). */
    public ToolResult call(String tool, Args args) {
        return noted(tools.call(ctx, tool, args));
    }

    /** Carries out the shopper's confirmed proposal and notes it. */
    public ToolResult carryOut(ProposedAction a) {
        return noted(tools.carryOut(ctx, a));
    }

    private ToolResult noted(ToolResult r) {
        toolNames.add(r.tool());
        if (r.cart() != null) cart = r.cart();
        return r;
    }

    /** The products the message named in full (one, or a few variants), which beat any reference. */
    public List<Product> named() {
        return named;
    }

    public void named(List<Product> products) {
        named = List.copyOf(products);
    }

    /** The cart as the last tool call returned it, or null. */
    public Cart cart() {
        return cart;
    }

    public void say(String s) {
        if (text.length() > 0) text.append('\n');
        text.append(s);
    }

    public void chips(String... c) {
        for (String s : c) if (s != null && !chips.contains(s)) chips.add(s);
    }

    /** Adds product cards (each product once). */
    public void show(List<Product> ps) {
        for (Product p : ps) if (products.stream().noneMatch(x -> x.id() == p.id())) products.add(p);
    }

    /** The session's proposal waiting for yes/no. */
    public Optional<PendingProposal> pending() {
        return tools.proposals().pending(ctx);
    }

    public void dropPending() {
        tools.proposals().drop(ctx);
    }

    /**
     * Asks the shopper to confirm a tool's proposal: {@code question} ends "? yes / no" (or
     * "? ya / tidak"); the kept proposal carries the question without it.
     */
    public void propose(ProposedAction proposal, String question) {
        ProposedAction worded = new ProposedAction(
                proposal.id(),
                proposal.kind(),
                question.replace("? yes / no", "?").replace("? ya / tidak", "?"),
                proposal.params());
        tools.proposals().keep(ctx, worded, ASSISTANT);
        action = worded;
        say(question);
        chips(t("Yes", "Ya"), t("No", "Tidak"));
    }

    /** The reply; {@code defaultChips} when the turn suggested none. */
    public AssistantReply reply(List<String> defaultChips) {
        if (text.length() == 0) say(t("How can I help?", "Ada yang bisa saya bantu?"));
        List<ProductCard> cards = products.stream().map(ProductCard::of).toList();
        List<String> s = chips.isEmpty() ? defaultChips : chips;
        return new AssistantReply(
                text.toString(),
                lang.code(),
                cards,
                cart,
                action,
                toolNames,
                ASSISTANT,
                s.subList(0, Math.min(MAX_CHIPS, s.size())));
    }
}
