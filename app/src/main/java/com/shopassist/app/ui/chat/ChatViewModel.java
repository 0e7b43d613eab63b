package com.shopassist.app.ui.chat;

import com.shopassist.app.ui.UiContext;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.chat.ChatTranscript;
import com.shopassist.core.chat.ProductCard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The conversation: sends what the shopper typed to the assistant, streams the answer into a
 * bubble, shows its product cards and suggestion chips, and asks for confirmation of proposed
 * writes. A cart the assistant changed comes back in the reply and goes straight to the session,
 * so the cart pane shows it at once.
 */
public final class ChatViewModel {

    /** Long pastes are cut here: no shopper question needs more, and the assistants cap input too. */
    public static final int MAX_INPUT = 1000;

    /** How often a streaming answer shows a little more (see {@link TextReveal} for how much). */
    public static final java.time.Duration REVEAL_TICK = java.time.Duration.ofMillis(30);

    /** Ticks a whole answer takes to show at most, however long it is. */
    public static final int MAX_REVEAL_STEPS = TextReveal.MAX_STEPS;

    private final UiContext ui;
    private final ObservableList<ChatEntry> messages = FXCollections.observableArrayList();
    private final ObservableList<String> suggestions = FXCollections.observableArrayList();
    private final StringProperty input = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper typing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty offline = new SimpleBooleanProperty(false);
    private final StringProperty assistantName = new SimpleStringProperty("");
    private final javafx.beans.property.ReadOnlyIntegerWrapper answersShown =
            new javafx.beans.property.ReadOnlyIntegerWrapper();

    public ChatViewModel(UiContext ui) {
        this.ui = ui;
        offline.set(!ui.services().onlineAssistant());
        // another shopper (or none): nothing of the conversation stays
        ui.session().epochProperty().addListener((obs, old, now) -> clear());
        // what the shopper put in (or took out of) the cart changes what the cards can promise
        ui.session().cartProperty().addListener((obs, old, now) -> refreshCardStock());
        ui.i18n().localeProperty().addListener((obs, old, now) -> {
            if (messages.size() == 1 && messages.get(0).role() == ChatEntry.Role.NOTICE) clear();
            else if (!waiting.get() && suggestionsAreDefault) defaultSuggestions();
        });
        clear();
    }

    private boolean suggestionsAreDefault = true;

    /**
     * Counts the conversations shown: an answer still coming for an earlier one (another shopper's,
     * a chat left for another) is dropped when it arrives.
     */
    private int conversation;

    /** Forgets everything shown: a greeting and the starter chips remain. */
    public void clear() {
        conversation++;
        messages.setAll(new ChatEntry(ChatEntry.Role.NOTICE, ui.i18n().t("chat.greeting")));
        typing.set(false);
        waiting.set(false);
        input.set("");
        defaultSuggestions();
    }

    private void defaultSuggestions() {
        suggestionsAreDefault = true;
        suggestions.setAll(
                ui.i18n().t("chat.suggest.1"),
                ui.i18n().t("chat.suggest.2"),
                ui.i18n().t("chat.suggest.3"),
                ui.i18n().t("chat.suggest.4"));
    }

    public void send() {
        String text = input.get() == null ? "" : input.get().strip();
        if (text.isEmpty() || waiting.get()) return;
        if (text.length() > MAX_INPUT) text = text.substring(0, MAX_INPUT);
        input.set("");
        ask(text);
    }

    public void useSuggestion(String suggestion) {
        if (waiting.get()) return;
        input.set(suggestion);
        send();
    }

    private void ask(String text) {
        messages.add(new ChatEntry(ChatEntry.Role.USER, text));
        ChatEntry answer = new ChatEntry(ChatEntry.Role.ASSISTANT, "");
        answer.streamingProperty().set(true);
        messages.add(answer);
        typing.set(true);
        waiting.set(true);
        suggestions.clear();
        int shown = conversation;
        Streamed streamed = new Streamed(answer, shown);
        ChatContext ctx = ui.session().chatContext(ui.i18n().locale());
        var dispatcher = ui.tasks().dispatcher();
        ui.tasks()
                .run(
                        () -> ui.services()
                                .assistant()
                                .reply(ctx, text, token -> dispatcher.run(() -> streamed.offer(token))),
                        reply -> {
                            if (shown == conversation) finish(streamed, reply);
                        },
                        e -> {
                            if (shown != conversation) return;
                            streamed.fail(ui.feedback().describe(e));
                            typing.set(false);
                            waiting.set(false);
                            defaultSuggestions();
                        });
    }

