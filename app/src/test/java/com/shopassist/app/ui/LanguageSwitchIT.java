package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** English and Bahasa Indonesia switch at run time, the whole window at once. */
class LanguageSwitchIT extends UiTestBase {

    @Test
    void theLanguageButtonRelabelsTheWindowAndSwitchesBack(FxRobot robot) {
        assertThat(text(robot, "#nav-chat")).isEqualTo("Chat");
        assertThat(text(robot, "#checkout-button")).isEqualTo("Checkout");
        robot.clickOn("#language-toggle");
        waitUntil("Indonesian labels", () -> "Obrolan".equals(text(robot, "#nav-chat")));
        assertThat(text(robot, "#checkout-button")).isEqualTo("Bayar");
        assertThat(text(robot, "#nav-browse")).isEqualTo("Jelajahi");
        assertThat(robot.lookup("#chat-input").queryAs(TextField.class).getPromptText())
                .startsWith("Tanya");
        assertThat(shell.chat().messages().get(0).text()).startsWith("Halo!");
        assertThat(shell.chat().suggestions()).contains("Ide kado untuk ayah");
        assertThat(ui.session().chatContext(ui.i18n().locale()).uiLocale().getLanguage())
                .isEqualTo("id");

        robot.clickOn("#language-toggle");
        waitUntil("English labels", () -> "Chat".equals(text(robot, "#nav-chat")));
        assertThat(shell.chat().messages().get(0).text()).startsWith("Hi!");
    }
}
