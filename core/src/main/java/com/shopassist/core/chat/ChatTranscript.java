package com.shopassist.core.chat;

import java.util.List;

/**
 * A stored chat as its shopper saw it: what they typed and what the assistant answered (the tool
 * rounds in between are left out), oldest first.
 *
 * @param redacted how many of its messages the retention purge has emptied (left out of {@code messages})
 * @param pending the proposal still waiting for the shopper's yes in this chat, or null; a turn
 *     that continues the chat can still answer it
 */
public record ChatTranscript(ChatSessionInfo chat, List<ChatMessage> messages, int redacted, ProposedAction pending) {

    public ChatTranscript {
        messages = List.copyOf(messages);
    }
}
