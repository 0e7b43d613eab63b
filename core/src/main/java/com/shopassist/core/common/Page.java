package com.shopassist.core.common;

import java.util.List;

/**
 * One page of results with the total, for "showing 1-20 of 134". Pages count from 1. When
 * {@code moreThanTotal} is set the count stopped at a bound: there are more than {@code total}
 * results ("1-20 of more than 1,000") and only the first {@code total} can be paged through.
 */
public record Page<T>(List<T> items, long total, int page, int pageSize, boolean moreThanTotal) {
    public Page {
        items = List.copyOf(items);
    }

    /** A page whose total is exact. */
    public Page(List<T> items, long total, int page, int pageSize) {
        this(items, total, page, pageSize, false);
    }

    /** The same page with other items (reordered, overlaid), total and bound kept. */
    public <U> Page<U> withItems(List<U> other) {
        return new Page<>(other, total, page, pageSize, moreThanTotal);
    }

    public int totalPages() {
        return pageSize == 0 ? 0 : (int) ((total + pageSize - 1) / pageSize);
    }

    /**
     * An empty page past the bounded total: the results beyond the first {@code total} were not
     * ranked, so the answer is "narrow the search", not "no results".
     */
    public boolean beyondBound() {
        return moreThanTotal && items.isEmpty() && page > totalPages();
    }
}
