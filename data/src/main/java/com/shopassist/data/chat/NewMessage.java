package com.shopassist.data.chat;

/** Parameters of one chat_details insert; MyBatis writes the generated sequence back. */
final class NewMessage {
    final String chatSessionId;
    final String role;
    final String content;
    final String usageJson;
    long chatIdSequence;

    NewMessage(String chatSessionId, String role, String content, String usageJson) {
        this.chatSessionId = chatSessionId;
        this.role = role;
        this.content = content;
        this.usageJson = usageJson;
    }
}
