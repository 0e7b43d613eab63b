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
 */
public record AssistantReply(
        String text,
        String language,
        List<ProductCard> products,
        com.shopassist.core.cart.Cart cart,
        ProposedAction action,
        List<String> tools,
        String assistant,
        List<String> suggestions) {

    public AssistantReply {
        products = products == null ? List.of() : List.copyOf(products);
        tools = tools == null ? List.of() : List.copyOf(tools);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    public AssistantReply withCart(Cart c) {
        return new AssistantReply(text, language, products, c, action, tools, assistant, suggestions);
    }
}
