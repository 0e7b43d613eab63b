package com.shopassist.core.clerk;

import java.util.function.Consumer;

/**
 * Port: the calls' events as they happen, from every kiosk. Events arrive on the feed's own
 * thread; after a loss of the database a {@link ClerkCallEvent.Kind#RESYNC} says that events may
 * have been missed.
 */
public interface ClerkCallFeed {

    /** Starts delivering to {@code listener}; closing the returned handle stops it. */
    AutoCloseable listen(Consumer<ClerkCallEvent> listener);
}
