package com.shopassist.data;

import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.common.Transactions;
import com.shopassist.data.db.DbErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The database's transactions plus after-commit actions, so a cache is invalidated only once
 * the change is visible to others: invalidating earlier would let a concurrent reader put
 * the old value back for a whole TTL.
 */
final class AfterCommitTransactions implements Transactions {
    private final Transactions delegate;
    private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

    AfterCommitTransactions(Transactions delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (pending.get() != null) return delegate.inTransaction(work);
        List<Runnable> actions = new ArrayList<>();
        pending.set(actions);
        T result;
        try {
            result = delegate.inTransaction(work);
        } catch (RuntimeException e) {
            if (isConnectionFailure(e)) {
                throw new DataUnavailableException(
                        "The store database cannot be reached right now; nothing was changed. Please try again.", e);
            }
            // a deferred check or the commit itself waited past a server limit
            if (!(e instanceof ShopException) && DbErrors.isBusy(e)) throw DbErrors.busy(e);
            throw e;
        } finally {
            pending.remove();
        }
        runAll(actions);
        return result;
    }

    static boolean isConnectionFailure(Throwable failure) {
        return DbErrors.isConnectionFailure(failure);
    }

    /** Whether a transaction begun here is open on this thread. */
    boolean isOpen() {
        return pending.get() != null;
    }

    void afterCommit(Runnable action) {
        List<Runnable> actions = pending.get();
        if (actions == null) action.run();
        else actions.add(action);
    }

    private static void runAll(List<Runnable> actions) {
        Set<Runnable> once = new LinkedHashSet<>(actions);
        for (Runnable r : once) r.run();
    }
}
