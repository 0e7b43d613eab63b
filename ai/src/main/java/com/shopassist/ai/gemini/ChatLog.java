package com.shopassist.ai.gemini;

import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.chat.ChatRepository;
import com.shopassist.core.chat.ChatSessionInfo;
import com.shopassist.core.chat.ChatSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain's side of the chat store: a turn opens its session once (creating it when new), reads
 * the summary and the window after it, and writes its rows in one go. Storage failing never fails
 * a turn: it is answered without history and not stored.
 */
final class ChatLog {

    private static final Logger log = LoggerFactory.getLogger(ChatLog.class);
    private static final int TITLE_CHARS = 60;

    private final ChatRepository chats;
    private final Clock clock;
    private final int windowSize;

    ChatLog(ChatRepository chats, Clock clock, int windowSize) {
        this.chats = chats;
        this.clock = clock;
        this.windowSize = windowSize;
    }

    /** The stored side of one turn: whether storage works, and the session as it was before the turn. */
    record Session(boolean stored, ChatSessionInfo info) {
        boolean ownedBy(ChatContext ctx) {
            return info == null || ChatLog.ownedBy(info, ctx);
        }

        boolean untitled() {
            return stored && (info == null || info.title() == null);
        }

        /** This turn's number, counting from 1 (two visible messages a turn). */
        int turnNumber() {
            return info == null ? 1 : info.messageCount() / 2 + 1;
        }
    }

    /** Creates the session if needed and reads it once: everything else this turn works from that read. */
    Session open(ChatContext ctx) {
        try {
            Optional<ChatSessionInfo> existing = chats.session(ctx.chatSessionId());
            if (existing.isPresent()) return new Session(true, existing.get());
            chats.ensureSession(
                    ctx.chatSessionId(),
                    ctx.customerId(),
                    ctx.owner() == null ? null : ctx.owner().guestKey());
            return new Session(true, null);
        } catch (RuntimeException e) {
            log.warn("chat history unavailable, answering without it: {}", e.toString());
            return new Session(false, null);
        }
    }

    /** A customer's session is theirs alone; a guest session (no customer) belongs to its kiosk session. */
    static boolean ownedBy(ChatSessionInfo s, ChatContext ctx) {
        return s.customerId() == null || ctx != null && s.customerId().equals(ctx.customerId());
    }

    History history(UUID session) {
        try {
            ChatSummary summary = chats.summaryState(session).orElse(null);
            long upto = summary == null ? 0 : summary.uptoSequence();
            return History.of(
                    summary == null ? null : summary.text(), upto, chats.messagesAfter(session, upto), windowSize);
        } catch (RuntimeException e) {
            log.warn("could not read chat history: {}", e.toString());
            return History.EMPTY;
        }
    }

    /** Stores the turn in one write; returns the rows as stored (for the summary, without reading them back). */
    List<ChatMessage> persist(
            ChatContext ctx, String message, AssistantReply reply, GeminiLayer.Outcome outcome, boolean untitled) {
        UUID id = ctx.chatSessionId();
        List<ChatMessage> rows = new ArrayList<>();
        rows.add(new ChatMessage(0, id, "user", message, null, null));
        if (outcome != null) {
            for (GeminiLayer.StoredRound r : outcome.rounds()) {
                rows.add(new ChatMessage(0, id, "tool", r.round().toJson(), r.usage(), null));
            }
        }
        rows.add(new ChatMessage(0, id, "model", reply.text(), outcome == null ? null : outcome.finalUsage(), null));
        try {
            List<Long> seqs = chats.appendAll(id, rows);
            if (untitled) chats.setTitle(id, Summarizer.clip(message, TITLE_CHARS));
            List<ChatMessage> stored = new ArrayList<>(rows.size());
            Instant now = clock.instant();
            for (int i = 0; i < rows.size(); i++) {
                ChatMessage m = rows.get(i);
                stored.add(new ChatMessage(seqs.get(i), id, m.role(), m.content(), m.usage(), now));
            }
            return stored;
        } catch (RuntimeException e) {
            log.warn("could not store the turn: {}", e.toString());
            return List.of();
        }
    }

    void persistPlain(ChatContext ctx, String message, String answer, boolean untitled) {
        UUID id = ctx.chatSessionId();
        try {
            chats.appendAll(
                    id,
                    List.of(
                            new ChatMessage(0, id, "user", message, null, null),
                            new ChatMessage(0, id, "model", answer, null, null)));
            if (untitled) chats.setTitle(ctx.chatSessionId(), Summarizer.clip(message, TITLE_CHARS));
        } catch (RuntimeException e) {
            log.warn("could not store the turn: {}", e.toString());
        }
    }
}
