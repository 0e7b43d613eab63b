package com.shopassist.data.db;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs when the JVM is asked to stop (Ctrl-C, SIGTERM, {@code System.exit}), in order: first
 * the work that still needs the database (a load test stopping its shoppers and removing what it
 * created), then the embedded servers stop. The JVM starts its shutdown hooks all at once and in
 * no order, so a server stopped by a hook of its own could go down under a clean-up still writing
 * (its transaction rolled back, the store left with the run's orders): one hook runs both steps.
 */
public final class ShutdownSequence {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownSequence.class);

    private static final List<Runnable> FIRST = new CopyOnWriteArrayList<>();
    private static final List<Runnable> SERVERS = new CopyOnWriteArrayList<>();
    private static boolean hooked;

    private ShutdownSequence() {}

    /** Takes a registration back (the work was done another way, or is no longer needed). */
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs {@code task} on exit before any embedded server stops; closing the handle takes it back. */
    public static Handle beforeServersStop(Runnable task) {
        return add(FIRST, task);
    }

    /** Stops an embedded server on exit, after the {@link #beforeServersStop} work; closing the handle takes it back. */
    static Handle stopServer(Runnable stop) {
        return add(SERVERS, stop);
    }

    private static Handle add(List<Runnable> list, Runnable task) {
        hook();
        list.add(task);
        return () -> list.remove(task);
    }

    private static synchronized void hook() {
        if (hooked) return;
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownSequence::run, "shopassist-shutdown"));
            hooked = true;
        } catch (IllegalStateException e) {
            // already shutting down: nothing registered now would run anyway
        }
    }

    private static void run() {
        runAll(FIRST);
        runAll(SERVERS);
    }

    private static void runAll(List<Runnable> tasks) {
        for (Runnable t : List.copyOf(tasks)) {
            try {
                t.run();
            } catch (RuntimeException | Error e) {
                LOG.warn("on exit: {} failed", t, e);
            }
        }
    }
}
