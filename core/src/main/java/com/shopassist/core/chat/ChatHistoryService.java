package com.shopassist.core.chat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in customer's past chats: the list, one chat to read again and continue, and deleting
 * one. Every call names the customer the session holds (never one typed anywhere) and reaches
 * only that customer's own chats; a chat of anyone else, or a guest's, is as if it did not exist.
 * On a kiosk whose store database does not answer, calls fail with
 * {@link com.shopassist.core.common.DataUnavailableException}: chats live only there.
 */
public interface ChatHistoryService {

    /** Chats listed at most: more than a shopper scrolls through at a kiosk. */
    int MAX_CHATS = 50;

    /** The customer's chats that hold a message, most recently used first, at most {@code limit}. */
    List<ChatSessionInfo> chats(long customerId, int limit);

    /** The customer's chat {@code chatSessionId} as the shopper saw it; empty when it is not theirs. */
    Optional<ChatTranscript> open(long customerId, UUID chatSessionId);

    /**
     * Deletes the customer's chat whole (its messages, summary and any proposal waiting for a
     * yes); false when it is not theirs or already gone.
     */
    boolean delete(long customerId, UUID chatSessionId);
}
