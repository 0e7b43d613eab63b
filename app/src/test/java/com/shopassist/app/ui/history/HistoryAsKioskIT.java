package com.shopassist.app.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.AsKioskViewModels;
import com.shopassist.app.ui.chat.ChatEntry;
import com.shopassist.app.ui.shell.Page;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.chat.ChatSessionInfo;
import com.shopassist.core.chat.ProposedAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A signed-in customer's past chats through the view models, the app connected as a real kiosk
 * login role (decision 0080): row-level security keyed on the presented session shows a customer
 * their own chats and no one else's, whatever customer a call names.
 */
class HistoryAsKioskIT extends AsKioskViewModels {

    @Test
    void aCustomerListsContinuesAndDeletesTheirOwnChatsAndNeverSeesAnothersWhateverTheCallNames() {
        signIn("siti@example.com");
        long siti = ui.session().customer().id();
        say("rice cooker");
        UUID sitisChat = ui.session().chatSessionId();
        shell.account().signOut();

        signIn("budi@example.com");
        long budi = ui.session().customer().id();
        var product = services.catalog()
                .search(ProductQuery.text("headphones").withInStockOnly(true))
                .items()
                .get(0);
        shell.cart().add(product.id(), product.name());
        assertThat(ui.session().cart().isEmpty()).isFalse();
        say("clear my cart");
        UUID clearing = ui.session().chatSessionId();
        assertThat(last().actionProperty().get()).as("a proposal to answer").isNotNull();
        shell.chatHistory().newChat();
        assertThat(ui.session().chatSessionId()).isNotEqualTo(clearing);
        say("blender");
        UUID blender = ui.session().chatSessionId();

        shell.navigate(Page.HISTORY);
        assertThat(shell.pageProperty().get()).isEqualTo(Page.HISTORY);
        assertThat(shell.chatHistory().stateProperty().get()).isEqualTo(HistoryViewModel.State.READY);
        assertThat(shell.chatHistory().chats()).extracting(ChatSessionInfo::id).containsExactly(blender, clearing);
        assertThat(shell.chatHistory().chats())
                .extracting(ChatSessionInfo::title)
                .containsExactly("blender", "clear my cart");
        // the database itself refuses: Budi's session presented, Siti's chats are not there to read
        assertThat(services.history().chats(siti, 50)).isEmpty();
        assertThat(services.history().open(siti, sitisChat)).isEmpty();
        assertThat(services.history().open(budi, sitisChat)).isEmpty();
        assertThat(services.history().delete(siti, sitisChat)).isFalse();
        assertThat(ownerCount("SELECT count(*) FROM aichatbot.chat_details WHERE chat_session_id = ?", sitisChat))
                .as("Siti's chat untouched")
                .isEqualTo(2);

        // continue the chat whose proposal still waits: the yes carries it out in that session
        shell.chatHistory().select(byId(clearing));
        var transcript = shell.chatHistory().transcriptProperty().get();
        assertThat(transcript.messages()).extracting(m -> m.role()).containsExactly("user", "model");
        assertThat(transcript.pending().kind()).isEqualTo(ProposedAction.Kind.CLEAR_CART);
        shell.chatHistory().resume();
        assertThat(shell.pageProperty().get()).isEqualTo(Page.CHAT);
        assertThat(ui.session().chatSessionId()).isEqualTo(clearing);
        assertThat(shell.chat().messages())
                .extracting(ChatEntry::role)
                .containsExactly(ChatEntry.Role.USER, ChatEntry.Role.ASSISTANT, ChatEntry.Role.NOTICE);
        assertThat(shell.chat().messages().get(0).text()).isEqualTo("clear my cart");
        assertThat(shell.chat().messages().get(1).actionStateProperty().get()).isEqualTo(ChatEntry.ActionState.PENDING);
        long before = ownerCount("SELECT count(*) FROM aichatbot.chat_details WHERE chat_session_id = ?", clearing);
        say("yes");
        assertThat(services.carts().cart(ui.session().owner()).isEmpty())
                .as("the proposal of the resumed chat was carried out")
                .isTrue();
        assertThat(ownerCount("SELECT count(*) FROM aichatbot.chat_details WHERE chat_session_id = ?", clearing))
                .as("the turn went on in the same session")
                .isGreaterThan(before);

        // delete: asked first; kept when the shopper says no
        shell.navigate(Page.HISTORY);
        shell.chatHistory().select(byId(clearing));
        shell.chatHistory().askDelete();
        assertThat(shell.chatHistory().confirmingDeleteProperty().get()).isTrue();
        shell.chatHistory().cancelDelete();
        assertThat(shell.chatHistory().chats()).hasSize(2);
        shell.chatHistory().askDelete();
        shell.chatHistory().confirmDelete();

        assertThat(shell.chatHistory().chats()).extracting(ChatSessionInfo::id).containsExactly(blender);
        assertThat(ownerCount("SELECT count(*) FROM aichatbot.chat_session WHERE chat_session_id = ?", clearing))
                .isZero();
        assertThat(ownerCount("SELECT count(*) FROM aichatbot.chat_details WHERE chat_session_id = ?", clearing))
                .as("every message went with it")
                .isZero();
        assertThat(ui.session().chatSessionId())
                .as("the open chat was deleted: a new one")
                .isNotEqualTo(clearing);
        assertThat(shell.chat().messages()).hasSize(1);

        // signing out takes the list with it, and the entry point
        shell.account().signOut();
        assertThat(shell.chatHistory().chats()).isEmpty();
        assertThat(shell.chatHistory().transcriptProperty().get()).isNull();
        assertThat(shell.chatHistory().offeredProperty().get()).isFalse();
        assertThat(shell.pageProperty().get()).isNotEqualTo(Page.HISTORY);
    }

