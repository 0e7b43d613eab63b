package com.shopassist.ai.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A changed copy of the settings keeps every setting it was not asked to change. */
class AiSettingsTest {

    /** Every setting away from its default, so a copy that drops one shows. */
    static final AiSettings UNUSUAL = AiSettings.fromEnvironment(Map.ofEntries(
            Map.entry("GEMINI_API_KEY", "key"),
            Map.entry("SHOPASSIST_GEMINI_BASE_URL", "http://proxy.local/v1beta"),
            Map.entry("SHOPASSIST_GEMINI_FLASH_MODEL", "flash-x"),
            Map.entry("SHOPASSIST_GEMINI_PRO_MODEL", "pro-x"),
            Map.entry("SHOPASSIST_GEMINI_TIMEOUT_SECONDS", "7"),
            Map.entry("SHOPASSIST_GEMINI_MAX_RETRIES", "1"),
            Map.entry("SHOPASSIST_BUDGET_GUEST", "11"),
            Map.entry("SHOPASSIST_BUDGET_FREE", "22"),
            Map.entry("SHOPASSIST_BUDGET_PREMIUM", "33"),
            Map.entry("SHOPASSIST_MAX_TOOL_CALLS", "3"),
            Map.entry("SHOPASSIST_HISTORY_MESSAGES", "4"),
            Map.entry("SHOPASSIST_PRO_AFTER_TURNS", "6"),
            Map.entry("SHOPASSIST_GEMINI_FLASH_PRICE", "0.10/0.20"),
            Map.entry("SHOPASSIST_GEMINI_PRO_PRICE", "0.30/0.40"),
            Map.entry("SHOPASSIST_BUDGET_ZONE", "Asia/Makassar"))::get);

    @Test
    void noSettingIsLeftAtItsDefaultByTheFixture() throws Exception {
        AiSettings defaults = AiSettings.defaults(null);
        for (RecordComponent c : AiSettings.class.getRecordComponents()) {
            assertThat(c.getAccessor().invoke(UNUSUAL))
                    .as(c.getName())
                    .isNotEqualTo(c.getAccessor().invoke(defaults));
        }
    }

    @Test
    void withoutApiKeyTurnsGeminiOffAndKeepsEverythingElse() throws Exception {
        AiSettings offline = UNUSUAL.withoutApiKey();
        assertThat(offline.geminiEnabled()).isFalse();
        assertOnlyChanged(offline, "apiKey");
    }

    @Test
    void eachWithChangesOnlyItsOwnSettings() throws Exception {
        assertOnlyChanged(UNUSUAL.withBaseUrl("http://other.local/v1beta"), "baseUrl");
        assertOnlyChanged(UNUSUAL.withTimeout(Duration.ofSeconds(9)), "timeout");
        assertOnlyChanged(UNUSUAL.withBudgets(1, 2, 3), "guestDailyTokens", "freeDailyTokens", "premiumDailyTokens");
        assertThat(UNUSUAL.toBuilder().build()).isEqualTo(UNUSUAL);
    }

    @Test
    void theBuilderStartsFromTheDefaults() {
        assertThat(AiSettings.builder().build()).isEqualTo(AiSettings.defaults(null));
        assertThat(AiSettings.builder().apiKey("k").build()).isEqualTo(AiSettings.defaults("k"));
    }

    private static void assertOnlyChanged(AiSettings changed, String... names) throws Exception {
        java.util.Set<String> expected = java.util.Set.of(names);
        for (RecordComponent c : AiSettings.class.getRecordComponents()) {
            Object before = c.getAccessor().invoke(UNUSUAL);
            Object after = c.getAccessor().invoke(changed);
            if (expected.contains(c.getName()))
                assertThat(after).as(c.getName()).isNotEqualTo(before);
            else assertThat(after).as(c.getName()).isEqualTo(before);
        }
    }
}
