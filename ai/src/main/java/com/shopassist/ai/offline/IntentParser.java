package com.shopassist.ai.offline;

import com.shopassist.ai.dialog.ParsedMessage;
import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.lang.LanguageDetector;
import com.shopassist.ai.lang.TextNormalizer;
import java.util.List;

/**
 * Understands one shopper message: normalises it, corrects typos towards the words it knows
 * ({@link Speller}), detects its language, then reads its slots and intent ({@link
 * MessageReader}): prices, order numbers, references, brands, categories, recipients and
 * quantities first, then the intent from what is left. Pure and thread-safe; never throws for
 * any text.
 */
public final class IntentParser {

    private final Vocabulary vocab;
    private final Speller speller;

    public IntentParser(Vocabulary vocab) {
        this.vocab = vocab == null ? Vocabulary.empty() : vocab;
        this.speller = new Speller(this.vocab);
    }

    public Vocabulary vocabulary() {
        return vocab;
    }

    public ParsedMessage parse(String raw, Lang fallback) {
        String text = raw == null ? "" : raw;
        if (text.length() > TextNormalizer.MAX_CHARS) text = text.substring(0, TextNormalizer.MAX_CHARS);
        List<String> t = speller.correct(TextNormalizer.tokens(text));
        Lang lang = LanguageDetector.detect(t, fallback == null ? Lang.EN : fallback);
        return new MessageReader(text, t, lang, vocab).run();
    }
}
