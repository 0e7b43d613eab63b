package com.shopassist.data.chat;

import java.time.Instant;

/** A session's pending proposal as MyBatis reads it: the JSON and its expiry. */
public final class PendingRow {
    String action;
    Instant until;
}
