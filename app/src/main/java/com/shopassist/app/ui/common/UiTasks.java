package com.shopassist.app.ui.common;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs service calls off the FX thread and hands results back through the dispatcher. Keeps a
 * {@link #busyProperty() busy} flag that turns on only when some call has run longer than
 * {@link #BUSY_DELAY_MS}, so quick calls never flash a progress bar.
 */
public final class UiTasks implements AutoCloseable {

    public static final long BUSY_DELAY_MS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(UiTasks.class);

    private final Executor executor;
    private final UiDispatcher dispatcher;
    private final ScheduledExecutorService timer;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger generation = new AtomicInteger();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final Ticker ticker;

    private UiTasks(Executor executor, UiDispatcher dispatcher, ScheduledExecutorService timer, Ticker ticker) {
        this.executor = executor;
        this.dispatcher = dispatcher;
        this.timer = timer;
        this.ticker = ticker != null ? ticker : scheduled(timer, dispatcher);
    }

    /** Background threads working at once, at most; more calls wait in a queue of {@link #QUEUE} places. */
    static final int THREADS = 8;

    static final int QUEUE = 200;

    /**
     * Background threads, results on the FX thread. Bounded: a store database that stops
     * answering holds at most {@link #THREADS} threads (each until its socket timeout), never one
     * more per touch, and a queue past {@link #QUEUE} calls refuses the next one with an error.
     */
    public static UiTasks background() {
        return bounded(UiDispatcher.fx(), THREADS, QUEUE);
    }

    static UiTasks bounded(UiDispatcher dispatcher, int threads, int queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), daemon("ui-task"));
        pool.allowCoreThreadTimeOut(true);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("ui-busy"));
        return new UiTasks(pool, dispatcher, timer, null);
    }

    /** Everything on the caller's thread, for view-model tests; paced work runs to its end at once. */
    public static UiTasks direct() {
        return direct(Ticker.immediate());
    }

    /** Everything on the caller's thread; paced work ticks as {@code ticker} says (tests step it). */
    public static UiTasks direct(Ticker ticker) {
        return new UiTasks(Runnable::run, UiDispatcher.direct(), null, ticker);
    }

    public UiDispatcher dispatcher() {
        return dispatcher;
    }

    /** Paces UI work (text revealed as it streams) on the UI thread. */
    public Ticker ticker() {
        return ticker;
    }

    /** Ticks on the timer thread, each tick run through the dispatcher, never two queued at once. */
    private static Ticker scheduled(ScheduledExecutorService timer, UiDispatcher dispatcher) {
        return (period, tick) -> {
            AtomicReference<ScheduledFuture<?>> future = new AtomicReference<>();
            AtomicBoolean done = new AtomicBoolean();
            AtomicBoolean queued = new AtomicBoolean();
            long ms = Math.max(1, period.toMillis());
            if (timer.isShutdown()) return; // the window is closing
            future.set(timer.scheduleAtFixedRate(
                    () -> {
                        if (done.get()) {
                            ScheduledFuture<?> f = future.get();
                            if (f != null) f.cancel(false);
                            return;
                        }
                        if (!queued.compareAndSet(false, true)) return; // the UI thread is behind: skip
                        dispatcher.run(() -> {
                            queued.set(false);
                            if (!done.get() && !tick.getAsBoolean()) done.set(true);
                        });
                    },
                    ms,
                    ms,
                    TimeUnit.MILLISECONDS));
        };
    }

    /**
     * Runs {@code work} in the background; {@code onDone} or {@code onError} then run through the
     * dispatcher. Errors are logged with their stack trace, never shown as one.
     */
    public <T> void run(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        started();
        try {
            submit(work, onDone, onError);
        } catch (RejectedExecutionException e) {
            LOG.warn("background call refused: every worker is busy and the queue is full");
            finished();
            dispatcher.run(() -> onError.accept(e));
        }
    }

    private <T> void submit(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        executor.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (Throwable e) {
                LOG.warn("background call failed: {}", e.toString(), e);
                finished();
                dispatcher.run(() -> onError.accept(e));
                return;
            }
            finished();
            dispatcher.run(() -> onDone.accept(result));
        });
    }

    public void runThen(Runnable work, Runnable onDone, Consumer<Throwable> onError) {
        run(
                () -> {
                    work.run();
                    return Boolean.TRUE;
                },
                ignored -> onDone.run(),
                onError);
    }

    /** Runs in the background without counting as busy (status probes the shopper did not ask for). */
    public <T> void quietly(Supplier<T> work, Consumer<T> onDone) {
        executor.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                LOG.debug("quiet background call failed: {}", e.toString());
                return;
            }
            dispatcher.run(() -> onDone.accept(result));
        });
    }

    private void started() {
        int now = running.incrementAndGet();
        if (now == 1 && timer != null) {
            int gen = generation.incrementAndGet();
            timer.schedule(
                    () -> {
                        if (running.get() > 0 && generation.get() == gen) dispatcher.run(() -> busy.set(true));
                    },
                    BUSY_DELAY_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void finished() {
        if (running.decrementAndGet() == 0) {
            generation.incrementAndGet();
            dispatcher.run(() -> busy.set(false));
        }
    }

    /** True while some call has been running for more than 300 ms. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Calls in flight right now (tests wait for zero). */
    public int running() {
        return running.get();
    }

    @Override
    public void close() {
        if (executor instanceof ExecutorService es) es.shutdownNow();
        if (timer != null) timer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
