package com.shopassist.core.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An assistant that records, after each answer, which layer gave it and how long it took. A
 * record that cannot be written is logged and dropped: the shopper's answer never waits on it or
 * fails for it.
 */
public final class TurnRecordingAssistant implements ShoppingAssistant {

    private static final Logger LOG = LoggerFactory.getLogger(TurnRecordingAssistant.class);

    private final ShoppingAssistant inner;
    private final TurnLog turns;
    private final Clock clock;

    public TurnRecordingAssistant(ShoppingAssistant inner, TurnLog turns, Clock clock) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.turns = Objects.requireNonNull(turns, "turns");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AssistantReply reply(ChatContext context, String message) {
        long t0 = System.nanoTime();
        return recorded(context, inner.reply(context, message), t0);
    }

    @Override
    public AssistantReply reply(ChatContext context, String message, Consumer<String> onToken) {
        long t0 = System.nanoTime();
        return recorded(context, inner.reply(context, message, onToken), t0);
    }

    @Override
    public AssistantReply confirm(ChatContext context, String actionId, boolean accept) {
        long t0 = System.nanoTime();
        return recorded(context, inner.confirm(context, actionId, accept), t0);
    }

    @Override
    public void forget(ChatContext context) {
        inner.forget(context);
    }

    private AssistantReply recorded(ChatContext context, AssistantReply reply, long t0) {
        if (reply == null || context == null || context.chatSessionId() == null || reply.assistant() == null) {
            return reply;
        }
        try {
            turns.record(
                    context.chatSessionId(),
                    reply.assistant(),
                    Duration.ofNanos(System.nanoTime() - t0),
                    clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("the turn was answered but not counted for the store report: {}", e.toString());
        }
        return reply;
    }
}
