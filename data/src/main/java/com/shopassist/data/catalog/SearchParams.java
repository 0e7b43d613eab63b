package com.shopassist.data.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Parameters of the search statement; sort is the ProductSort name. {@code fuzzyOnly} selects the
 * trigram pass, run only when the full-text pass found nothing. {@code bound}, {@code
 * nameCandidates} and {@code nameScan} bound the relevance search (decision 0109): the hits it reads
 * and counts, the hits named for the words it adds to them, and the name hits it reads to find
 * those; {@code bound} null counts every hit.
 */
public record SearchParams(
        String text,
        String prefixQuery,
        String fuzzy,
        String excluded,
        Long categoryId,
        String brand,
        String department,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        boolean inStockOnly,
        String sort,
        int limit,
        int offset,
        Instant now,
        boolean fuzzyOnly,
        Integer bound,
        int nameCandidates,
        int nameScan) {

    /** The full-text pass again with other wanted words (a typo corrected); exclusions stay. */
    SearchParams withWords(SearchText words) {
        return new SearchParams(
                words.text(),
                words.prefixQuery(),
                words.fuzzy(),
                excluded,
                categoryId,
                brand,
                department,
                minPrice,
                maxPrice,
                inStockOnly,
                sort,
                limit,
                offset,
                now,
                false,
                bound,
                nameCandidates,
                nameScan);
    }

    /** The trigram pass; its total is exact (it runs only when the words found nothing). */
    SearchParams asFuzzy() {
        return new SearchParams(
                text,
                prefixQuery,
                fuzzy,
                excluded,
                categoryId,
                brand,
                department,
                minPrice,
                maxPrice,
                inStockOnly,
                sort,
                limit,
                offset,
                now,
                true,
                null,
                nameCandidates,
                nameScan);
    }
}
