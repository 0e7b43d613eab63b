package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.shell.Page;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderStatus;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Sign in, browse, add, checkout with a saved address, confirmation with the order number, history. */
class CheckoutFlowIT extends UiTestBase {

    private void signIn(FxRobot robot, String email, String password) {
        robot.clickOn("#account-button");
        robot.clickOn("#signin-email").write(email);
        robot.clickOn("#signin-password").write(password);
        robot.clickOn("#signin-button");
    }

    @Test
    void aSignedInShopperChecksOutAndSeesTheOrderNumberAndTheOrderInTheirHistory(FxRobot robot) {
        signIn(robot, "budi@example.com", "belanja123");
        waitUntil("signed in", () -> ui.session().customer() != null);
        long customerId = ui.session().customer().id();
        long ordersBefore = commerce.orders().orders(customerId, 1, 1).total();

        robot.clickOn("#nav-browse");
        waitUntil("products in the grid", () -> exists(robot, ".product-grid .product-card"));
        Button add = firstAddButton(robot, ".product-grid");
        long productId = productIdOf(add);
        robot.clickOn(add);
        waitUntil("the line in the cart", () -> exists(robot, "#cart-line-" + productId));

        robot.clickOn("#checkout-button");
        waitUntil("an address chosen", () -> shell.checkout().addressProperty().get() != null);
        assertThat(shell.pageProperty().get()).isEqualTo(Page.CHECKOUT);
        robot.clickOn("#checkout-confirm");
        waitUntil("the confirmation", () -> exists(robot, "#order-number"));

        String number = text(robot, "#order-number");
        assertThat(number).startsWith("SA-");
        Order placed = commerce.orders().orderByNumber(customerId, number).orElseThrow();
        assertThat(placed.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(placed.lines()).extracting(l -> l.productId()).containsExactly(productId);
        assertThat(commerce.orders().orders(customerId, 1, 1).total()).isEqualTo(ordersBefore + 1);
        assertThat(commerce.carts().cart(ui.session().owner()).isEmpty()).isTrue();
        waitUntil("the cart pane empty", () -> shell.cart().lines().isEmpty());

        robot.clickOn(robot.lookup("#order-confirmation .button").queryAllAs(Button.class).stream()
                .filter(b -> !"continue-shopping".equals(b.getId()))
                .findFirst()
                .orElseThrow());
        waitUntil(
                "the order history",
                () -> shell.orders().orders().stream()
                        .anyMatch(o -> o.orderNumber().equals(number)));
        assertThat(shell.orders().selectedProperty().get().orderNumber()).isEqualTo(number);
        assertNoStackTraceShown(robot);
    }

    @Test
    void aGuestWhoPressesCheckoutIsAskedToSignInAndKeepsTheCart(FxRobot robot) {
        robot.clickOn("#nav-browse");
        waitUntil("products in the grid", () -> exists(robot, ".product-grid .product-card"));
        Button add = firstAddButton(robot, ".product-grid");
        long productId = productIdOf(add);
        robot.clickOn(add);
        waitUntil("the line in the cart", () -> exists(robot, "#cart-line-" + productId));
        robot.clickOn("#checkout-button");
        waitUntil("the sign-in prompt", () -> exists(robot, "#checkout-sign-in"));
        robot.clickOn("#checkout-sign-in");
        robot.clickOn("#signin-email").write("siti@example.com");
        robot.clickOn("#signin-password").write("belanja123");
        robot.clickOn("#signin-button");
        waitUntil("signed in", () -> ui.session().customer() != null);
        waitUntil(
                "the guest cart came along",
                () -> shell.cart().lines().stream().anyMatch(l -> l.productId() == productId));
    }

    @Test
    void aWrongPasswordGetsAFriendlyMessage(FxRobot robot) {
        signIn(robot, "budi@example.com", "not-the-password");
        waitUntil("a message", () -> ui.feedback().latest() != null);
        assertThat(ui.feedback().latest().text()).isEqualTo("That email or password isn’t right.");
        assertThat(ui.session().customer()).isNull();
    }
}
