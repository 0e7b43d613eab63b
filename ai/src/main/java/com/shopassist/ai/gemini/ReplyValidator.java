package com.shopassist.ai.gemini;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.chat.Correction;
import com.shopassist.core.chat.ProductCard;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks a model's answer against this turn's tool results before a shopper sees it, sentence by
 * sentence (see {@link ReplyCheck} for the rules): whole, or as it streams through a {@link
 * CheckedStream}. The cards are the returned products the kept sentences name.
 */
final class ReplyValidator {

    /** What the shopper gets: the checked text, the cards, and each change made. */
    record Checked(String text, List<ProductCard> cards, List<Correction> corrections) {}

    /** The whole answer at once, against these results (tests, and answers that did not stream). */
    Checked check(String text, List<ToolResult> results, String shopperMessage, Lang lang) {
        return new CheckedStream(start(() -> results, null, shopperMessage, lang), null, null).complete(text, false);
    }

    /**
     * A check to feed as the answer arrives. {@code results} is read again for each sentence (the
     * tools may still be running); {@code reread} gives the products of earlier turns read again,
     * asked once, when a sentence first holds a digit.
     */
    ReplyCheck start(
            Supplier<List<ToolResult>> results,
            Function<List<ToolResult>, List<ToolResult>> reread,
            String shopperMessage,
            Lang lang) {
        return new ReplyCheck(new Facts.Source(results, reread, shopperMessage), lang);
    }

    /** The corrections for a log line: how many, and each one's kind and note (no sentence of the answer). */
    static String describe(List<Correction> corrections) {
        StringBuilder sb = new StringBuilder().append(corrections.size());
        for (Correction c : corrections)
            sb.append("; ").append(c.kind().tag()).append(": ").append(c.note());
        return sb.toString();
    }
}
