package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.common.Formats;
import com.shopassist.core.money.Money;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Chat search, a product card, Add, and the cart pane's total; and the cart back in the chat. */
class ChatToCartIT extends UiTestBase {

    @Test
    void aSearchInTheChatShowsCardsWhoseAddButtonFillsTheCartPane(FxRobot robot) {
        robot.clickOn("#chat-input").write("running shoes").type(KeyCode.ENTER);
        waitUntil("product cards in the chat", () -> exists(robot, ".chat-cards .product-card"));
        // a long answer is read from its start: the question stays in sight, the cards follow
        waitUntil("the question in sight", () -> {
            var question = robot.lookup(".bubble-user").queryAll().stream()
                    .reduce((a, b) -> b)
                    .orElseThrow();
            var scroll = robot.lookup(".chat-scroll").query();
            var q = question.localToScene(question.getBoundsInLocal());
            var view = scroll.localToScene(scroll.getBoundsInLocal());
            return q.getMinY() >= view.getMinY() && q.getMaxY() <= view.getMaxY();
        });
        assertThat(robot.lookup(".chat-cards .card-price").queryAllAs(javafx.scene.control.Label.class))
                .allSatisfy(l -> assertThat(l.getText()).matches("Rp \\d{1,3}(\\.\\d{3})*"));

        Button add = firstAddButton(robot, ".chat-cards");
        long productId = productIdOf(add);
        Money price = commerce.catalog().product(productId).orElseThrow().price();
        robot.clickOn(add);

        waitUntil("the line in the cart pane", () -> exists(robot, "#cart-line-" + productId));
        assertThat(text(robot, "#cart-total")).isEqualTo(Formats.rupiah(price));
        assertThat(text(robot, "#qty-" + productId)).isEqualTo("1");
        // the pane shows what the database holds
        assertThat(commerce.carts().cart(ui.session().owner()).total()).isEqualTo(price);

        robot.clickOn("#plus-" + productId);
        waitUntil("two in the cart", () -> "2".equals(text(robot, "#qty-" + productId)));
        assertThat(text(robot, "#cart-total")).isEqualTo(Formats.rupiah(price.times(2)));
        assertNoStackTraceShown(robot);
    }

    @Test
    void whatTheAssistantPutsInTheCartShowsInThePaneAtOnce(FxRobot robot) {
        robot.clickOn("#chat-input").write("rice cooker").type(KeyCode.ENTER);
        waitUntil("product cards in the chat", () -> exists(robot, ".chat-cards .product-card"));
        int before = shell.chat().messages().size();
        robot.clickOn("#chat-input").write("add the first one to my cart").type(KeyCode.ENTER);
        waitUntil(
                "the assistant's answer",
                () -> shell.chat().messages().size() >= before + 2
                        && !shell.chat().waitingProperty().get());
        waitUntil("a line in the cart pane", () -> !shell.cart().lines().isEmpty());
        long inDb = commerce.carts().cart(ui.session().owner()).itemCount();
        assertThat(inDb).isEqualTo(1);
        assertThat(text(robot, "#cart-total"))
                .isEqualTo(Formats.rupiah(
                        commerce.carts().cart(ui.session().owner()).total()));
    }
}
