package com.shopassist.ai.gemini;

import java.util.Locale;
import java.util.regex.Pattern;

/** Flash by default; Pro for complex asks and long conversations (the seed's routing). */
final class ModelRouter {

    private static final Pattern COMPLEX = Pattern.compile(
            "\\b(compare|comparison|analy[sz]e|analysis|recommend|recommendation|pros and cons|best option|which is better"
                    + "|bandingkan|perbandingan|analisis|analisa|rekomendasi|rekomendasikan|sarankan|kelebihan dan kekurangan"
                    + "|plus minus|pilihan terbaik|mana yang lebih)\\b");

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
