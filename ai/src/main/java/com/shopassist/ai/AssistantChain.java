package com.shopassist.ai;

import com.shopassist.ai.gemini.AiSettings;
import com.shopassist.ai.gemini.ChainEngine;
import com.shopassist.ai.gemini.Oversight;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.chat.ChatRepository;
import com.shopassist.core.chat.ChatSessionInfo;
import com.shopassist.core.chat.ShoppingAssistant;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * THE assistant the app talks to. Per message: a pending proposal answered with yes/no is
 * carried out or dropped; the day's token budget is checked; the stored window and summary are
 * loaded; Gemini Flash answers (Pro for complex asks and long chats), each the other's fallback
 * on rate limit, 5xx, timeout, connection failure or a malformed reply; then the offline
 * assistant; then a graceful message. The answer is checked against the turn's tool results,
 * stored with its token usage; after the reply, older messages are folded into the summary in
 * the background. Never throws.
 *
 * <p>Streaming: {@link #reply(ChatContext, String, Consumer)} hands out Gemini's text as it
 * arrives and only falls back before the first piece. The returned reply's text is the checked
 * one: show it in place of the streamed text when it arrives (it differs only where the
 * validator corrected a price or removed an unknown product).
 *
 * <p>Without an API key ({@link AiSettings#geminiEnabled()} false) the chain is offline ->
 * graceful, still storing messages and summaries; replies then say {@code assistant = "offline"}
 * (or "fallback").
 */
public final class AssistantChain implements ShoppingAssistant {

    private final ChainEngine engine;

    private AssistantChain(ChainEngine engine) {
        this.engine = engine;
    }

    /**
     * @param settings from {@link AiSettings#fromEnvironment}; a null key means offline only
     * @param tools the shared tool layer (the registry of every feature's tools)
     * @param chats where sessions, messages, token usage and summaries are stored
     * @param offline the offline layer, or null for an {@code OfflineAssistant} over the same tools
     * @param clock for the daily budget
     */
    public static AssistantChain create(
            AiSettings settings, ToolBox tools, ChatRepository chats, ShoppingAssistant offline, Clock clock) {
        return create(settings, tools, chats, offline, clock, Oversight.none());
    }

    /**
     * As {@link #create(AiSettings, ToolBox, ChatRepository, ShoppingAssistant, Clock)}, watched by
     * the store: the kiosk's name, the shared AI spend ledger (daily cap, guest budget per kiosk
     * and day) and the meters.
     */
    public static AssistantChain create(
            AiSettings settings,
            ToolBox tools,
            ChatRepository chats,
            ShoppingAssistant offline,
            Clock clock,
            Oversight oversight) {
        return new AssistantChain(new ChainEngine(settings, tools, chats, offline, clock, oversight));
    }

    /**
     * Waits until the work done after the replies so far (folding old messages into the summary)
     * is finished; false when {@code timeout} passed first. Replies never wait for it.
     */
    public boolean awaitBackgroundWork(Duration timeout) {
        return engine.awaitBackgroundWork(timeout);
    }

    /** True when the Gemini layers are on (an API key was configured). */
    public boolean geminiEnabled() {
        return engine.geminiEnabled();
    }

    @Override
    public AssistantReply reply(ChatContext context, String message) {
        return engine.reply(context, message);
    }

    @Override
    public AssistantReply reply(ChatContext context, String message, Consumer<String> onToken) {
        return engine.reply(context, message, onToken);
    }

    @Override
    public AssistantReply confirm(ChatContext context, String actionId, boolean accept) {
        return engine.confirm(context, actionId, accept);
    }

    @Override
    public void forget(ChatContext context) {
        engine.forget(context);
    }

    /** The signed-in customer's conversations, newest first (none for a guest). */
    public List<ChatSessionInfo> sessions(ChatContext context, int limit) {
        return engine.sessions(context, limit);
    }

    /** Shopper and assistant messages of a session the caller owns (empty otherwise), to resume it. */
    public List<ChatMessage> transcript(ChatContext context, UUID sessionId) {
        return engine.transcript(context, sessionId);
    }

    /** Deletes a session the caller owns; false if it is not theirs. */
    public boolean deleteSession(ChatContext context, UUID sessionId) {
        return engine.deleteSession(context, sessionId);
    }
}
