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
        String shown) {

    public ParsedMessage {
        refs = refs == null ? List.of() : List.copyOf(refs);
        compareNames = compareNames == null ? List.of() : List.copyOf(compareNames);
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
