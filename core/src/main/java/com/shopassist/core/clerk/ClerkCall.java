package com.shopassist.core.clerk;

import java.time.Instant;

/**
 * A shopper's call for a clerk, from one kiosk. {@code takenByName} is the first name of the
 * clerk who took it (what the shopper is told), null while it is open or when it expired.
 */
public record ClerkCall(long id, String kioskName, Status status, Instant calledAt, String takenByName) {

    /** OPEN until a clerk takes it (TAKEN) or no one did in time (EXPIRED). */
    public enum Status {
        OPEN,
        TAKEN,
        EXPIRED
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
