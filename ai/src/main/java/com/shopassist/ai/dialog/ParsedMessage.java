package com.shopassist.ai.dialog;

import com.shopassist.ai.lang.Lang;
import java.util.List;

/**
 * One understood message: the intent and its slots. Every slot may be null/empty.
 *
 * @param query product words for a catalog search, Indonesian mapped to English ("running shoes")
 * @param name the product words as typed, for name lookups ("sony wh-1000xm5")
 * @param refs references to earlier results, in the order typed
 * @param compareNames product names to compare when no reference was used
 * @param phrase the ask in (mostly English) words for meaning-based search, keeping verbs like
 *     "clean" or "keep" that the keyword query drops ("something to clean the floor" -> "clean floor")
 * @param ask the whole ask in natural English words for an embedding model ("something to keep
 *     coffee hot"), prices and politeness taken out
 * @param shown the search words as the shopper typed them (after spelling fixes, before the
 *     Indonesian-to-English mapping), for quoting back in the answer ("sepatu lari")
 * @param words every word of the message, as typed and as spelled right, for telling whether it
 *     names a product in full ("Medika Herbal First Aid Kit - Medium")
 * @param lookup the words that may be part of a product's name, ordinals and numbers included
 *     ("first aid kit", "echo 7"), cue and stop words left out; empty when too few to look up
 */
public record ParsedMessage(
        Intent intent,
        Lang lang,
        String query,
        String name,
        String brand,
        String category,
        Long minPrice,
        Long maxPrice,
        String sort,
        Integer quantity,
        List<Ref> refs,
        List<String> compareNames,
        String voucherCode,
        String addressLabel,
        String orderRef,
        String recipient,
        String interests,
        boolean more,
        String phrase,
        String ask,
        String shown,
        List<String> words,
        String lookup) {

    public ParsedMessage {
        refs = refs == null ? List.of() : List.copyOf(refs);
        compareNames = compareNames == null ? List.of() : List.copyOf(compareNames);
        words = words == null ? List.of() : List.copyOf(words);
        lookup = lookup == null ? "" : lookup;
    }

    /** The same message read as another intent (a product named in full is shown, not searched). */
    public ParsedMessage withIntent(Intent other) {
        return new ParsedMessage(
                other,
                lang,
                query,
                name,
                brand,
                category,
                minPrice,
                maxPrice,
                sort,
                quantity,
                refs,
                compareNames,
                voucherCode,
                addressLabel,
                orderRef,
                recipient,
                interests,
                more,
                phrase,
                ask,
                shown,
                words,
                lookup);
    }

    public Ref ref() {
        return refs.isEmpty() ? null : refs.get(0);
    }

    /** A message that may answer a question just asked ("Rumah", "HEMAT10"): not a request of its own kind. */
    public boolean isShortAnswer() {
        return intent == Intent.SEARCH
                || intent == Intent.UNKNOWN
                || intent == Intent.PRODUCT_DETAILS
                || intent == Intent.APPLY_VOUCHER;
    }

    public boolean hasPrice() {
        return minPrice != null || maxPrice != null;
    }
}
