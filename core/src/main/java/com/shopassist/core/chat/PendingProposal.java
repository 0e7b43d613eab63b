package com.shopassist.core.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * A proposal waiting for the shopper's yes, kept with its chat session until it expires.
 *
 * @param owner whose cart it acts on ("c:12" for a customer, "g:" and the kiosk's guest key)
 * @param assistant which assistant asked the shopper ("offline", "gemini-flash"), or null
 * @param expiresAt after this instant the proposal is gone and a yes does nothing
 */
public record PendingProposal(ProposedAction action, String owner, String assistant, Instant expiresAt) {

    public PendingProposal {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean expiredAt(Instant now) {
        return now.isAfter(expiresAt);
    }
}
