package com.shopassist.core.common;

import java.util.List;

/** One page of results with the total, for "showing 1-20 of 134". Pages count from 1. */
public record Page<T>(List<T> items, long total, int page, int pageSize) {
    public Page {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return pageSize == 0 ? 0 : (int) ((total + pageSize - 1) / pageSize);
    }
}
