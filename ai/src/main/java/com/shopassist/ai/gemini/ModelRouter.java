package com.shopassist.ai.gemini;

import com.shopassist.ai.lang.WordBook;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Flash by default; Pro for complex asks (the [complex] words) and long conversations (the seed's routing). */
final class ModelRouter {

    private static final Pattern COMPLEX = Pattern.compile("\\b("
            + WordBook.load(ModelRouter.class, "words").list("complex").stream()
                    .map(Pattern::quote)
                    .collect(Collectors.joining("|"))
            + ")\\b");

    private ModelRouter() {}

    static boolean complex(String message) {
        return message != null
                && COMPLEX.matcher(message.toLowerCase(Locale.ROOT)).find();
    }

    /** True when the pro model should answer first. {@code turn} counts from 1. */
    static boolean preferPro(String message, int turn, int proAfterTurns) {
        return complex(message) || turn > proAfterTurns;
    }
}
