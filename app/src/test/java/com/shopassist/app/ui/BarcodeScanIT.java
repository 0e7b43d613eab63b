package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.chat.ChatEntry;
import com.shopassist.app.ui.common.Feedback;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keyboard-wedge scanner in the real window: a sentence typed as fast as a scanner types is
 * sent to the assistant (it was taken for a barcode before: "No product has the barcode ada
 * voucher apa saja?"), and a real barcode typed that fast goes into the cart. The keys are
 * delivered as a scanner's are, one event right after the other into the focused field, ending
 * with Enter (the robot's own typing paces its keys slower than any scanner).
 */
class BarcodeScanIT extends UiTestBase {

    static String barcodeOfAProductInStock() throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT barcode FROM tbl_product WHERE is_active AND stock_quantity > 5"
                        + " ORDER BY product_id LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every key of {@code text} and then Enter, into the focused field, in one go. */
    static void burst(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    Node field = robot.lookup("#chat-input").query().getScene().getFocusOwner();
                    for (char c : text.toCharArray()) {
                        Event.fireEvent(field, key(KeyEvent.KEY_TYPED, String.valueOf(c), KeyCode.UNDEFINED));
                    }
                    Event.fireEvent(field, key(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, KeyCode.ENTER));
                    Event.fireEvent(field, key(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, KeyCode.ENTER));
                })
                .get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    static KeyEvent key(javafx.event.EventType<KeyEvent> type, String ch, KeyCode code) {
        return new KeyEvent(type, ch, "", code, false, false, false, false);
    }

    @Test
    void aSentenceTypedAsFastAsAScannerIsSentToTheAssistant(FxRobot robot) throws Exception {
        robot.clickOn("#chat-input");
        burst(robot, "ada voucher apa saja?");
        waitUntil(
                "the question in the chat",
                () -> shell.chat().messages().stream()
                        .anyMatch(
                                m -> m.role() == ChatEntry.Role.USER && m.text().equals("ada voucher apa saja?")));
        waitUntil("the answer", () -> !shell.chat().waitingProperty().get());
        Feedback.Note note = ui.feedback().latest();
        assertThat(note == null ? "" : note.text()).doesNotContain("barcode");
        assertThat(shell.cart().lines()).isEmpty();
    }

    @Test
    void aBarcodeTypedByTheScannerGoesIntoTheCartAndNotIntoTheChat(FxRobot robot) throws Exception {
        String barcode = barcodeOfAProductInStock();
        int before = shell.chat().messages().size();
        robot.clickOn("#chat-input");
        burst(robot, barcode);
        waitUntil("a line in the cart", () -> !shell.cart().lines().isEmpty());
        assertThat(commerce.carts().cart(ui.session().owner()).itemCount()).isEqualTo(1);
        // the digits were taken back out of the field, and nothing was sent
        assertThat(((TextField) node(robot, "#chat-input")).getText()).isEmpty();
        assertThat(shell.chat().messages()).hasSize(before);
    }
}
