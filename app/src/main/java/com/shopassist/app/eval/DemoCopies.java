package com.shopassist.app.eval;

import com.shopassist.data.db.Database;

/** Fresh copies of the demo store, one for each play of a task. */
public interface DemoCopies extends AutoCloseable {

    /** A database of its own holding the demo seed, migrated, open. */
    Database copy();

    /** Closes and drops a copy that {@link #copy()} handed out. */
    void discard(Database copy);

    @Override
    default void close() {}
}
