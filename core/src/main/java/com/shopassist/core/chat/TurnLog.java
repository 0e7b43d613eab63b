package com.shopassist.core.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Port: which assistant layer answered a turn, and how long it took (the store report counts these). */
public interface TurnLog {

    void record(UUID chatSessionId, String assistant, Duration latency, Instant at);
}
