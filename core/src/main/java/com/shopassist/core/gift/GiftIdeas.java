package com.shopassist.core.gift;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search words per recipient, read from gift-ideas.txt ("dad = watch, wallet, coffee"), with a
 * {@code default} line for anyone else.
 */
final class GiftIdeas {

    static final String DEFAULT = "default";
    private final Map<String, List<String>> byRecipient;

    GiftIdeas(Map<String, List<String>> byRecipient) {
        if (!byRecipient.containsKey(DEFAULT)) throw new IllegalArgumentException("gift ideas need a default line");
        this.byRecipient = Map.copyOf(byRecipient);
    }

    static GiftIdeas load() {
        try (InputStream in = GiftIdeas.class.getResourceAsStream("gift-ideas.txt")) {
            if (in == null) throw new IllegalStateException("missing gift-ideas.txt");
            Map<String, List<String>> m = new LinkedHashMap<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                int eq = s.indexOf('=');
                if (eq <= 0) throw new IllegalStateException("gift-ideas.txt: not recipient = words: " + s);
                m.put(
                        s.substring(0, eq).strip(),
                        List.of(s.substring(eq + 1).strip().split("\\s*,\\s*")));
            }
            return new GiftIdeas(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> forRecipient(String recipient) {
        return byRecipient.getOrDefault(recipient, byRecipient.get(DEFAULT));
    }
}
