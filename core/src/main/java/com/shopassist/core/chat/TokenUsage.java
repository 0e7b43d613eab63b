package com.shopassist.core.chat;

import java.math.BigDecimal;

/** Tokens one model call (or one turn, summed) used, and what it cost in US dollars. */
public record TokenUsage(String model, int inputTokens, int outputTokens, BigDecimal costUsd) {
    public int totalTokens() {
        return inputTokens + outputTokens;
    }
}
