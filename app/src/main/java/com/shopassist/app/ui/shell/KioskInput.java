package com.shopassist.app.ui.shell;

import com.shopassist.app.ui.kiosk.BarcodeWedge;
import com.shopassist.app.ui.kiosk.KioskSettings;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;

/**
 * Scene-wide input: every touch, click or key counts as activity for the idle reset, and a
 * scanner's burst ending in Enter is taken out of whatever field had focus and added to the cart.
 *
 * <p>Key times: JavaFX key events carry no timestamp (glass stamps each one when its native
 * callback runs, on this thread, and drops the stamp), so each event is stamped once, by the
 * scene's first filter, before any handler has run for it; the Enter is stamped the same way. What
 * was typed decides as much as when ({@link BarcodeWedge}): a sentence delivered in a burst after a
 * busy moment is still a sentence.
 */
final class KioskInput {

    private final ShellViewModel vm;
    private final BarcodeWedge wedge;

    KioskInput(ShellViewModel vm, KioskSettings settings) {
        this.vm = vm;
        this.wedge = new BarcodeWedge(settings.scanMaxGapMillis(), settings.scanPattern());
    }

    void install(Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> vm.idle().activity());
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> vm.idle().activity());
        scene.addEventFilter(ScrollEvent.SCROLL, e -> vm.idle().activity());
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch == null || ch.isEmpty() || ch.charAt(0) == '\r' || ch.charAt(0) == '\n') return;
            wedge.typed(ch.charAt(0), stamp());
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            vm.idle().activity();
            if (e.getCode() != KeyCode.ENTER) return;
            int typed = wedge.pending();
            wedge.typed('\n', stamp()).ifPresent(code -> {
                e.consume();
                if (scene.getFocusOwner() instanceof TextInputControl field) {
                    String text = field.getText();
                    if (text != null && text.endsWith(code) && typed >= code.length()) {
                        field.setText(text.substring(0, text.length() - code.length()));
                        field.positionCaret(field.getText().length());
                    }
                }
                vm.scanned(code);
            });
        });
    }

    /** The time of the event being filtered, in nanoseconds (see the class comment). */
    private static long stamp() {
        return System.nanoTime();
    }
}
