package com.shopassist.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.UiOptions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppearanceTest {

    @Test
    void fontScaleMovesInStepsAndStopsAtTheLimits() {
        Appearance a = new Appearance(1.0);
        a.larger();
        assertThat(a.fontScaleProperty().get()).isEqualTo(1.1);
        assertThat(a.rootStyle()).isEqualTo("-fx-font-size: 15.4px;");
        for (int i = 0; i < 20; i++) a.larger();
        assertThat(a.fontScaleProperty().get()).isEqualTo(Appearance.MAX_SCALE);
        assertThat(a.canGrow()).isFalse();
        for (int i = 0; i < 20; i++) a.smaller();
        assertThat(a.fontScaleProperty().get()).isEqualTo(Appearance.MIN_SCALE);
        a.resetFont();
        assertThat(a.fontScaleProperty().get()).isEqualTo(1.0);
    }

    @Test
    void kioskFlagsAndSettingsAreRead() {
        UiOptions fromSettings = UiOptions.fromSettings(
                (key, env, def) -> Map.of("kiosk.enabled", "true", "kiosk.idle-seconds", "90", "ui.language", "id")
                        .getOrDefault(key, def));
        assertThat(fromSettings.kiosk().enabled()).isTrue();
        assertThat(fromSettings.kiosk().idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(fromSettings.locale()).isEqualTo(Locale.forLanguageTag("id"));

        UiOptions o = UiOptions.parse(
                List.of("--kiosk", "--lang=id", "--dark", "--idle-seconds=60", "--other"), UiOptions.defaults());
        assertThat(o.kiosk().enabled()).isTrue();
        assertThat(o.kiosk().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.dark()).isTrue();
        assertThat(o.locale().getLanguage()).isEqualTo("id");
        assertThat(o.effectiveFontScale()).isGreaterThan(1.0);
        assertThat(UiOptions.parse(List.of("--measure-startup=exit"), UiOptions.defaults())
                        .exitAfterStartup())
                .isTrue();
    }
}
