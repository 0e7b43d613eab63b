package com.shopassist.core.chat;

import com.shopassist.core.cart.Cart;
import java.util.List;

/**
 * One reply, the same shape from every assistant (Gemini, offline, fallback).
 *
 * @param text what to show, in the shopper's language
 * @param language "en" or "id"
 * @param products cards to show, from this turn's tool results only
 * @param cart the cart after this turn (null if no cart exists yet and none was touched)
 * @param action a proposed write awaiting confirmation, or null
 * @param tools names of the tools called this turn, in order
 * @param assistant "gemini-flash", "gemini-pro", "offline" or "fallback"
 * @param suggestions short follow-ups for suggestion chips
 * @param corrections what the reply check changed in a model's answer this turn, one entry per
 *     change (empty for answers no model wrote)
 */
public record AssistantReply(
        String text,
        String language,
        List<ProductCard> products,
        Cart cart,
        ProposedAction action,
        List<String> tools,
        String assistant,
        List<String> suggestions,
        List<Correction> corrections) {

    public AssistantReply {
        products = products == null ? List.of() : List.copyOf(products);
        tools = tools == null ? List.of() : List.copyOf(tools);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
        corrections = corrections == null ? List.of() : List.copyOf(corrections);
    }

    /** A reply nothing corrected (every assistant but a checked model answer). */
    public AssistantReply(
            String text,
            String language,
            List<ProductCard> products,
            Cart cart,
            ProposedAction action,
            List<String> tools,
            String assistant,
            List<String> suggestions) {
        this(text, language, products, cart, action, tools, assistant, suggestions, List.of());
    }

    public AssistantReply withCart(Cart c) {
        return new AssistantReply(text, language, products, c, action, tools, assistant, suggestions, corrections);
    }

    /** How many corrections of this kind the reply check made. */
    public long corrections(Correction.Kind kind) {
        return corrections.stream().filter(c -> c.kind() == kind).count();
    }
}
