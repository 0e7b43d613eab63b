package com.shopassist.core.common;

import java.util.function.Supplier;

/**
 * Port: runs work in one database transaction. Everything the work does through repositories
 * commits together or not at all. Nested calls join the outer transaction.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
