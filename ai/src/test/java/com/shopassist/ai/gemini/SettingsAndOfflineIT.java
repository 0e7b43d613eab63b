package com.shopassist.ai.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.ai.AssistantChain;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ChatMessage;
import com.shopassist.data.chat.MyBatisChatRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One key turns Gemini on; without it the chain runs offline with no error and still keeps history. */
class SettingsAndOfflineIT {

    static Database db;
    static MyBatisChatRepository chats;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        chats = new MyBatisChatRepository(db);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void environmentNamesWinOverConfigKeysAndDefaultsFillTheRest() {
        Map<String, String> env = Map.of(
                "GEMINI_API_KEY", "from-env",
                "gemini.api-key", "from-config",
                "gemini.base-url", "http://proxy.local/v1beta/",
                "SHOPASSIST_GEMINI_PRO_MODEL", "gemini-3-pro",
                "assistant.budget.guest", "1_000",
                "gemini.flash-price", "0.10/0.40");
        AiSettings s = AiSettings.fromEnvironment(env::get);
        assertThat(s.apiKey()).isEqualTo("from-env");
        assertThat(s.baseUrl()).isEqualTo("http://proxy.local/v1beta");
        assertThat(s.flashModel()).isEqualTo("gemini-2.5-flash");
        assertThat(s.proModel()).isEqualTo("gemini-3-pro");
        assertThat(s.dailyBudget("GUEST")).isEqualTo(1_000);
        assertThat(s.dailyBudget("FREE")).isEqualTo(50_000);
        assertThat(s.dailyBudget("PREMIUM")).isEqualTo(200_000);
        assertThat(s.maxToolCalls()).isEqualTo(5);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(s.flashPrice().cost(1_000_000, 1_000_000)).isEqualByComparingTo(new BigDecimal("0.50"));
        assertThat(s.toString()).doesNotContain("from-env");
    }

    @Test
    void nothingConfiguredMeansOfflineAndABlankKeyCountsAsNone() {
        assertThat(AiSettings.fromEnvironment(k -> null).geminiEnabled()).isFalse();
        assertThat(AiSettings.fromEnvironment(Map.of("GEMINI_API_KEY", "  ")::get)
                        .geminiEnabled())
                .isFalse();
        assertThat(AiSettings.fromEnvironment(Map.of("gemini.api-key", "k")::get)
                        .geminiEnabled())
                .isTrue();
    }

    @Test
    void aValueThatIsNotANumberIsNamedInTheError() {
        assertThatThrownBy(() -> AiSettings.fromEnvironment(Map.of("assistant.budget.free", "lots")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assistant.budget.free")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> AiSettings.fromEnvironment(Map.of("gemini.pro-price", "cheap")::get))
                .hasMessageContaining("gemini.pro-price");
    }

    @Test
    void withoutAKeyTheChainAnswersOfflineAndStoresTheConversation() {
        StubShopTools tools = new StubShopTools();
        AssistantChain chain = AssistantChain.create(AiSettings.fromEnvironment(k -> null), tools, chats, null, null);
        assertThat(chain.geminiEnabled()).isFalse();
        ChatContext ctx = Harness.guest();
        AssistantReply found = chain.reply(ctx, "search jbl");
        assertThat(found.assistant()).isEqualTo("offline");
        assertThat(found.products()).extracting(c -> c.name()).containsExactly("JBL Tune 520BT Headphones");
        AssistantReply lost = chain.reply(ctx, "what is the meaning of life");
        assertThat(lost.assistant()).isEqualTo("offline");
        assertThat(lost.text()).isNotBlank();
        assertThat(chats.messages(ctx.chatSessionId()))
                .extracting(ChatMessage::role)
                .containsExactly("user", "model", "user", "model");
    }

    @Test
    void anyInputGetsAnAnswerNeverAnException() {
        AssistantChain chain = AssistantChain.create(AiSettings.defaults(null), new StubShopTools(), chats, null, null);
        ChatContext ctx = Harness.guest();
        for (String odd :
                new String[] {null, "", "   ", "{{it}} ${x} %s", "x".repeat(20_000), "日本語のテキスト", "\u0000\u0001", "🙂🙂"
                }) {
            AssistantReply r = chain.reply(ctx, odd);
            assertThat(r.text()).isNotBlank();
        }
        assertThat(chain.reply(null, "hello").assistant()).isEqualTo("fallback");
    }
}
