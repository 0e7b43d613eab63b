package com.shopassist.core.clerk;

import java.util.List;
import java.util.Optional;

/** A shopper calls a clerk; every clerk window hears it; one clerk takes it. */
public interface ClerkCallService {

    /** Records the call of this kiosk and tells every listening clerk window. */
    ClerkCall call(String kioskName);

    /**
     * The clerk takes the call: true for exactly one clerk; false when another was faster or the
     * call expired.
     */
    boolean take(long callId, long clerkId, String clerkName);

    /** Where the call stands now (for the shopper's "someone is coming"). */
    Optional<ClerkCall> find(long callId);

    /** Open calls of the whole store, oldest first. */
    List<ClerkCall> open();

    /** Closes the calls no clerk took in time, with a log line each; returns how many. */
    int expireOverdue();
}
