package com.shopassist.app.eval;

import java.util.List;

/**
 * How one play of a task went.
 *
 * @param wrongWrite the store changed in a way the task did not ask for (a cart line, a voucher,
 *     an order, or anything of another shopper's): worse than a write left undone
 * @param problems what differed from the expected end state or replies, empty when it passed
 */
public record TaskResult(
        String id, List<String> tags, boolean passed, boolean wrongWrite, List<String> problems, long millis) {
    public TaskResult {
        tags = List.copyOf(tags);
        problems = List.copyOf(problems);
    }
}
