package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.common.Feedback;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Messages to the shopper sit in a lane of their own: never over the conversation. */
class ToastsIT extends UiTestBase {

    static Bounds onScreen(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void aToastNeverCoversTheConversation(FxRobot robot) throws Exception {
        robot.clickOn("#chat-input").write("running shoes").type(KeyCode.ENTER);
        waitUntil("product cards in the chat", () -> exists(robot, ".chat-cards .product-card"));
        WaitForAsyncUtils.asyncFx(() -> {
                    ui.feedback().post(Feedback.Level.SUCCESS, "Stride Urban Running Shoes - 41 is in your cart");
                    ui.feedback()
                            .post(
                                    Feedback.Level.WARNING,
                                    "Voucher HEMAT50K needs a subtotal of at least Rp 500.000: add Rp 201.100 more.");
                })
                .get();
        waitUntil("two toasts", () -> robot.lookup(".toast").queryAll().size() == 2);

        Bounds conversation = onScreen(robot.lookup(".chat-scroll").query());
        Bounds input = onScreen(robot.lookup("#chat-input").query());
        for (Node toast : robot.lookup(".toast").queryAll()) {
            Bounds t = onScreen(toast);
            assertThat(t.getHeight()).isPositive();
            assertThat(t.intersects(conversation))
                    .as("toast over the conversation")
                    .isFalse();
            assertThat(t.intersects(input)).as("toast over the chat input").isFalse();
            assertThat(toast.isVisible()).isTrue();
        }
        // the cart pane is not covered either
        Bounds cart = onScreen(robot.lookup("#cart-total").query());
        for (Node toast : robot.lookup(".toast").queryAll())
            assertThat(onScreen(toast).intersects(cart)).isFalse();
    }

    @Test
    void theLaneTakesNoRoomWhenThereIsNothingToSay(FxRobot robot) {
        Node lane = robot.lookup("#toasts").query();
        assertThat(robot.lookup(".toast").queryAll()).isEmpty();
        assertThat(lane.getLayoutBounds().getHeight()).isZero();
    }
}
