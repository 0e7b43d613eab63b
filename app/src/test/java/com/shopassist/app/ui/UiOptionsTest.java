package com.shopassist.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.app.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UiOptionsTest {

    static UiOptions.Settings settings(Map<String, String> values) {
        return (key, env, fallback) -> values.getOrDefault(key, fallback);
    }

    @Test
    void theStoresScanPatternComesFromTheSettings() {
        UiOptions o = UiOptions.fromSettings(settings(Map.of("kiosk.scan-pattern", "SA-[0-9]{6}")));
        assertThat(o.kiosk().scanPattern().matcher("SA-004211").matches()).isTrue();
        assertThat(UiOptions.fromSettings(settings(Map.of())).kiosk().scanPattern())
                .isNull();
    }

    @Test
    void aScanPatternThatDoesNotCompileStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> UiOptions.fromSettings(settings(Map.of("kiosk.scan-pattern", "SA-[0-9"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kiosk.scan-pattern");
    }
}
