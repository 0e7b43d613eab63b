package com.shopassist.data.db;

import java.time.Duration;
import java.util.Objects;

/**
 * Decides, from what a look at the data folder finds, whether a start of the embedded server is
 * still under way or has failed. It tells a server that was not launched yet (a loaded machine can
 * take many seconds between the library's lock and the postmaster writing {@code postmaster.pid})
 * from one that was launched and died: only a {@code postmaster.pid} written by this start counts as
 * a launched server, one left by an earlier run (a crash) never does. No I/O and no clock: the
 * caller says how long ago the lock was taken and what it found; {@link WatchedStart} does the
 * looking.
 *
 * <ul>
 *   <li>a pid file of this start naming a live process: the server is up or recovering, wait (the
 *       library's own startup wait ends a server that never answers);
 *   <li>a pid file of this start naming a dead process, or gone again after one was seen (a
 *       postmaster that exits on a fatal error removes it), for {@code grace}: it died, fail;
 *   <li>the launcher ({@code pg_ctl start}, which waits until the server answers or has failed)
 *       seen running and then gone, with no live postmaster of this start, for {@code grace}: it
 *       died, fail. A postmaster that exits on a fatal error (a control file with a bad checksum)
 *       removes its pid file within milliseconds, before any look could see it: the launcher's
 *       exit is what shows it;
 *   <li>no pid file of this start for {@code deadline} after the lock: it never came up, fail.
 * </ul>
 */
final class StartWatch {

    enum Verdict {
        /** Still starting, or up and not answering yet. */
        WAIT,
        /** A postmaster of this start was launched and is gone. */
        DIED,
        /** No postmaster of this start showed itself before the deadline. */
        NEVER_CAME_UP
    }

    /** What {@code postmaster.pid} held at one look. */
    record PidFile(Kind kind, long pid, long modifiedMillis, boolean alive) {

        enum Kind {
            ABSENT,
            /** Empty (being written) or not a pid file: no information either way. */
            UNREADABLE,
            PRESENT
        }

        static PidFile absent() {
            return new PidFile(Kind.ABSENT, 0, 0, false);
        }

        static PidFile unreadable() {
            return new PidFile(Kind.UNREADABLE, 0, 0, false);
        }

        static PidFile of(long pid, long modifiedMillis, boolean alive) {
            return new PidFile(Kind.PRESENT, pid, modifiedMillis, alive);
        }
    }

    private final PidFile before;
    private final Duration grace;
    private final Duration deadline;
    private boolean seenOwn;
    private boolean seenLauncher;
    private Duration goneSince;

    /**
     * @param before the pid file as it was before the start (a crash leaves one naming a dead process)
     * @param grace how long a postmaster of this start must stay gone before the start counts as failed
     * @param deadline how long after the lock a start that shows no postmaster of its own counts as failed
     */
    StartWatch(PidFile before, Duration grace, Duration deadline) {
        this.before = Objects.requireNonNull(before, "before");
        this.grace = grace;
        this.deadline = deadline;
    }

    /** One look, {@code sinceLock} after the library took the folder's lock, where the launcher cannot be seen. */
    Verdict observe(Duration sinceLock, PidFile now) {
        return observe(sinceLock, now, false);
    }

    /**
     * One look, {@code sinceLock} after the library took the folder's lock.
     *
     * @param launcherRunning whether the server's launcher of this start ({@code pg_ctl start}) was
     *     running at this look; false where it cannot be seen
     */
    Verdict observe(Duration sinceLock, PidFile now, boolean launcherRunning) {
        boolean launcherGone = seenLauncher && !launcherRunning;
        if (launcherRunning) seenLauncher = true;
        if (now.kind() == PidFile.Kind.UNREADABLE) return Verdict.WAIT;
        boolean own = now.kind() == PidFile.Kind.PRESENT && writtenByThisStart(now);
        if (own && now.alive()) {
            seenOwn = true;
            goneSince = null;
            return Verdict.WAIT;
        }
        if (own || seenOwn || launcherGone) {
            // dead, or its pid file removed by the postmaster as it exited
            seenOwn = true;
            if (goneSince == null) goneSince = sinceLock;
            if (sinceLock.minus(goneSince).compareTo(grace) >= 0) return Verdict.DIED;
            return Verdict.WAIT;
        }
        // nothing of this start yet (a stale pid file of an earlier run says nothing about it)
        return sinceLock.compareTo(deadline) >= 0 ? Verdict.NEVER_CAME_UP : Verdict.WAIT;
    }

    /** A new postmaster writes a new file: another pid, or the same one (reused after a reboot) later. */
    private boolean writtenByThisStart(PidFile now) {
        return before.kind() != PidFile.Kind.PRESENT
                || now.pid() != before.pid()
                || now.modifiedMillis() != before.modifiedMillis();
    }
}
