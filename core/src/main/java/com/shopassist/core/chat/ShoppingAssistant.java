package com.shopassist.core.chat;

import java.util.function.Consumer;

/**
 * The port the UI and the headless chat talk to. Implementations never throw for anything a
 * shopper types: every message gets a reply (at worst a graceful one).
 */
public interface ShoppingAssistant {

    AssistantReply reply(ChatContext context, String message);

    /** Same as {@link #reply} but hands out text as it is produced (token by token where possible). */
    default AssistantReply reply(ChatContext context, String message, Consumer<String> onToken) {
        AssistantReply r = reply(context, message);
        if (onToken != null && r.text() != null) onToken.accept(r.text());
        return r;
    }

    /**
     * The shopper answered a proposed action by button rather than by typing "yes"/"no".
     * Carries out the write when {@code accept}, and forgets the proposal either way.
     */
    AssistantReply confirm(ChatContext context, String actionId, boolean accept);

    /** The kiosk's idle reset or a sign-out: forget conversation state of this session. */
    default void forget(ChatContext context) {}
}
