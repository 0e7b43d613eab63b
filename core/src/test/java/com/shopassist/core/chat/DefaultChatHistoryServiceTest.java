package com.shopassist.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.privacy.PrivacyService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Whose chats the history service reads and deletes, and what of a chat it shows. */
class DefaultChatHistoryServiceTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final long BUDI = 7;
    static final long SITI = 8;

    final Chats chats = new Chats();
    final DefaultChatHistoryService history =
            new DefaultChatHistoryService(chats.port(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCustomerListsOnlyTheirOwnChatsThatHoldAMessage() {
        UUID budis = chats.add(BUDI, "user", "blender");
        chats.add(BUDI); // the row of a turn that was never stored
        chats.add(SITI, "user", "my address");
        chats.add(null, "user", "a guest's chat");

        assertThat(history.chats(BUDI, 10)).extracting(ChatSessionInfo::id).containsExactly(budis);
    }

    @Test
    void anotherCustomersChatOrAGuestsCannotBeOpenedOrDeleted() {
        UUID sitis = chats.add(SITI, "user", "my address");
        UUID guests = chats.add(null, "user", "hello");

        assertThat(history.open(BUDI, sitis)).isEmpty();
        assertThat(history.open(BUDI, guests)).isEmpty();
        assertThat(history.open(BUDI, UUID.randomUUID())).isEmpty();
        assertThat(history.delete(BUDI, sitis)).isFalse();
        assertThat(history.delete(BUDI, guests)).isFalse();
        assertThat(chats.sessions).containsKeys(sitis, guests);
    }

    @Test
    void aChatIsShownAsItsShopperSawItWithAProposalThatStillWaits() {
        UUID id = chats.add(
                BUDI,
                "user",
                PrivacyService.REDACTED,
                "model",
                PrivacyService.REDACTED,
                "user",
                "clear my cart",
                "tool",
                "{\"name\":\"get_cart\"}",
                "model",
                "Clear your cart?");
        ProposedAction clear = new ProposedAction("a1", ProposedAction.Kind.CLEAR_CART, "Clear your cart?", Map.of());
        chats.pending.put(id, new PendingProposal(clear, "c:7", "offline", NOW.plusSeconds(60)));

        ChatTranscript t = history.open(BUDI, id).orElseThrow();

        assertThat(t.messages()).extracting(ChatMessage::content).containsExactly("clear my cart", "Clear your cart?");
        assertThat(t.redacted()).isEqualTo(2);
        assertThat(t.pending()).isEqualTo(clear);

        chats.pending.put(id, new PendingProposal(clear, "c:7", "offline", NOW.minusSeconds(1)));
        assertThat(history.open(BUDI, id).orElseThrow().pending()).as("expired").isNull();
    }

    @Test
    void aCustomerDeletesTheirChatWhole() {
        UUID id = chats.add(BUDI, "user", "blender");

        assertThat(history.delete(BUDI, id)).isTrue();
        assertThat(chats.sessions).doesNotContainKey(id);
        assertThat(history.delete(BUDI, id)).as("already gone").isFalse();
    }

    /** The chat store in memory: only what the history service asks of it. */
    static final class Chats {
        final Map<UUID, ChatSessionInfo> sessions = new HashMap<>();
        final Map<UUID, List<ChatMessage>> messages = new HashMap<>();
        final Map<UUID, PendingProposal> pending = new HashMap<>();

        UUID add(Long customer, String... roleAndContent) {
            UUID id = UUID.randomUUID();
            List<ChatMessage> list = new ArrayList<>();
            for (int i = 0; i < roleAndContent.length; i += 2) {
                list.add(new ChatMessage(i, id, roleAndContent[i], roleAndContent[i + 1], null, NOW));
            }
            int visible = (int) list.stream()
                    .filter(m -> m.role().equals("user") || m.role().equals("model"))
                    .count();
            sessions.put(id, new ChatSessionInfo(id, customer, null, visible, NOW, NOW));
            messages.put(id, list);
            return id;
        }

        ChatRepository port() {
            return (ChatRepository) java.lang.reflect.Proxy.newProxyInstance(
                    ChatRepository.class.getClassLoader(),
                    new Class<?>[] {ChatRepository.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "sessionsOfCustomer" ->
                            sessions.values().stream()
                                    .filter(s -> s.customerId() != null && s.customerId() == (long) a[0])
                                    .toList();
                        case "session" -> Optional.ofNullable(sessions.get((UUID) a[0]));
                        case "messages" -> messages.getOrDefault((UUID) a[0], List.of());
                        case "pending" -> Optional.ofNullable(pending.get((UUID) a[0]));
                        case "deleteSession" -> {
                            sessions.remove((UUID) a[0]);
                            messages.remove((UUID) a[0]);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
