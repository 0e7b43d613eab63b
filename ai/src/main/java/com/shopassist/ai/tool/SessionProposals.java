package com.shopassist.ai.tool;

import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.ProposedAction;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pending proposals per chat session, in memory (bounded: least recently used sessions go first).
 */
public final class SessionProposals implements ProposalStore {

    static final int MAX_SESSIONS = 10_000;

    private final Clock clock;
    private final Map<UUID, PendingProposal> bySession = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, PendingProposal> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    public SessionProposals(Clock clock) {
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    @Override
    public ProposedAction propose(
            ChatContext ctx, ProposedAction.Kind kind, String summary, Map<String, String> params) {
        ProposedAction a = new ProposedAction(UUID.randomUUID().toString(), kind, summary, params);
        keep(ctx, a, null);
        return a;
    }

    @Override
    public void keep(ChatContext ctx, ProposedAction action, String assistant) {
        PendingProposal p = new PendingProposal(
                action, ProposalStore.ownerOf(ctx), assistant, clock.instant().plus(TTL));
        synchronized (bySession) {
            bySession.put(session(ctx), p);
        }
    }

    @Override
    public Optional<PendingProposal> pending(ChatContext ctx) {
        PendingProposal p;
        synchronized (bySession) {
            p = bySession.get(session(ctx));
        }
        if (p == null || p.expiredAt(clock.instant()) || !p.owner().equals(ProposalStore.ownerOf(ctx))) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    @Override
    public Optional<PendingProposal> take(ChatContext ctx, ProposedAction confirmed) {
        synchronized (bySession) {
            Optional<PendingProposal> p = pending(ctx);
            if (p.isEmpty() || confirmed == null || !same(p.get().action(), confirmed)) return Optional.empty();
            bySession.remove(session(ctx));
            return p;
        }
    }

    static boolean same(ProposedAction a, ProposedAction b) {
        return a.id().equals(b.id()) && a.kind() == b.kind() && a.params().equals(b.params());
    }

    @Override
    public void drop(UUID sessionId) {
        synchronized (bySession) {
            bySession.remove(sessionId);
        }
    }

    private static UUID session(ChatContext ctx) {
        return ctx == null || ctx.chatSessionId() == null ? new UUID(0, 0) : ctx.chatSessionId();
    }
}
