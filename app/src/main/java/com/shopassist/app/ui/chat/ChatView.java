package com.shopassist.app.ui.chat;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.ProductCardView;
import com.shopassist.core.chat.ProductCard;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The conversation: bubbles, streamed text, typing dots, product cards, chips and the input. */
public final class ChatView extends BorderPane {

    private final ChatViewModel vm;
    private final I18n i18n;
    private final ProductCardView.Actions cardActions;
    private final VBox list = new VBox(14);
    private final ScrollPane scroll = new ScrollPane(list);
    private final TextField input = new TextField();
    private Runnable afterSend = () -> {};

    public ChatView(ChatViewModel vm, I18n i18n, ProductCardView.Actions cardActions) {
        this.vm = vm;
        this.i18n = i18n;
        this.cardActions = cardActions;
        getStyleClass().add("chat-view");
        setId("chat-view");

        list.getStyleClass().add("chat-list");
        list.setPadding(new Insets(18));
        list.setFillWidth(true);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("chat-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // after the layout pass, when the latest question's position is known
        list.heightProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::scrollToLatest));
        scroll.viewportBoundsProperty()
                .addListener((o, a, b) -> javafx.application.Platform.runLater(this::scrollToLatest));
        vm.messages().addListener((ListChangeListener<ChatEntry>) c -> render());
        render();

