package com.shopassist.app.ui.shell;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.Feedback;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The shopper's short messages ("added to the cart", "voucher needs Rp 201.100 more") in a lane of
 * their own under the page, above the on-screen keyboard: part of the layout, not laid over it,
 * so a message never covers the conversation or a card a finger is about to press. The lane takes
 * no room while it is empty; at most two messages at a time, the newest last.
 */
final class ToastLane extends VBox {

    static final int MAX_SHOWN = 2;

    ToastLane() {
        super(6);
        setId("toasts");
        getStyleClass().add("toast-lane");
        setAlignment(Pos.CENTER);
        setFillWidth(false);
        setPadding(new Insets(0, 16, 0, 16));
        // empty: no room at all; with messages: a little space above and below them
        getChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>)
                c -> setPadding(getChildren().isEmpty() ? new Insets(0, 16, 0, 16) : new Insets(6, 16, 8, 16)));
    }

    void show(Feedback.Note note) {
        Ikon icon = switch (note.level()) {
            case SUCCESS -> Material2AL.CHECK_CIRCLE_OUTLINE;
            case WARNING -> Material2MZ.WARNING;
            case ERROR -> Material2AL.ERROR_OUTLINE;
            case INFO -> Material2AL.INFO;
        };
        Notification n = new Notification(note.text(), new FontIcon(icon));
        n.getStyleClass()
                .addAll(
                        "toast",
                        switch (note.level()) {
                            case SUCCESS -> Styles.SUCCESS;
                            case WARNING -> Styles.WARNING;
                            case ERROR -> Styles.DANGER;
                            case INFO -> Styles.ACCENT;
                        });
        n.setPrefWidth(520);
        n.setMaxWidth(520);
        n.setMaxHeight(Region.USE_PREF_SIZE);
        n.setOnClose(e -> getChildren().remove(n));
        getChildren().add(n);
        while (getChildren().size() > MAX_SHOWN) getChildren().remove(0);
        PauseTransition life = new PauseTransition(Duration.seconds(note.level() == Feedback.Level.ERROR ? 7 : 4));
        life.setOnFinished(e -> getChildren().remove(n));
        life.play();
    }

    void dismissAll() {
        getChildren().clear();
    }
}
