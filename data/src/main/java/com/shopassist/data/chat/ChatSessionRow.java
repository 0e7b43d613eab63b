package com.shopassist.data.chat;

import java.time.Instant;

/** One chat_session row with its visible message count, as MyBatis reads it. */
public final class ChatSessionRow {
    String chatSessionId;
    Long customerId;
    String title;
    String summary;
    Long summaryUpto;
    int messageCount;
    Instant createdAt;
    Instant updatedAt;
}
