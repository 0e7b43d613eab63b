package com.shopassist.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TurnRecordingAssistantTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    final UUID session = UUID.randomUUID();
    final ChatContext ctx = new ChatContext(session, null, null, null, null);
    final List<String> recorded = new ArrayList<>();

    final ShoppingAssistant inner = new ShoppingAssistant() {
        @Override
        public AssistantReply reply(ChatContext context, String message) {
            return new AssistantReply(message, "en", null, null, null, null, "offline", null);
        }

        @Override
        public AssistantReply confirm(ChatContext context, String actionId, boolean accept) {
            return new AssistantReply("done", "en", null, null, null, null, "gemini-flash", null);
        }
    };

    TurnRecordingAssistant over(TurnLog log) {
        return new TurnRecordingAssistant(inner, log, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void everyAnswerIsCountedUnderTheLayerThatGaveIt() {
        TurnRecordingAssistant a = over((id, assistant, latency, at) -> recorded.add(id + " " + assistant + " " + at));

        List<String> streamed = new ArrayList<>();
        assertThat(a.reply(ctx, "hello", streamed::add).text()).isEqualTo("hello");
        a.confirm(ctx, "x", true);

        assertThat(streamed).containsExactly("hello");
        assertThat(recorded).containsExactly(session + " offline " + NOW, session + " gemini-flash " + NOW);
    }

    @Test
    void aCountThatCannotBeWrittenNeverCostsTheShopperTheAnswer() {
        TurnRecordingAssistant a = over((id, assistant, latency, at) -> {
            throw new IllegalStateException("database away");
        });

        assertThat(a.reply(ctx, "still answered").text()).isEqualTo("still answered");
    }
}
