package com.shopassist.data.chat;

import java.time.Instant;

/** One chat_details row as MyBatis reads it; turned into a core ChatMessage by the repository. */
public final class ChatMessageRow {
    long chatIdSequence;
    String chatSessionId;
    String role;
    String chatContent;
    String tokenUsage;
    Instant createdAt;
}
