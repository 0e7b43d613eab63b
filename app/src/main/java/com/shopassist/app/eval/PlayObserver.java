package com.shopassist.app.eval;

import java.util.List;

/**
 * Follows the plays of the evaluation: the replayed model ({@link ReplayGemini}) answers by task
 * and turn, and what it could not answer fails the task.
 */
public interface PlayObserver {

    /** Nothing follows. */
    PlayObserver NONE = new PlayObserver() {};

    /**
     * A play of {@code task} starts; its placeholders are already resolved, and {@code orders}
     * resolves those of anything else the play reads (a recorded reply).
     */
    default void beginTask(EvalTask task, OrderPlaceholders orders) {}

    /** The shopper is about to send turn {@code index} (0-based) of the task. */
    default void beforeTurn(EvalTask task, int index) {}

    /** The play ended; what went wrong on the observer's side, which fails the task. */
    default List<String> endTask(EvalTask task) {
        return List.of();
    }
}
