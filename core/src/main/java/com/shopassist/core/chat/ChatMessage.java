package com.shopassist.core.chat;

import java.time.Instant;
import java.util.UUID;

/** One stored message of a chat session. role: user, model, tool or system. usage may be null. */
public record ChatMessage(
        long sequence, UUID chatSessionId, String role, String content, TokenUsage usage, Instant createdAt) {}
