package com.shopassist.ai.gemini;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Prompt texts kept as resources under /prompts, so they are read and reviewed as text. */
final class Prompts {
    private Prompts() {}

    static String load(String name) {
        try (InputStream in = Prompts.class.getResourceAsStream("/prompts/" + name)) {
            if (in == null) throw new IllegalStateException("missing prompt resource /prompts/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
