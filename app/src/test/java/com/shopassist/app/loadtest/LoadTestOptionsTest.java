package com.shopassist.app.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.app.config.ConfigException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadTestOptionsTest {

    @Test
    void shopperPaceIsTheDefault() {
        LoadTestOptions o = LoadTestOptions.parse(List.of("--kiosks", "50", "--duration", "60"));
        assertThat(o.kiosks()).isEqualTo(50);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.thinkMin()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.thinkMax()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.capacity()).isFalse();
        assertThat(o.poolSize()).isEqualTo(2);
        assertThat(o.warmUp()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.allowOnStoreDatabase()).isFalse();
        assertThat(o.signInShare()).isEqualTo(10);
    }

    @Test
    void theSignInShareIsAPercentFromZeroToAHundred() {
        assertThat(LoadTestOptions.parse(List.of("--kiosks", "2", "--duration", "5", "--sign-in-share", "25"))
                        .signInShare())
                .isEqualTo(25);
        assertThat(LoadTestOptions.parse(List.of("--kiosks", "2", "--duration", "5", "--sign-in-share=0%"))
                        .signInShare())
                .isZero();
        assertThat(LoadTestOptions.parse(List.of("--kiosks", "2", "--duration", "5", "--sign-in-share", "100"))
                        .signInShare())
                .isEqualTo(100);
        assertThatThrownBy(() ->
                        LoadTestOptions.parse(List.of("--kiosks", "2", "--duration", "5", "--sign-in-share", "101")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("loadtest: --sign-in-share takes a percent from 0 to 100");
        assertThatThrownBy(() ->
                        LoadTestOptions.parse(List.of("--kiosks", "2", "--duration", "5", "--sign-in-share", "-1")))
                .hasMessageContaining("from 0 to 100");
        assertThatThrownBy(() ->
                        LoadTestOptions.parse(List.of("--kiosks", "2", "--duration", "5", "--sign-in-share", "ten")))
                .hasMessageContaining("--sign-in-share takes a whole number, not 'ten'");
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--kiosks", "2", "--duration", "5", "--sign-in-share")))
                .hasMessageContaining("--sign-in-share needs a value");
    }

    @Test
    void thinkZeroIsTheCapacityRunAndRangesTakeDecimals() {
        assertThat(LoadTestOptions.parse(List.of("--kiosks=2", "--duration=5", "--think", "0"))
                        .capacity())
                .isTrue();
        LoadTestOptions o = LoadTestOptions.parse(
                List.of("--kiosks", "2", "--duration", "5", "--think=0.5-1.5", "--allow-on-store-database", "--json"));
        assertThat(o.thinkMin()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.thinkMax()).isEqualTo(Duration.ofMillis(1500));
        assertThat(o.allowOnStoreDatabase()).isTrue();
        assertThat(o.json()).isTrue();
    }

    @Test
    void helpAsksForTheUsage() {
        assertThat(LoadTestOptions.parse(List.of("--help"))).isNull();
    }

    @Test
    void wrongInputIsOneClearSentence() {
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--duration", "5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("needs --kiosks N and --duration S");
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--kiosks", "many", "--duration", "5")))
                .hasMessageContaining("--kiosks takes a whole number, not 'many'");
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--kiosks", "0", "--duration", "5")))
                .hasMessageContaining("from 1 to 500");
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--kiosks", "2", "--duration", "5", "--think", "9-3")))
                .hasMessageContaining("MIN <= MAX");
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--kiosks", "2", "--duration", "5", "--think", "a-b")))
                .hasMessageContaining("--think takes seconds");
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--kiosks", "2", "--duration", "5", "--fast")))
                .hasMessageContaining("unknown option '--fast'");
        assertThatThrownBy(() -> LoadTestOptions.parse(List.of("--kiosks")))
                .hasMessageContaining("--kiosks needs a value");
    }
}