    /**
     * The answer's text shown a few words at a time (decision 0046): streamed tokens and whole
     * replies alike go through a {@link TextReveal} paced by the UI's {@link
     * com.shopassist.app.ui.common.Ticker}. Cards, cart and proposal never wait for it.
     */
    private final class Streamed {
        private final ChatEntry entry;
        private final int shown;
        private final TextReveal reveal = new TextReveal();
        private boolean ticking;
        private boolean complete;

        Streamed(ChatEntry entry, int shown) {
            this.entry = entry;
            this.shown = shown;
        }

        void offer(String token) {
            if (stale() || complete || token == null || token.isEmpty()) return;
            reveal.offer(token);
            entry.fullTextProperty().set(reveal.full());
            typing.set(false);
            pace();
        }

        void complete(String text) {
            complete = true;
            reveal.complete(text);
            entry.fullTextProperty().set(reveal.full());
            pace();
        }

        void fail(String message) {
            complete = true;
            reveal.complete(message);
            while (!reveal.caughtUp()) reveal.step(); // an error shows at once
            entry.fullTextProperty().set(reveal.full());
            entry.textProperty().set(reveal.visible());
            entry.streamingProperty().set(false);
            answersShown.set(answersShown.get() + 1);
        }

        private boolean stale() {
            return shown != conversation;
        }

        private void pace() {
            if (ticking) return;
            ticking = true;
            ui.tasks().ticker().every(REVEAL_TICK, this::tick);
        }

        private boolean tick() {
            if (stale()) {
                ticking = false;
                return false;
            }
            entry.textProperty().set(reveal.step());
            if (!reveal.caughtUp()) return true;
            ticking = false;
            if (complete) {
                entry.streamingProperty().set(false);
                answersShown.set(answersShown.get() + 1);
            }
            return false;
        }
    }

    private void finish(Streamed streamed, AssistantReply reply) {
        ChatEntry answer = streamed.entry;
        typing.set(false);
        waiting.set(false);
        String text = reply.text();
        if (text == null || text.isBlank()) {
            text = streamed.reveal.full().isBlank() ? ui.i18n().t("chat.noAnswer") : streamed.reveal.full();
        }
        streamed.complete(text);
        answer.setCards(reply.products());
        if (reply.action() != null) {
            answer.actionProperty().set(reply.action());
            answer.actionStateProperty().set(ChatEntry.ActionState.PENDING);
        }
        if (reply.cart() != null) ui.session().setCart(reply.cart());
        noteAssistant(reply.assistant());
        List<String> next = reply.suggestions();
        if (next.isEmpty()) defaultSuggestions();
        else {
            suggestionsAreDefault = false;
            suggestions.setAll(next.size() > 4 ? next.subList(0, 4) : next);
        }
        // an answered proposal makes earlier pending ones stale: the assistant keeps only the latest
        for (ChatEntry e : messages) {
            if (e != answer
                    && e.actionStateProperty().get() == ChatEntry.ActionState.PENDING
                    && reply.action() != null) {
                e.actionStateProperty().set(ChatEntry.ActionState.DECLINED);
            }
        }
    }

    private void noteAssistant(String name) {
        if (name == null) return;
        assistantName.set(name);
        offline.set("offline".equals(name) || "fallback".equals(name));
    }

