package com.shopassist.data.db;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The customer or clerk session this app presents to the store database (decision 0081). Under
 * a kiosk role, row-level security shows only the rows of the customer whose session token is
 * presented, and nothing of any customer without one; the token is the key, not a customer id the
 * kiosk could simply set. Every connection the pool hands out carries the current token in the
 * setting {@code shopassist.session_token} (sent only when it changed for that connection).
 *
 * <p>A kiosk serves one person at a time, so the session is the app's: signing in presents it,
 * signing out withdraws it. A thread may present another one for a piece of work ({@link #as}):
 * many shoppers at once in tests and benchmarks, a clerk's script.
 */
public final class PresentedSessions {

    /** What a connection carries when no session is presented: no customer matches it. */
    static final String NONE = "";

    private final AtomicReference<String> app = new AtomicReference<>(NONE);
    private final ThreadLocal<String> thread = new ThreadLocal<>();

    /** From now on the app acts for this session (null: for none, a guest). */
    public void present(String token) {
        app.set(token == null ? NONE : token);
    }

    /** Stops presenting {@code token}, if it is the one presented (a later sign-in stays). */
    public void withdraw(String token) {
        if (token != null) app.compareAndSet(token, NONE);
    }

    /** The token connections of this thread carry now, {@link #NONE} for none. */
    String current() {
        String t = thread.get();
        return t != null ? t : app.get();
    }

    /** The token this thread presents now (its own, or the app's), null for none. A secret: never log it. */
    public String presented() {
        String t = current();
        return t.isEmpty() ? null : t;
    }

    /** True when this thread presents a session (its own, or the app's). */
    public boolean presentsAny() {
        return !current().isEmpty();
    }

    /** Runs {@code work} on this thread as {@code token}'s session (null: as a guest), then restores. */
    public <T> T as(String token, Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        String before = thread.get();
        thread.set(token == null ? NONE : token);
        try {
            return work.get();
        } finally {
            if (before == null) thread.remove();
            else thread.set(before);
        }
    }

    public void as(String token, Runnable work) {
        as(token, () -> {
            work.run();
            return null;
        });
    }
}