        setCenter(scroll);
        setBottom(bottom());
    }

    private Node bottom() {
        Label typing = new Label();
        typing.getStyleClass().addAll("typing-indicator", Styles.TEXT_MUTED);
        typing.setId("typing-indicator");
        String[] dots = {"", ".", "..", "..."};
        int[] frame = {0};
        Timeline anim = new Timeline(new KeyFrame(Duration.millis(350), e -> {
            frame[0] = (frame[0] + 1) % dots.length;
            typing.setText(i18n.t("chat.typing") + dots[frame[0]]);
        }));
        anim.setCycleCount(Timeline.INDEFINITE);
        typing.visibleProperty().bind(vm.typingProperty());
        typing.managedProperty().bind(typing.visibleProperty());
        vm.typingProperty().addListener((o, a, on) -> {
            if (on) {
                typing.setText(i18n.t("chat.typing"));
                anim.play();
            } else anim.stop();
        });
        FontIcon typingIcon = new FontIcon(Material2AL.CHAT_BUBBLE_OUTLINE);
        typing.setGraphic(typingIcon);

        FlowPane chips = new FlowPane(8, 8);
        chips.getStyleClass().add("suggestion-chips");
        chips.setId("suggestions");
        Runnable renderChips = () -> chips.getChildren()
                .setAll(vm.suggestions().stream()
                        .map(s -> {
                            Button b = new Button(s);
                            b.getStyleClass().addAll("chip", Styles.SMALL);
                            b.setOnAction(e -> vm.useSuggestion(s));
                            b.disableProperty().bind(vm.waitingProperty());
                            return (Node) b;
                        })
                        .toList());
        vm.suggestions().addListener((ListChangeListener<String>) c -> renderChips.run());
        renderChips.run();

        input.setId("chat-input");
        input.getStyleClass().add("chat-input");
        input.promptTextProperty().bind(i18n.bind("chat.prompt"));
        input.textProperty().bindBidirectional(vm.inputProperty());
        input.setOnAction(e -> send());
        HBox.setHgrow(input, Priority.ALWAYS);

        Button send = new Button(null, new FontIcon(Material2MZ.SEND));
        send.setId("chat-send");
        send.getStyleClass().addAll(Styles.ACCENT, "send-button");
        send.textProperty().bind(i18n.bind("chat.send"));
        send.disableProperty()
                .bind(Bindings.or(vm.waitingProperty(), vm.inputProperty().isEmpty()));
        send.setOnAction(e -> send());
        send.setDefaultButton(false);

        HBox row = new HBox(8, input, send);
        row.setAlignment(Pos.CENTER);
        VBox box = new VBox(8, typing, chips, row);
        box.getStyleClass().add("chat-bottom");
        box.setPadding(new Insets(10, 18, 14, 18));
        return box;
    }

    private void send() {
        vm.send();
        afterSend.run();
    }

    /** What happens once a message is sent (the kiosk puts its on-screen keyboard away to show the answer). */
    public void setAfterSend(Runnable r) {
        afterSend = r == null ? () -> {} : r;
    }

    public TextField input() {
        return input;
    }

    private void render() {
        List<Node> blocks = new ArrayList<>();
        latestQuestion = null;
        for (ChatEntry e : vm.messages()) {
            Node block = bubble(e);
            if (e.role() == ChatEntry.Role.USER) latestQuestion = block;
            blocks.add(block);
        }
        list.getChildren().setAll(blocks);
    }

    /**
     * Follows the conversation down, but never so far that the latest question scrolls out of
     * sight: a long answer with many cards is read from its start, not from its last card.
     */
    private void scrollToLatest() {
        double view = scroll.getViewportBounds().getHeight();
        double max = list.getHeight() - view;
        if (max <= 0) return;
        double target = max;
        if (latestQuestion != null && latestQuestion.getParent() == list) {
            target =
                    Math.min(max, Math.max(0, latestQuestion.getBoundsInParent().getMinY() - 8));
        }
        scroll.setVvalue(target / max);
    }

    private Node latestQuestion;

    static final String STREAMING_CARET = " \u258D";

    private Node bubble(ChatEntry entry) {
        Label text = new Label();
        text.setWrapText(true);
        // a caret at the end while the answer is still coming in
        text.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> entry.streamingProperty().get() && !entry.text().isEmpty()
                                ? entry.text() + STREAMING_CARET
                                : entry.text(),
                        entry.textProperty(),
                        entry.streamingProperty()));
        text.getStyleClass().add("bubble-text");
        text.setMinHeight(Region.USE_PREF_SIZE);
        // an invisible copy of the whole answer gives the bubble its final size from the start
        Label room = new Label();
        room.setWrapText(true);
        room.textProperty().bind(entry.fullTextProperty());
        room.getStyleClass().add("bubble-text");
        room.setMinHeight(Region.USE_PREF_SIZE);
        room.setVisible(false);
        StackPane textArea = new StackPane(room, text);
        textArea.setAlignment(Pos.TOP_LEFT);
        VBox bubble = new VBox(8, textArea);
        bubble.getStyleClass().add("bubble");
        bubble.setMaxWidth(620);
        bubble.setFillWidth(true);
        HBox row = new HBox(10);
        switch (entry.role()) {
            case USER -> {
                bubble.getStyleClass().add("bubble-user");
                row.setAlignment(Pos.CENTER_RIGHT);
                row.getChildren().add(bubble);
            }
            case ASSISTANT -> {
                bubble.getStyleClass().add("bubble-assistant");
                textArea.visibleProperty().bind(entry.fullTextProperty().isNotEmpty());
                textArea.managedProperty().bind(textArea.visibleProperty());
                row.setAlignment(Pos.TOP_LEFT);
                row.getChildren().addAll(avatar(), bubble);
            }
            case NOTICE -> {
                bubble.getStyleClass().add("bubble-notice");
                row.setAlignment(Pos.TOP_LEFT);
                row.getChildren().addAll(avatar(), bubble);
            }
        }
        VBox block = new VBox(10, row);
        if (!entry.cards().isEmpty()) block.getChildren().add(cards(entry));
        entry.cards().addListener((ListChangeListener<ProductCard>) c -> {
            // a card whose stock changed is updated where it is: nothing moves under a finger
            FlowPane shown = block.getChildren().stream()
                    .filter(n -> n instanceof FlowPane && n.getStyleClass().contains("chat-cards"))
                    .map(FlowPane.class::cast)
                    .findFirst()
                    .orElse(null);
            if (shown != null && sameProducts(shown, entry.cards())) {
                for (int i = 0; i < entry.cards().size(); i++) {
                    ((ProductCardView) shown.getChildren().get(i))
                            .update(entry.cards().get(i));
                }
                return;
            }
            block.getChildren().remove(shown);
            if (!entry.cards().isEmpty()) block.getChildren().add(1, cards(entry));
        });
        Node action = action(entry);
        block.getChildren().add(action);
        return block;
    }

    private static boolean sameProducts(FlowPane pane, List<ProductCard> cards) {
        if (pane.getChildren().size() != cards.size()) return false;
        // only a pane cards() built, card for card: anything else is built again, never cast
        for (int i = 0; i < cards.size(); i++) {
            if (!(pane.getChildren().get(i) instanceof ProductCardView v)
                    || v.productId() != cards.get(i).id()) return false;
        }
        return true;
    }

    private Node avatar() {
        FontIcon icon = new FontIcon(Material2MZ.STOREFRONT);
        icon.getStyleClass().add("avatar-icon");
        Label avatar = new Label(null, icon);
        avatar.getStyleClass().add("avatar");
        avatar.setMinSize(36, 36);
        return avatar;
    }

    private Node cards(ChatEntry entry) {
        FlowPane pane = new FlowPane(12, 12);
        pane.getStyleClass().add("chat-cards");
        pane.setPadding(new Insets(0, 0, 0, 46));
        int index = 0;
        for (var card : entry.cards()) pane.getChildren().add(new ProductCardView(card, ++index, i18n, cardActions));
        return pane;
    }

    private Node action(ChatEntry entry) {
        VBox box = new VBox(8);
        box.getStyleClass().add("proposal");
        box.setPadding(new Insets(12));
        VBox.setMargin(box, new Insets(0, 0, 0, 46));
        box.setMaxWidth(520);
        Runnable renderAction = () -> {
            var a = entry.actionProperty().get();
            box.setVisible(a != null);
            box.setManaged(a != null);
            if (a == null) return;
            Label q = new Label(a.summary());
            q.setWrapText(true);
            q.getStyleClass().add("proposal-text");
            var state = entry.actionStateProperty().get();
            if (state == ChatEntry.ActionState.PENDING) {
                Button yes = new Button();
                yes.textProperty().bind(i18n.bind("chat.confirm.yes"));
                yes.setGraphic(new FontIcon(Material2AL.CHECK));
                yes.getStyleClass().addAll(Styles.SUCCESS, "proposal-yes");
                yes.setId("proposal-yes");
                yes.setOnAction(e -> vm.answer(entry, true));
                Button no = new Button();
                no.textProperty().bind(i18n.bind("chat.confirm.no"));
                no.setGraphic(new FontIcon(Material2AL.CLOSE));
                no.setId("proposal-no");
                no.setOnAction(e -> vm.answer(entry, false));
                box.getChildren().setAll(q, new HBox(8, yes, no));
            } else {
                Label done = new Label();
                done.textProperty()
                        .bind(i18n.bind(
                                state == ChatEntry.ActionState.ACCEPTED
                                        ? "chat.confirm.done"
                                        : "chat.confirm.declined"));
                done.getStyleClass().add(Styles.TEXT_MUTED);
                box.getChildren().setAll(q, done);
            }
        };
        entry.actionProperty().addListener((o, a, b) -> renderAction.run());
        entry.actionStateProperty().addListener((o, a, b) -> renderAction.run());
        renderAction.run();
        return box;
    }
}
