package com.shopassist.core.chat;

import java.time.Instant;
import java.util.UUID;

/** A chat session for a "your conversations" list. */
public record ChatSessionInfo(
        UUID id, Long customerId, String title, int messageCount, Instant createdAt, Instant updatedAt) {}
