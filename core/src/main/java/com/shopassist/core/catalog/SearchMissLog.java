package com.shopassist.core.catalog;

import java.time.Instant;
import java.util.Locale;

/**
 * Port: searches that found no product, for the store report. What is kept is what a shopper
 * typed, folded; it is deleted with the chat retention.
 */
public interface SearchMissLog {

    /** The longest folded query kept. */
    int MAX_CHARS = 100;

    void record(String foldedQuery, Instant at);

    /** Deletes the misses recorded before {@code before}; returns how many. */
    int deleteBefore(Instant before);

    /**
     * A query as it is kept: lower case, spaces collapsed, at most {@link #MAX_CHARS} characters;
     * null when nothing is left.
     */
    static String fold(String query) {
        if (query == null) return null;
        String s = query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (s.isEmpty()) return null;
        // PostgreSQL's length() counts characters, not UTF-16 units
        if (s.codePointCount(0, s.length()) > MAX_CHARS)
            s = s.substring(0, s.offsetByCodePoints(0, MAX_CHARS)).strip();
        return s;
    }
}
