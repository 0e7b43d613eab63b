package com.shopassist.app.ui.history;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.Formats;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.Views;
import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.chat.ChatSessionInfo;
import com.shopassist.core.chat.ChatTranscript;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The signed-in customer's chats on the left, the chosen one on the right as it was, with
 * "Continue this chat" and "Delete" (which asks first).
 */
public final class HistoryView extends BorderPane {

    private final HistoryViewModel vm;
    private final I18n i18n;
    private final ListView<ChatSessionInfo> list;
    private final StackPane listHost = new StackPane();
    private final VBox messages = new VBox(10);
    private final VBox detail = new VBox(14);

    public HistoryView(HistoryViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("history-view");
        getStyleClass().add("history-view");

        list = new ListView<>(vm.chats());
        list.setId("history-list");
        list.getStyleClass().add("history-list");
        list.setCellFactory(v -> new ChatCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, now) -> {
            if (now != null) vm.select(now);
        });
        vm.selectedProperty().addListener((o, a, now) -> {
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        });
        Button fresh = Views.button(i18n, "history.newChat", Material2AL.ADD_COMMENT, Styles.FLAT);
        fresh.setId("history-new-chat");
        fresh.setOnAction(e -> vm.newChat());
        fresh.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(10, Views.title(i18n, "history.title"), grow, fresh);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(12, head, listHost);
        VBox.setVgrow(listHost, Priority.ALWAYS);
        left.setPadding(new Insets(20, 12, 20, 24));
        left.setPrefWidth(400);
        left.setMinWidth(340);
        setLeft(left);

        detail.setPadding(new Insets(20, 24, 20, 12));
        ScrollPane scroll = new ScrollPane(messages);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("history-scroll");
        messages.setPadding(new Insets(14));
        messages.getStyleClass().add("history-messages");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        scrollPane = scroll;
        setCenter(detail);

