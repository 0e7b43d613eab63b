package com.shopassist.core.chat;

import java.util.Locale;
import java.util.Objects;

/**
 * One change the reply check made to a model's answer before the shopper saw it.
 *
 * @param kind what was wrong, for counting
 * @param note a short description naming a catalog product or an id at most: never a sentence of
 *     the model's, which can repeat what the shopper typed
 */
public record Correction(Kind kind, String note) {

    /** What a correction fixed. */
    public enum Kind {
        /** A product's price was wrong, or belonged to another product. */
        PRICE,
        /** A stock claim ("only 3 left", "sold out") contradicted the units available. */
        STOCK,
        /** An amount matched no product, total or figure the shopper gave. */
        AMOUNT,
        /** A product the tools did not return was named. */
        UNKNOWN_PRODUCT;

        /** Lower case with underscores ("unknown_product"), for meter tags and logs. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Correction {
        Objects.requireNonNull(kind, "kind");
        if (note == null) note = "";
    }
}
