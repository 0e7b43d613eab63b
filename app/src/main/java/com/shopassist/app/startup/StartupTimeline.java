package com.shopassist.app.startup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When each phase of a start finished, in milliseconds since the JVM started, with the CPU the
 * process had used by then (a start's cost that does not depend on how busy the machine is).
 * Phases run on several threads at once (window, database, services), so the list is in the
 * order they finished. {@code --measure-startup} prints it; the log always gets it.
 */
public final class StartupTimeline {

    /** One finished phase. */
    public record Mark(String phase, long atMs, long cpuMs, String thread) {
        @Override
        public String toString() {
            return String.format("%6d ms  cpu %5d ms  %-14s %s", atMs, cpuMs, thread, phase);
        }
    }

    private static final List<Mark> MARKS = new ArrayList<>();
    // marks keep System.nanoTime(); the JVM's start time (JMX, whose classes cost a start tens of
    // milliseconds) is read once, when the timeline is first printed
    private static final List<Long> NANOS = new ArrayList<>();

    private StartupTimeline() {}

    /** Records that {@code phase} has just finished; returns the mark. */
    public static Mark mark(String phase) {
        long now = System.nanoTime();
        String thread = Thread.currentThread().getName();
        synchronized (MARKS) {
            MARKS.add(new Mark(phase, -1, cpuMs(), thread.length() > 14 ? thread.substring(0, 14) : thread));
            NANOS.add(now);
            return resolved(MARKS.size() - 1);
        }
    }

    /** Every mark so far, with its time since JVM start. */
    public static List<Mark> marks() {
        synchronized (MARKS) {
            List<Mark> all = new ArrayList<>();
            for (int i = 0; i < MARKS.size(); i++) all.add(resolved(i));
            return all;
        }
    }

    /** The latest mark, with its time since JVM start (which this reads, if nothing did yet). */
    public static Mark latest() {
        sinceJvmStart();
        synchronized (MARKS) {
            return resolved(MARKS.size() - 1);
        }
    }

    private static Long jvmStartNanos;

    private static Mark resolved(int i) {
        Mark m = MARKS.get(i);
        if (m.atMs() >= 0) return m;
        if (jvmStartNanos == null) return m; // not asked for times yet: keep the mark cheap
        Mark r = new Mark(m.phase(), (NANOS.get(i) - jvmStartNanos) / 1_000_000, m.cpuMs(), m.thread());
        MARKS.set(i, r);
        return r;
    }

    /** Milliseconds since the JVM started (what the JVM itself records as its start). */
    public static long sinceJvmStart() {
        synchronized (MARKS) {
            if (jvmStartNanos == null) {
                long uptimeMs = java.lang.management.ManagementFactory.getRuntimeMXBean()
                        .getUptime();
                jvmStartNanos = System.nanoTime() - uptimeMs * 1_000_000;
            }
            return (System.nanoTime() - jvmStartNanos) / 1_000_000;
        }
    }

    /** CPU time this process has used so far (all threads), or -1 where the system cannot say. */
    public static long cpuMs() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toMillis)
                .orElse(-1L);
    }
}
