package com.shopassist.ai.gemini;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;

/** Builds the Gemini clients from the settings. Nothing here touches the network. */
final class GeminiModels {

    private static final int MAX_OUTPUT_TOKENS = 1024;
    private static final double TEMPERATURE = 0.3;

    private GeminiModels() {}

    static ChatModel chat(AiSettings s, String model) {
        return GoogleAiGeminiChatModel.builder()
                .apiKey(s.apiKey())
                .baseUrl(s.baseUrl())
                .modelName(model)
                .timeout(s.timeout())
                .maxRetries(s.maxRetries())
                .temperature(TEMPERATURE)
                .maxOutputTokens(MAX_OUTPUT_TOKENS)
                // keeps thoughtSignature on function calls: Gemini 3 rejects a tool turn without it
                .returnThinking(true)
                .sendThinking(true)
                .build();
    }

    static StreamingChatModel streaming(AiSettings s, String model) {
        return GoogleAiGeminiStreamingChatModel.builder()
                .apiKey(s.apiKey())
                .baseUrl(s.baseUrl())
                .modelName(model)
                .timeout(s.timeout())
                .temperature(TEMPERATURE)
                .maxOutputTokens(MAX_OUTPUT_TOKENS)
                .returnThinking(true)
                .sendThinking(true)
                .build();
    }
}