        vm.stateProperty().addListener((o, a, b) -> renderList());
        vm.chats().addListener((ListChangeListener<ChatSessionInfo>) c -> renderList());
        vm.transcriptProperty().addListener((o, a, b) -> renderDetail());
        vm.confirmingDeleteProperty().addListener((o, a, b) -> renderDetail());
        i18n.localeProperty().addListener((o, a, b) -> {
            list.refresh();
            renderList();
            renderDetail();
        });
        renderList();
        renderDetail();
    }

    private final ScrollPane scrollPane;

    private void renderList() {
        Node shown;
        switch (vm.stateProperty().get()) {
            case UNAVAILABLE -> {
                Label line = Views.label(i18n, "history.unavailable", Styles.TEXT_MUTED);
                line.setId("history-unavailable");
                line.setGraphic(new FontIcon(Material2AL.CLOUD_OFF));
                line.setWrapText(true);
                shown = line;
                StackPane.setAlignment(line, Pos.TOP_LEFT);
            }
            case READY ->
                shown = vm.chats().isEmpty()
                        ? Views.emptyState(i18n, Material2AL.FORUM, "history.none", "history.noneHint")
                        : list;
            default -> shown = list;
        }
        listHost.getChildren().setAll(shown);
    }

    private void renderDetail() {
        ChatTranscript t = vm.transcriptProperty().get();
        if (t == null) {
            detail.getChildren().clear();
            return;
        }
        Label title = new Label(titleOf(t.chat()));
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        title.setId("history-chat-title");
        Label when = new Label(Formats.dateTime(t.chat().updatedAt(), i18n.locale()));
        when.getStyleClass().add(Styles.TEXT_MUTED);

        messages.getChildren().clear();
        if (t.redacted() > 0) messages.getChildren().add(notice(i18n.t("history.redacted")));
        for (ChatMessage m : t.messages()) messages.getChildren().add(bubble(m));
        if (t.pending() != null)
            messages.getChildren()
                    .add(notice(i18n.t("history.pending", t.pending().summary())));
        scrollPane.setVvalue(1.0);

        Button resume = Views.button(i18n, "history.continue", Material2MZ.PLAY_ARROW, Styles.ACCENT, Styles.LARGE);
        resume.setId("history-continue");
        resume.setOnAction(e -> vm.resume());
        Button delete = Views.button(i18n, "history.delete", Material2AL.DELETE_OUTLINE, Styles.DANGER, Styles.FLAT);
        delete.setId("history-delete");
        delete.setOnAction(e -> vm.askDelete());
        HBox actions = new HBox(12, resume, delete);
        actions.setAlignment(Pos.CENTER_LEFT);
        detail.getChildren().setAll(new VBox(4, title, when), scrollPane, actions);
        if (vm.confirmingDeleteProperty().get()) {
            detail.getChildren().add(confirmation());
            actions.setDisable(true);
        }
    }

    private Node confirmation() {
        FontIcon icon = new FontIcon(Material2AL.DELETE_FOREVER);
        icon.getStyleClass().addAll("icon-22", "danger-icon");
        Label ask = Views.label(i18n, "history.deleteAsk", Styles.TEXT_BOLD);
        ask.setWrapText(true);
        Label hint = Views.label(i18n, "history.deleteHint", Styles.TEXT_MUTED);
        hint.setWrapText(true);
        Button yes = Views.button(i18n, "history.deleteYes", Material2AL.DELETE, Styles.DANGER);
        yes.setId("history-delete-confirm");
        yes.setOnAction(e -> vm.confirmDelete());
        Button no = Views.button(i18n, "history.deleteNo", null);
        no.setId("history-delete-cancel");
        no.setOnAction(e -> vm.cancelDelete());
        // the buttons keep their words; the question wraps instead
        yes.setMinWidth(Region.USE_PREF_SIZE);
        no.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(10, yes, no);
        buttons.setMinWidth(Region.USE_PREF_SIZE);
        VBox text = new VBox(2, ask, hint);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(12, icon, text, buttons);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("history-delete-ask");
        box.getStyleClass().add("history-confirm");
        box.setPadding(new Insets(14));
        return box;
    }

    private Node bubble(ChatMessage m) {
        boolean shopper = "user".equals(m.role());
        Label text = new Label(m.content());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add("bubble-text");
        StackPane b = new StackPane(text);
        b.getStyleClass().addAll("bubble", shopper ? "bubble-user" : "bubble-assistant");
        b.setMaxWidth(560);
        HBox row = new HBox(b);
        row.setAlignment(shopper ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        return row;
    }

    private static Node notice(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox row = new HBox(l);
        row.setAlignment(Pos.CENTER);
        return row;
    }

    private String titleOf(ChatSessionInfo c) {
        return c.title() == null || c.title().isBlank()
                ? i18n.t("history.untitled", Formats.dateTime(c.createdAt(), i18n.locale()))
                : c.title();
    }

    private final class ChatCell extends ListCell<ChatSessionInfo> {
        @Override
        protected void updateItem(ChatSessionInfo c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(titleOf(c));
            title.getStyleClass().addAll(Styles.TEXT_BOLD, "history-row-title");
            title.setWrapText(true);
            Label when = new Label(Formats.dateTime(c.updatedAt(), i18n.locale()) + " · "
                    + i18n.t("history.messages", c.messageCount()));
            when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            when.setWrapText(true);
            VBox row = new VBox(4, title, when);
            if (vm.isOpen(c)) {
                Label open = Views.label(i18n, "history.openNow");
                open.getStyleClass().addAll("status-badge", "status-shipped");
                row.getChildren().add(open);
            }
            row.setPadding(new Insets(8, 4, 8, 4));
            setGraphic(row);
            setText(null);
            // the list's width, not the title's, decides where a long title wraps
            row.prefWidthProperty().bind(list.widthProperty().subtract(36));
        }
    }
}
