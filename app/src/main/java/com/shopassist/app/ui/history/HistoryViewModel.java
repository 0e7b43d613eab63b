package com.shopassist.app.ui.history;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.chat.ChatViewModel;
import com.shopassist.app.ui.common.Feedback;
import com.shopassist.core.chat.ChatHistoryService;
import com.shopassist.core.chat.ChatSessionInfo;
import com.shopassist.core.chat.ChatTranscript;
import com.shopassist.core.customer.Customer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A signed-in customer's past chats: the list, one chat read again before going on with it, and
 * deleting one after a confirmation. Only for a customer who signed in themselves (a clerk serving
 * someone does not read their chats, a guest has none). Who is served comes from the session; when
 * that changes (sign-out, the kiosk's idle reset) everything shown here goes.
 */
public final class HistoryViewModel {

    /** What the list shows. */
    public enum State {
        /** Nobody whose chats could be shown, or not asked yet. */
        NONE,
        LOADING,
        READY,
        /** The store database does not answer (the kiosk's replica holds no chats): one line says so. */
        UNAVAILABLE
    }

    private final UiContext ui;
    private final ChatViewModel chat;
    private final ObservableList<ChatSessionInfo> chats = FXCollections.observableArrayList();
    private final ObjectProperty<ChatSessionInfo> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ChatTranscript> transcript = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NONE);
    private final ReadOnlyBooleanWrapper confirmingDelete = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper offered = new ReadOnlyBooleanWrapper();
    private Runnable showChat = () -> {};
    /** Counts the lists asked for: an answer for an earlier shopper or an earlier ask is dropped. */
    private int asked;

    public HistoryViewModel(UiContext ui, ChatViewModel chat) {
        this.ui = ui;
        this.chat = chat;
        ui.session().epochProperty().addListener((o, a, b) -> forget());
        ui.session().customerProperty().addListener((o, a, b) -> updateOffered());
        ui.session().clerkProperty().addListener((o, a, b) -> updateOffered());
        selected.addListener((o, a, now) -> {
            confirmingDelete.set(false);
            readTranscript(now);
        });
        updateOffered();
    }

    /** What "continue" does once the chat is open again: the shell shows the conversation. */
    public void setShowChat(Runnable showChat) {
        this.showChat = showChat == null ? () -> {} : showChat;
    }

    /** True while a customer who signed in themselves is served: the only one with chats to show. */
    public ReadOnlyBooleanProperty offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    private void updateOffered() {
        offered.set(customer().isPresent());
        if (!offered.get()) forget();
    }

    private Optional<Customer> customer() {
        var s = ui.session();
        return s.isClerkMode() ? Optional.empty() : Optional.ofNullable(s.customer());
    }

    /** Reads the customer's chats again (the page opened). */
    public void load() {
        Optional<Customer> who = customer();
        if (who.isEmpty()) {
            forget();
            return;
        }
        long customerId = who.get().id();
        int ask = ++asked;
        state.set(State.LOADING);
        ui.tasks()
                .run(
                        () -> history().chats(customerId, ChatHistoryService.MAX_CHATS),
                        (List<ChatSessionInfo> list) -> {
                            if (ask != asked) return;
                            UUID keep = selected.get() == null
                                    ? null
                                    : selected.get().id();
                            chats.setAll(list);
                            state.set(State.READY);
                            selected.set(list.stream()
                                    .filter(c -> c.id().equals(keep))
                                    .findFirst()
                                    .orElse(list.isEmpty() ? null : list.get(0)));
                        },
                        e -> {
                            if (ask != asked) return;
                            failed(e);
                        });
    }

    public void select(ChatSessionInfo chat) {
        selected.set(chat);
    }

    private void readTranscript(ChatSessionInfo info) {
        transcript.set(null);
        Optional<Customer> who = customer();
        if (info == null || who.isEmpty()) return;
        long customerId = who.get().id();
        int ask = asked;
        ui.tasks()
                .run(
                        () -> history().open(customerId, info.id()),
                        (Optional<ChatTranscript> t) -> {
                            if (ask != asked || selected.get() != info) return;
                            if (t.isPresent()) transcript.set(t.get());
                            else chats.remove(info); // deleted meanwhile (at another kiosk): gone here too
                        },
                        e -> {
                            if (ask == asked) failed(e);
                        });
    }

    /**
     * Goes on with the chat shown: its messages in the conversation, the next turn in that
     * session. The chat already open is simply shown.
     */
    public void resume() {
        ChatTranscript t = transcript.get();
        if (t == null) return;
        if (isOpen(t.chat()) || chat.resume(t)) {
            showChat.run();
        } else {
            ui.feedback().info("history.waitForAnswer");
        }
    }

    /** Starts a new conversation and shows it. */
    public void newChat() {
        chat.startNewChat();
        showChat.run();
    }

    /** True for the chat the conversation shows now. */
    public boolean isOpen(ChatSessionInfo info) {
        return info != null && info.id().equals(ui.session().chatSessionId());
    }

    public void askDelete() {
        if (selected.get() != null) confirmingDelete.set(true);
    }

    public void cancelDelete() {
        confirmingDelete.set(false);
    }

    /** Deletes the chat shown, whole. The open chat gone, the conversation starts anew. */
    public void confirmDelete() {
        ChatSessionInfo doomed = selected.get();
        Optional<Customer> who = customer();
        confirmingDelete.set(false);
        if (doomed == null || who.isEmpty() || ui.refuseWriteWhenOffline()) return;
        long customerId = who.get().id();
        int ask = asked;
        ui.tasks()
                .run(
                        () -> history().delete(customerId, doomed.id()),
                        deleted -> {
                            if (ask != asked) return;
                            if (isOpen(doomed)) chat.startNewChat();
                            int at = chats.indexOf(doomed);
                            chats.remove(doomed);
                            selected.set(
                                    chats.isEmpty() ? null : chats.get(Math.min(Math.max(at, 0), chats.size() - 1)));
                            ui.feedback().success("history.deleted");
                        },
                        e -> {
                            if (ask == asked) failed(e);
                        });
    }

    private void failed(Throwable e) {
        if (Feedback.unreachable(e)) {
            // the chats live in the store database only: say so here, quietly, in one line
            chats.clear();
            transcript.set(null);
            state.set(State.UNAVAILABLE);
        } else {
            ui.feedback().error(e);
        }
    }

    /** Nothing of the previous shopper stays: list, chat shown, question asked. */
    private void forget() {
        asked++;
        chats.clear();
        selected.set(null);
        transcript.set(null);
        confirmingDelete.set(false);
        state.set(State.NONE);
    }

    private ChatHistoryService history() {
        ChatHistoryService h = ui.services().history();
        if (h == null) {
            throw new com.shopassist.core.common.DataUnavailableException("no chat history in this window", null);
        }
        return h;
    }

    public ObservableList<ChatSessionInfo> chats() {
        return chats;
    }

    public ObjectProperty<ChatSessionInfo> selectedProperty() {
        return selected;
    }

    /** The chat shown, as its shopper saw it; null until read. */
    public ReadOnlyObjectProperty<ChatTranscript> transcriptProperty() {
        return transcript.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while "delete this chat?" waits for an answer. */
    public ReadOnlyBooleanProperty confirmingDeleteProperty() {
        return confirmingDelete.getReadOnlyProperty();
    }
}
