package com.shopassist.ai.tool;

import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.ProposedAction;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The one place a chat session's pending proposal is kept (checkout, apply voucher, clear cart),
 * shared by the tools that propose, the registry that carries out, and both assistants that ask
 * the shopper. A session has at most one; a newer proposal replaces it. It is only found for the
 * cart owner it was made for, and not after it expires.
 */
public interface ProposalStore {

    /** How long a proposal waits for its yes. */
    Duration TTL = Duration.ofMinutes(30);

    /** Makes a new proposal the session's pending one and returns it. */
    ProposedAction propose(ChatContext ctx, ProposedAction.Kind kind, String summary, Map<String, String> params);

    /**
     * Keeps {@code action} (same id, possibly reworded) as the session's pending proposal, noting the
     * assistant that asked the shopper ("offline", "gemini-flash"), which answers the yes or no.
     */
    void keep(ChatContext ctx, ProposedAction action, String assistant);

    /** The session's pending proposal, when there is one, it is this owner's and it has not expired. */
    Optional<PendingProposal> pending(ChatContext ctx);

    /**
     * Removes and returns the session's pending proposal if it is {@code confirmed} unchanged (same
     * id, kind and parameters), this owner's and not expired; otherwise leaves it and returns empty.
     * One of two identical confirmations gets it.
     */
    Optional<PendingProposal> take(ChatContext ctx, ProposedAction confirmed);

    /** Forgets the session's pending proposal. */
    default void drop(ChatContext ctx) {
        if (ctx != null && ctx.chatSessionId() != null) drop(ctx.chatSessionId());
    }

    /** Forgets a session's pending proposal (the session was deleted or reset). */
    void drop(UUID sessionId);

    /** Whose cart a context acts on: "c:" and the customer id, or "g:" and the guest key. */
    static String ownerOf(ChatContext ctx) {
        if (ctx == null || ctx.owner() == null) return "?";
        return ctx.owner().isGuest()
                ? "g:" + ctx.owner().guestKey()
                : "c:" + ctx.owner().customerId();
    }
}
