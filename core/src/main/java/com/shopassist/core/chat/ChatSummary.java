package com.shopassist.core.chat;

/**
 * The summary of a chat session's older messages, and the sequence of the last message it
 * covers: messages after {@code uptoSequence} are the ones still told verbatim.
 */
public record ChatSummary(String text, long uptoSequence) {}
