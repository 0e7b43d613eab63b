package com.shopassist.app.ui.chat;

import com.shopassist.core.chat.ProductCard;
import com.shopassist.core.chat.ProposedAction;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One bubble of the conversation: text (growing while streamed), product cards, a proposal. */
public final class ChatEntry {

    public enum Role {
        USER,
        ASSISTANT,
        NOTICE
    }

    public enum ActionState {
        NONE,
        PENDING,
        ACCEPTED,
        DECLINED
    }

    private final Role role;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty fullText = new SimpleStringProperty("");
    private final BooleanProperty streaming = new SimpleBooleanProperty(false);
    private final ObservableList<ProductCard> cards = FXCollections.observableArrayList();
    private final ObjectProperty<ProposedAction> action = new SimpleObjectProperty<>();
    private final ObjectProperty<ActionState> actionState = new SimpleObjectProperty<>(ActionState.NONE);

    public ChatEntry(Role role, String text) {
        this.role = role;
        this.text.set(text == null ? "" : text);
        this.fullText.set(this.text.get());
    }

    public Role role() {
        return role;
    }

    public StringProperty textProperty() {
        return text;
    }

    public String text() {
        return text.get();
    }

    /**
     * The whole text known so far, shown or not yet: the bubble takes this size at once, so the
     * cards under it do not move while the text is revealed (a tap would miss them).
     */
    public StringProperty fullTextProperty() {
        return fullText;
    }

    public BooleanProperty streamingProperty() {
        return streaming;
    }

    public ObservableList<ProductCard> cards() {
        return cards;
    }

    void setCards(List<ProductCard> list) {
        cards.setAll(list);
    }

    /** Cards whose stock is now other than shown are replaced by {@code now}'s (same product, same place). */
    void updateStock(Map<Long, ProductCard> now) {
        for (int i = 0; i < cards.size(); i++) {
            ProductCard shown = cards.get(i);
            ProductCard fresh = now.get(shown.id());
            if (fresh != null && (fresh.available() != shown.available() || fresh.badge() != shown.badge())) {
                cards.set(i, fresh);
            }
        }
    }

    public ObjectProperty<ProposedAction> actionProperty() {
        return action;
    }

    public ObjectProperty<ActionState> actionStateProperty() {
        return actionState;
    }
}
