package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A product card in the conversation shows the stock as it is now, not as it was when the
 * assistant answered: another kiosk taking the last units turns it "Sold out" (Add off) when the
 * shopper's cart changes, and the minute's refresh brings it back once they are released. The
 * card is updated where it is: nothing moves under the shopper's finger.
 */
class ChatCardStockIT extends UiTestBase {

    static final CartOwner OTHER_KIOSK = CartOwner.guest("chat-card-stock-other-kiosk");

    @AfterEach
    void releaseTheOtherKiosksCart() {
        commerce.carts().discard(OTHER_KIOSK);
    }

    static Label badgeOf(FxRobot robot, long productId) {
        return robot.lookup("#product-card-" + productId + " .stock-badge").queryAs(Label.class);
    }

    @Test
    void aCardTurnsSoldOutWhenTheCartChangesAndBackWithTheMinutesRefresh(FxRobot robot) throws Exception {
        robot.clickOn("#chat-input").write("running shoes").type(KeyCode.ENTER);
        waitUntil(
                "product cards in the chat",
                () -> robot.lookup(".chat-cards .card-add").queryAllAs(Button.class).stream()
                                .filter(b -> !b.isDisabled())
                                .count()
                        >= 2);
        List<Button> adds = robot.lookup(".chat-cards .card-add").queryAllAs(Button.class).stream()
                .filter(b -> !b.isDisabled())
                .toList();
        long taken = productIdOf(adds.get(0));
        Button other = adds.get(1);
        Node card = robot.lookup("#product-card-" + taken).query();
        assertThat(badgeOf(robot, taken).getText()).isNotEqualTo("Sold out");

        // another kiosk holds every unit left
        int available = commerce.catalog().product(taken).orElseThrow().available();
        commerce.carts().add(OTHER_KIOSK, taken, available);
        assertThat(badgeOf(robot, taken).getText())
                .as("nothing changed here yet")
                .isNotEqualTo("Sold out");

        // the shopper's cart changes: the cards ask for their stock again
        robot.clickOn(other);
        waitUntil(
                "the card says sold out",
                () -> "Sold out".equals(badgeOf(robot, taken).getText()));
        assertThat(badgeOf(robot, taken).getStyleClass()).contains("sold-out");
        assertThat(node(robot, "#add-" + taken).isDisabled()).isTrue();
        Node now = robot.lookup("#product-card-" + taken).query();
        assertThat(now).as("the same card, updated where it is").isSameAs(card);

        // the other kiosk gives them back; the minute's clock asks again
        commerce.carts().discard(OTHER_KIOSK);
        WaitForAsyncUtils.asyncFx(() -> shell.chat().refreshCardStock()).get();
        waitUntil(
                "the card in stock again",
                () -> !"Sold out".equals(badgeOf(robot, taken).getText()));
        assertThat(node(robot, "#add-" + taken).isDisabled()).isFalse();
        Node again = robot.lookup("#product-card-" + taken).query();
        assertThat(again).isSameAs(card);
        assertNoStackTraceShown(robot);
    }

    @Test
    void compareIsALabelledButtonOnEveryCardNotATooltip(FxRobot robot) {
        robot.clickOn("#chat-input").write("rice cooker").type(KeyCode.ENTER);
        waitUntil("product cards in the chat", () -> exists(robot, ".chat-cards .card-compare"));
        for (Button compare : robot.lookup(".chat-cards .card-compare").queryAllAs(Button.class)) {
            assertThat(compare.getText()).isEqualTo("Compare");
            assertThat(compare.getTooltip()).isNull();
            assertThat(compare.getWidth()).isGreaterThan(60);
        }
    }
}
