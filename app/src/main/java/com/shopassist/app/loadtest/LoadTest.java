package com.shopassist.app.loadtest;

import com.shopassist.app.loadtest.Latencies.Stats;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.common.ShopException;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.ShutdownSequence;
import com.shopassist.data.info.DbInfoMapper;
import com.shopassist.data.loadtest.LeftOvers;
import com.shopassist.data.loadtest.LoadTestStore;
import com.shopassist.data.loadtest.SampleProduct;
import com.shopassist.data.loadtest.StoreCounts;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One run of {@code loadtest}: guards the store, starts the simulated kiosks, lets them shop for
 * the run's duration (stepping up the rate in the capacity run), prints progress, checks that
 * nothing was oversold or ordered twice, and removes everything it created, putting back the
 * stock its orders took (decision 0085). Interrupting it ({@link #interrupt()}, which Ctrl-C
 * calls through a shutdown hook) stops the shoppers and still checks and cleans up.
 */
public final class LoadTest {

    /** The target of a turn's p95 (and the capacity run's threshold). */
    static final double TARGET_P95_MS = 50;

    static final int SAMPLE = 200;

    private final AppWiring app;
    private final LoadTestOptions options;
    private final PrintStream progress;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Latencies latencies = new Latencies();
    private final Latencies kioskActions = new Latencies();
    private final RunLedger ledger = new RunLedger();
    private final AtomicLong turns = new AtomicLong();
    private final AtomicLong visits = new AtomicLong();
    private volatile boolean interrupted;

    public LoadTest(AppWiring app, LoadTestOptions options, PrintStream progress) {
        this.app = app;
        this.options = options;
        this.progress = progress;
    }

    /** Stops the shoppers now; {@link #run()} then checks, cleans up and reports. Waits up to a minute for that. */
    public void interrupt() {
        interrupted = true;
        stop.countDown();
        try {
            if (!done.await(60, TimeUnit.SECONDS)) {
                progress.println("loadtest: clean-up not finished after 60 s; run loadtest again to remove what is"
                        + " left (it does so before it starts)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the load test; with {@code onCtrlC} a shutdown hook interrupts it and waits for its clean-up. */
    public LoadTestResult run(boolean onCtrlC) {
        return run(onCtrlC, r -> {});
    }

    /**
     * As {@link #run(boolean)}, handing the result to {@code report} before an interrupting shutdown
     * hook is let go (the process ends once the hook returns: a report printed later would be lost).
     */
    public LoadTestResult run(boolean onCtrlC, Consumer<LoadTestResult> report) {
        Database db = app.database();
        db.requireOwnerRole("loadtest");
        LoadTestStore store = new LoadTestStore(db, app.clock());
        long real = store.realOrders();
        if (real > 0 && !options.allowOnStoreDatabase()) {
            throw new ShopException(
                    "REAL_ORDERS",
                    "loadtest: " + db.settings().safeUrl() + " holds " + real + " order" + (real == 1 ? "" : "s")
                            + " of real shoppers (placed after the last demo seed); nothing was changed. A load test"
                            + " uses only its own customers and guest carts and removes them afterwards, but it"
                            + " takes stock and the database's time from the store's shoppers while it runs. If"
                            + " that is what you want, add " + LoadTestOptions.ALLOW + ".");
        }
        refuseWithoutRoom(db, store);
        // on Ctrl-C the shoppers stop and the clean-up runs before the embedded server stops
        ShutdownSequence.Handle hook = onCtrlC ? ShutdownSequence.beforeServersStop(this::interrupt) : null;
        try (AutoCloseable lock = store.lock()) {
            LoadTestResult result = runLocked(db, store);
            report.accept(result);
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("loadtest: " + e.getMessage(), e);
        } finally {
            // the lock is given back first: once this counts down, the server may stop
            done.countDown();
            if (hook != null) hook.close();
        }
    }

    /**
     * Connections the run needs beyond its kiosks' pools: its own (the lock, the checks, the
     * statement times) and a few for the store's clients that connect meanwhile.
     */
    static final int CONNECTION_MARGIN = 5;

    /** Every kiosk's pool fills up under load: a server with no room for them all fails the run half-way. */
    private void refuseWithoutRoom(Database db, LoadTestStore store) {
        int needed = options.kiosks() * options.poolSize() + CONNECTION_MARGIN;
        LoadTestStore.ConnectionRoom room = store.connectionRoom();
        if (needed > room.free()) {
            throw new ShopException(
                    "TOO_FEW_CONNECTIONS",
                    String.format(
                            Locale.ROOT,
                            "loadtest: %d kiosks with a pool of %d each need %d connections (%d to spare for the run's"
                                    + " own and the store's), but %s has %d free (max_connections %d, %d reserved for"
                                    + " superusers, %d open); nothing was changed. Run fewer kiosks, a smaller"
                                    + " --pool-size, or raise max_connections.",
                            options.kiosks(),
                            options.poolSize(),
                            needed,
                            CONNECTION_MARGIN,
                            db.settings().safeUrl(),
                            Math.max(0, room.free()),
                            room.maxConnections(),
                            room.reserved(),
                            room.inUse()));
        }
    }

    private LoadTestResult runLocked(Database db, LoadTestStore store) throws InterruptedException {
        LeftOvers left = store.leftOvers();
        if (!left.none()) {
            progress.printf(
                    "An earlier load test left %d customers, %d carts and %d orders: removing them first%n",
                    left.customers(), left.carts(), left.orders());
            store.cleanUp();
        }
        StoreCounts before = store.counts();
        long catalog = db.mapper(DbInfoMapper.class).counts().products();
        List<SampleProduct> sample = store.sample(SAMPLE, 5);
        if (sample.isEmpty()) {
            throw new ShopException(
                    "EMPTY_CATALOG", "loadtest: the catalog has no product in stock to shop for (seed it: db seed)");
        }
        Map<Long, Integer> stockAtStart = new HashMap<>();
        for (SampleProduct p : sample) stockAtStart.put(p.id(), p.stock());
        ShopperScript script = new ShopperScript(sample, store.unlimitedVouchers());
        ServerCpu cpu = ServerCpu.of(db);
        String loadBefore = ServerCpu.loadAverageLine();

        // recorded before anything is created: a run killed at any point is found through its record
        store.startRun(runId);
        ledger.recordCartsWith(id -> store.rememberCart(runId, id));
        List<SimulatedKiosk> kiosks = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        LoadTestResult.Run measured = null;
        LoadTestStore.Invariants invariants = null;
        LoadTestStore.Taken taken = null;
        LoadTestStore.Cleanup cleanup = null;
        Throwable failure = null;
        try {
            try {
                measured = measure(db, kiosks, threads, script, cpu, loadBefore, catalog);
            } finally {
                stopKiosks(threads, kiosks);
            }
            invariants = store.check(stockAtStart, ledger.checkouts());
        } catch (Throwable e) {
            failure = e;
            throw e;
        } finally {
            // whatever happened above (a failure, an interrupt, the check itself failing), what was
            // created is removed; a failure of the clean-up is told with the first failure
            try {
                taken = store.taken();
                cleanup = store.cleanUp();
            } catch (RuntimeException c) {
                if (failure == null) throw c;
                failure.addSuppressed(c);
            }
        }
        LoadTestStore.Restoration restoration = store.restoration(runId, taken, ledger.carts(), cleanup);
        StoreCounts after = store.counts();
        return new LoadTestResult(
                options,
                db.settings().safeUrl(),
                catalog,
                runId,
                measured,
                invariants,
                ledger.conflicts(),
                cleanup,
                restoration,
                before,
                after,
                interrupted);
    }

    /** Opens the kiosks, warms up and measures; null when interrupted before the measurement began. */
    private LoadTestResult.Run measure(
            Database db,
            List<SimulatedKiosk> kiosks,
            List<Thread> threads,
            ShopperScript script,
            ServerCpu cpu,
            String loadBefore,
            long catalog)
            throws InterruptedException {
        progress.printf(
                Locale.ROOT, "loadtest: opening %d kiosks (a pool, services and a customer each)%n", options.kiosks());
        open(kiosks, script);
        if (stop.getCount() == 0) return null; // interrupted while the kiosks opened
        Pace pace = new Pace(options.thinkMin(), options.thinkMax(), stop);
        for (SimulatedKiosk k : kiosks) {
            Thread t = new Thread(() -> k.run(pace), "kiosk-" + threads.size());
            t.setDaemon(true); // a kiosk stuck on the network must not keep the process alive
            threads.add(t);
        }
        if (!options.warmUp().isZero()) {
            pace.warmUp(Math.min(50, 5.0 * options.kiosks()));
            progress.printf(
                    Locale.ROOT,
                    "loadtest: warming up for %d s (not measured)%n",
                    options.warmUp().toSeconds());
        }
        threads.forEach(Thread::start);
        if (!options.warmUp().isZero() && stop.await(options.warmUp().toMillis(), TimeUnit.MILLISECONDS)) {
            return null; // interrupted while warming up: nothing measured
        }
        progress.printf(
                Locale.ROOT,
                "loadtest: %d kiosks for %d s %s, %d%% of visits signing in, against %s (%,d products); load"
                        + " average %s%n",
                options.kiosks(),
                options.duration().toSeconds(),
                pace.capacity()
                        ? "with no think time, the rate searched below the kiosks' full speed"
                        : "at shopper pace (think " + seconds(options.thinkMin()) + "-" + seconds(options.thinkMax())
                                + " s)",
                options.signInShare(),
                db.settings().safeUrl(),
                catalog,
                loadBefore);
        // what setting up and warming up recorded is not the run's
        latencies.reset();
        kioskActions.reset();
        long turns0 = turns.get();
        long visits0 = visits.get();
        long orders0 = ledger.placedCount();
        ServerCpu.Reading cpuStart = cpu.read();
        StatementTimes statements = StatementTimes.start(db);
        long t0 = System.nanoTime();
        measuring = t0;
        if (pace.capacity()) pace.setRate(0); // the capacity run's first step: the kiosks at full speed
        pace.endWarmUp();
        List<CapacitySteps.Step> steps = pace.capacity()
                ? new CapacitySteps(pace, latencies, this::progressLine).run(options.duration(), stop)
                : shop(t0);
        stop.countDown();
        for (Thread t : threads) t.join(30_000);
        double seconds = (System.nanoTime() - t0) / 1e9;
        ServerCpu.Reading cpuEnd = cpu.read();
        latencies.roll();
        kioskActions.roll();
        return new LoadTestResult.Run(
                latencies.totals(),
                kioskActions.totals(),
                turns.get() - turns0,
                visits.get() - visits0,
                ledger.placedCount() - orders0,
                seconds,
                ServerCpu.Usage.between(cpuStart, cpuEnd),
                cpu.how(),
                loadBefore,
                ServerCpu.loadAverageLine(),
                steps,
                statements == null ? List.of() : statements.top(8));
    }

    /** The series recorded since the measurement began, while the run goes on (its tests watch it). */
    Map<String, Stats> soFar() {
        latencies.roll();
        Map<String, Stats> out = new HashMap<>(latencies.totals());
        out.values().removeIf(st -> st.calls() == 0);
        return out;
    }

    private boolean kiosksStopped;

    /** Stops the shoppers (each finishes its turn and its idle reset) and closes the kiosks; once. */
    private void stopKiosks(List<Thread> threads, List<SimulatedKiosk> kiosks) throws InterruptedException {
        stop.countDown();
        if (kiosksStopped) return;
        kiosksStopped = true;
        for (Thread t : threads) t.join(30_000);
        kiosks.forEach(SimulatedKiosk::close);
    }

    /** Opens the kiosks a few at a time (each parses its mappers and registers its customer). */
    private void open(List<SimulatedKiosk> kiosks, ShopperScript script) throws InterruptedException {
        ExecutorService openers = Executors.newFixedThreadPool(Math.min(4, options.kiosks()));
        try {
            List<Future<SimulatedKiosk>> opening = new ArrayList<>();
            for (int i = 0; i < options.kiosks(); i++) {
                SimulatedKiosk k = new SimulatedKiosk(
                        i, runId, latencies, kioskActions, ledger, script, turns, visits, options.signInShare());
                opening.add(openers.submit(() -> {
                    if (stop.getCount() == 0) return k;
                    k.open(app, options.poolSize());
                    return k;
                }));
                kiosks.add(k);
            }
            for (Future<SimulatedKiosk> f : opening) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) throw r;
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            openers.shutdownNow();
        }
    }

    /** Shopper pace: the kiosks shop until the time is up, a progress line every few seconds. */
    private List<CapacitySteps.Step> shop(long t0) throws InterruptedException {
        long end = t0 + options.duration().toNanos();
        long every = progressEvery();
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) break;
            if (stop.await(Math.min(left, every), TimeUnit.NANOSECONDS)) break;
            progressLine("");
        }
        return List.of();
    }

    private long progressEvery() {
        return TimeUnit.SECONDS.toNanos(options.duration().toSeconds() <= 20 ? 2 : 5);
    }

    private volatile long measuring; // System.nanoTime() when the measurement began

    /** One line on stderr: how far the run is, its turns, the turn p95 so far and the errors. */
    void progressLine(String extra) {
        latencies.roll();
        Map<String, Stats> t = latencies.totals();
        Stats turn = t.getOrDefault(SimulatedKiosk.TURN, Stats.none(SimulatedKiosk.TURN));
        Stats pool = t.getOrDefault(SimulatedKiosk.POOL_WAIT, Stats.none(SimulatedKiosk.POOL_WAIT));
        long errors = t.values().stream().mapToLong(Stats::errors).sum();
        progress.printf(
                Locale.ROOT,
                "[%4d s] %d kiosks: %d turns, turn p95 %.1f ms, pool wait p95 %.1f ms, %d errors, %d orders%s%n",
                (System.nanoTime() - measuring) / 1_000_000_000L,
                options.kiosks(),
                turn.calls(),
                turn.p95(),
                pool.p95(),
                errors,
                ledger.placedCount(),
                extra);
    }

    private static String seconds(java.time.Duration d) {
        return d.toMillis() % 1000 == 0
                ? Long.toString(d.toSeconds())
                : String.format(Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }
}
