package com.shopassist.core.outbox;

import com.shopassist.core.common.ShopException;

/**
 * A queued change that failed again and again for no reason the store states (not an outage, not
 * a refusal): it is recorded as refused so the changes after it can go, and store IT finds the
 * cause in the log.
 */
public class ReplayFailedException extends ShopException {
    public ReplayFailedException(RuntimeException cause) {
        super("REPLAY_FAILED", "The change could not be made: " + cause.getMessage(), cause);
    }
}
