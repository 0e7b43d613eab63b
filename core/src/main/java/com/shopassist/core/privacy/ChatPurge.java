package com.shopassist.core.privacy;

/** What one retention purge removed: messages redacted, and guest chats deleted whole. */
public record ChatPurge(int messagesRedacted, int guestChatsDeleted) {}
