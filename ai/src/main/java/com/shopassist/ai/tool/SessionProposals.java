package com.shopassist.ai.tool;

import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ChatRepository;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.ProposedAction;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pending proposals per chat session, kept with the session in the chat store (so a restart of
 * the app does not forget them) and in memory in front of it (bounded: least recently used
 * sessions go first). A session is read from the store once per process; afterwards memory knows.
 * When the store fails, memory still answers for this process: the shopper is asked again only
 * after a restart.
 */
public final class SessionProposals implements ProposalStore {

    private static final Logger LOG = LoggerFactory.getLogger(SessionProposals.class);
    static final int MAX_SESSIONS = 10_000;
    /** Memory's "this session has none": a session without a proposal is not read again. */
    private static final Optional<PendingProposal> NONE = Optional.empty();

    private final ChatRepository chats;
    private final Clock clock;
    private final Map<UUID, Optional<PendingProposal>> bySession = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Optional<PendingProposal>> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    /** Proposals kept in the chat store and in memory. */
    public SessionProposals(ChatRepository chats, Clock clock) {
        this.chats = chats;
        this.clock = clock == null ? Clock.systemUTC() : clock;
    }

    /** Proposals kept in memory only (no chat storage): a restart forgets them. */
    public SessionProposals(Clock clock) {
        this(null, clock);
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
        UUID id = session(ctx);
        synchronized (bySession) {
            bySession.put(id, Optional.of(p));
        }
        store(id, p);
    }

    @Override
    public Optional<PendingProposal> pending(ChatContext ctx) {
        return valid(ctx, load(session(ctx)));
    }

    @Override
    public Optional<PendingProposal> take(ChatContext ctx, ProposedAction confirmed) {
        UUID id = session(ctx);
        load(id);
        Optional<PendingProposal> p;
        synchronized (bySession) {
            p = valid(ctx, bySession.getOrDefault(id, NONE));
            if (p.isEmpty() || confirmed == null || !same(p.get().action(), confirmed)) return Optional.empty();
            bySession.put(id, NONE);
        }
        store(id, null);
        return p;
    }

    private Optional<PendingProposal> valid(ChatContext ctx, Optional<PendingProposal> p) {
        if (p.isEmpty()
                || p.get().expiredAt(clock.instant())
                || !p.get().owner().equals(ProposalStore.ownerOf(ctx))) {
            return NONE;
        }
        return p;
    }

    @Override
    public void drop(UUID sessionId) {
        if (sessionId == null) return;
        synchronized (bySession) {
            bySession.put(sessionId, NONE);
        }
        store(sessionId, null);
    }

    static boolean same(ProposedAction a, ProposedAction b) {
        return a.id().equals(b.id()) && a.kind() == b.kind() && a.params().equals(b.params());
    }

    /** What the session has, from memory, else from the store (read outside the lock, once). */
    private Optional<PendingProposal> load(UUID id) {
        synchronized (bySession) {
            Optional<PendingProposal> known = bySession.get(id);
            if (known != null) return known;
        }
        if (chats == null) return NONE;
        Optional<PendingProposal> stored;
        try {
            stored = chats.pending(id);
        } catch (RuntimeException e) {
            LOG.warn("could not read the pending proposal of a session: {}", e.toString());
            return NONE; // not remembered: the next turn reads the store again
        }
        synchronized (bySession) {
            Optional<PendingProposal> raced = bySession.get(id);
            if (raced != null) return raced;
            bySession.put(id, stored);
        }
        return stored;
    }

    private void store(UUID id, PendingProposal p) {
        if (chats == null) return;
        try {
            chats.savePending(id, p);
        } catch (RuntimeException e) {
            LOG.warn("could not store the pending proposal of a session: {}", e.toString());
        }
    }

    private static UUID session(ChatContext ctx) {
        return ctx == null || ctx.chatSessionId() == null ? new UUID(0, 0) : ctx.chatSessionId();
    }
}
