package com.shopassist.core.clerk;

/** What happened to a call, as every listening window hears it. */
public record ClerkCallEvent(Kind kind, long callId, String kioskName) {

    public enum Kind {
        CALLED,
        TAKEN,
        EXPIRED,
        /** The feed was away (the database went down) and is back: re-read the open calls. */
        RESYNC
    }
}
