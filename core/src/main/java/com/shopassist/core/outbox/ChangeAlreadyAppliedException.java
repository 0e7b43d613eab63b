package com.shopassist.core.outbox;

import java.util.UUID;

/** Another replay recorded the change first: this transaction's copy of it must roll back. */
public class ChangeAlreadyAppliedException extends RuntimeException {
    public ChangeAlreadyAppliedException(UUID changeId, Throwable cause) {
        super("cart change " + changeId + " was applied by another replay", cause);
    }
}
