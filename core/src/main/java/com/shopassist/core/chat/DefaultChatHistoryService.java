package com.shopassist.core.chat;

import com.shopassist.core.privacy.PrivacyService;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ChatHistoryService} over the {@link ChatRepository}: a chat is read or deleted only after
 * the stored session is found to be the customer's. On a kiosk role the database's row security
 * (decision 0080) hides other customers' chats as well; this check holds on the owner's role too.
 */
public final class DefaultChatHistoryService implements ChatHistoryService {

    private final ChatRepository chats;
    private final Clock clock;

    public DefaultChatHistoryService(ChatRepository chats, Clock clock) {
        this.chats = Objects.requireNonNull(chats, "chats");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<ChatSessionInfo> chats(long customerId, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_CHATS));
        return chats.sessionsOfCustomer(customerId, n).stream()
                // the row is written before the first message: a chat whose turn was never stored has nothing to show
                .filter(s -> isOwn(s, customerId) && s.messageCount() > 0)
                .toList();
    }

    @Override
    public Optional<ChatTranscript> open(long customerId, UUID chatSessionId) {
        Optional<ChatSessionInfo> chat = own(customerId, chatSessionId);
        if (chat.isEmpty()) return Optional.empty();
        List<ChatMessage> visible = chats.messages(chatSessionId).stream()
                .filter(m -> "user".equals(m.role()) || "model".equals(m.role()))
                .toList();
        List<ChatMessage> shown = visible.stream()
                .filter(m -> !PrivacyService.REDACTED.equals(m.content()))
                .toList();
        ProposedAction pending = chats.pending(chatSessionId)
                .filter(p -> !p.expiredAt(clock.instant()))
                .map(PendingProposal::action)
                .orElse(null);
        return Optional.of(new ChatTranscript(chat.get(), shown, visible.size() - shown.size(), pending));
    }

    @Override
    public boolean delete(long customerId, UUID chatSessionId) {
        if (own(customerId, chatSessionId).isEmpty()) return false;
        // the messages go with the session (ON DELETE CASCADE), its summary and proposal are columns of it
        chats.deleteSession(chatSessionId);
        return true;
    }

    private Optional<ChatSessionInfo> own(long customerId, UUID chatSessionId) {
        if (chatSessionId == null) return Optional.empty();
        return chats.session(chatSessionId).filter(s -> isOwn(s, customerId));
    }

    private static boolean isOwn(ChatSessionInfo s, long customerId) {
        return s.customerId() != null && s.customerId() == customerId;
    }
}
