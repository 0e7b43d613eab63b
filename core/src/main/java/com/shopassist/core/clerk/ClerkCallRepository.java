package com.shopassist.core.clerk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Port: clerk calls in the store database. Each change is one statement that also announces
 * itself to the listening windows (PostgreSQL NOTIFY, delivered when it commits).
 */
public interface ClerkCallRepository {

    ClerkCall insert(String kioskName);

    /** The call, taken by this clerk, if it was still open (of two clerks, one gets it). */
    Optional<ClerkCall> take(long callId, long clerkId, String clerkName);

    Optional<ClerkCall> find(long callId);

    /** Open calls, oldest first. */
    List<ClerkCall> open();

    /** Closes the calls open longer than {@code timeout}; returns them. */
    List<ClerkCall> expireOlderThan(Duration timeout);
}