    @Test
    void theKiosksIdleResetTakesTheShownChatsWithIt() {
        signIn("hendra@example.com");
        say("rice cooker");
        shell.navigate(Page.HISTORY);
        assertThat(shell.chatHistory().chats()).hasSize(1);
        assertThat(shell.chatHistory().transcriptProperty().get()).isNotNull();

        shell.idle().resetNow();

        assertThat(ui.session().customer()).isNull();
        assertThat(shell.pageProperty().get()).isEqualTo(Page.CHAT);
        assertThat(shell.chatHistory().chats()).isEmpty();
        assertThat(shell.chatHistory().selectedProperty().get()).isNull();
        assertThat(shell.chatHistory().transcriptProperty().get()).isNull();
        assertThat(shell.chatHistory().offeredProperty().get()).isFalse();
    }

    @Test
    void aGuestAndAClerkHaveNoChatHistory() {
        assertThat(shell.chatHistory().offeredProperty().get()).isFalse();
        shell.navigate(Page.HISTORY);
        assertThat(shell.pageProperty().get()).as("a guest is asked to sign in").isEqualTo(Page.ACCOUNT);

        signIn("kasir@example.com", "kasir123");
        assertThat(ui.session().isClerkMode()).isTrue();
        shell.account().lookupProperty().set("budi@example.com");
        shell.account().findCustomers();
        shell.account().actFor(shell.account().found().get(0));
        assertThat(shell.chatHistory().offeredProperty().get())
                .as("a clerk serving a customer does not read their chats")
                .isFalse();
        shell.navigate(Page.HISTORY);
        assertThat(shell.pageProperty().get()).isEqualTo(Page.ACCOUNT);
        shell.account().signOut();
    }

    private void signIn(String email) {
        signIn(email, "belanja123");
    }

    private void say(String text) {
        shell.chat().inputProperty().set(text);
        shell.chat().send();
        assertThat(shell.chat().waitingProperty().get()).isFalse();
    }

    private ChatEntry last() {
        var m = shell.chat().messages();
        return m.get(m.size() - 1);
    }

    private ChatSessionInfo byId(UUID id) {
        return shell.chatHistory().chats().stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static long ownerCount(String sql, UUID id) {
        try (Connection c = roles.owner().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