    /** The shopper pressed Yes or No on a proposal (checkout, voucher, clear cart). */
    public void answer(ChatEntry entry, boolean accept) {
        var action = entry.actionProperty().get();
        if (action == null || entry.actionStateProperty().get() != ChatEntry.ActionState.PENDING || waiting.get())
            return;
        if (accept && ui.refuseCartWriteWhenOffline()) return;
        entry.actionStateProperty().set(accept ? ChatEntry.ActionState.ACCEPTED : ChatEntry.ActionState.DECLINED);
        ChatEntry result = new ChatEntry(ChatEntry.Role.ASSISTANT, "");
        result.streamingProperty().set(true);
        messages.add(result);
        typing.set(true);
        waiting.set(true);
        int shown = conversation;
        Streamed streamed = new Streamed(result, shown);
        ChatContext ctx = ui.session().chatContext(ui.i18n().locale());
        ui.tasks()
                .run(
                        () -> ui.services().assistant().confirm(ctx, action.id(), accept),
                        reply -> {
                            if (shown == conversation) finish(streamed, reply);
                        },
                        e -> {
                            if (shown != conversation) return;
                            streamed.fail(ui.feedback().describe(e));
                            typing.set(false);
                            waiting.set(false);
                        });
    }

    /**
     * Asks the catalog for the stock of every product shown on a card in the conversation and
     * updates the cards whose stock changed (badge, Add). Called when the cart changes and once
     * a minute (the window's clock); quiet: a failure leaves the cards as they are.
     */
    public void refreshCardStock() {
        List<Long> ids = messages.stream()
                .flatMap(m -> m.cards().stream())
                .map(ProductCard::id)
                .distinct()
                .toList();
        if (ids.isEmpty()) return;
        int shown = conversation;
        ui.tasks().quietly(() -> ui.services().catalog().products(ids), products -> {
            if (shown != conversation) return;
            Map<Long, ProductCard> now = new HashMap<>();
            for (var p : products) now.put(p.id(), ProductCard.of(p));
            for (ChatEntry m : messages) m.updateStock(now);
        });
    }

    /**
     * Shows an earlier chat of the signed-in customer and makes it the open one: the shopper's and
     * the assistant's messages as they were, and a proposal still waiting for a yes under the last
     * answer. The next turn continues that session (its summary, its proposal). Refused (false)
     * while an answer is still coming: it belongs to the chat on screen.
     */
    public boolean resume(ChatTranscript transcript) {
        if (waiting.get() || ui.session().customer() == null || transcript == null) return false;
        ui.session().resumeChat(transcript.chat().id());
        conversation++;
        List<ChatEntry> entries = new ArrayList<>();
        if (transcript.redacted() > 0)
            entries.add(new ChatEntry(ChatEntry.Role.NOTICE, ui.i18n().t("history.redacted")));
        ChatEntry lastAnswer = null;
        for (ChatMessage m : transcript.messages()) {
            boolean shopper = "user".equals(m.role());
            ChatEntry e = new ChatEntry(shopper ? ChatEntry.Role.USER : ChatEntry.Role.ASSISTANT, m.content());
            if (!shopper) lastAnswer = e;
            entries.add(e);
        }
        if (transcript.pending() != null && lastAnswer != null) {
            lastAnswer.actionProperty().set(transcript.pending());
            lastAnswer.actionStateProperty().set(ChatEntry.ActionState.PENDING);
        }
        entries.add(new ChatEntry(ChatEntry.Role.NOTICE, ui.i18n().t("history.continued")));
        messages.setAll(entries);
        typing.set(false);
        input.set("");
        defaultSuggestions();
        answersShown.set(answersShown.get() + 1);
        return true;
    }

    /**
     * A new conversation for whoever is served: the greeting again, the next turn a new session.
     * An answer still coming for the chat left is dropped.
     */
    public void startNewChat() {
        ui.session().newChat();
        clear();
    }

    /** A message from the app itself (a scanned product, a reset) shown in the conversation. */
    public void notice(String text) {
        messages.add(new ChatEntry(ChatEntry.Role.NOTICE, text));
    }

    public ObservableList<ChatEntry> messages() {
        return messages;
    }

    public ObservableList<String> suggestions() {
        return suggestions;
    }

    public StringProperty inputProperty() {
        return input;
    }

    public ReadOnlyBooleanProperty typingProperty() {
        return typing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /**
     * Counts answers fully shown. The kiosk's idle clock restarts at each: a shopper reading an
     * answer (or waiting for a slow one) is not idle.
     */
    public ReadOnlyIntegerProperty answersShownProperty() {
        return answersShown.getReadOnlyProperty();
    }

    public BooleanProperty offlineProperty() {
        return offline;
    }

    public StringProperty assistantNameProperty() {
        return assistantName;
    }
}
