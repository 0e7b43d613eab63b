package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.data.db.StartWatch.PidFile;
import com.shopassist.data.db.StartWatch.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start watch's judgement, look by look, without a server or a clock. */
class StartWatchTest {

    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long BEFORE_START = 1_700_000_000_000L;

    private final StartWatch afterCleanStop = new StartWatch(PidFile.absent(), GRACE, DEADLINE);

    @Test
    void aLaunchSlowedByALoadedMachineIsWaitedFor() {
        // 4 of 80 starts on a loaded two-core kiosk: no pid file for more than 3 s after the lock
        for (int tenths = 1; tenths <= 120; tenths++) {
            assertThat(afterCleanStop.observe(Duration.ofMillis(tenths * 100L), PidFile.absent()))
                    .as("%d ms after the lock", tenths * 100)
                    .isEqualTo(Verdict.WAIT);
        }
        assertThat(afterCleanStop.observe(Duration.ofMillis(12_100), PidFile.of(4711, BEFORE_START + 12_000, true)))
                .isEqualTo(Verdict.WAIT);
    }

    @Test
    void aPidFileOfThisStartNamingADeadProcessFailsAfterTheGrace() {
        assertThat(afterCleanStop.observe(sec(0.5), PidFile.of(4711, BEFORE_START + 400, true)))
                .isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(0.7), PidFile.of(4711, BEFORE_START + 400, false)))
                .isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(1.5), PidFile.of(4711, BEFORE_START + 400, false)))
                .isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(1.7), PidFile.of(4711, BEFORE_START + 400, false)))
                .isEqualTo(Verdict.DIED);
    }

    @Test
    void aPostmasterThatDiesBeforeItIsSeenAliveFailsToo() {
        // a damaged control file: the postmaster writes its pid file and aborts within milliseconds
        assertThat(afterCleanStop.observe(sec(0.2), PidFile.of(4711, BEFORE_START + 150, false)))
                .isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(1.2), PidFile.of(4711, BEFORE_START + 150, false)))
                .isEqualTo(Verdict.DIED);
    }

    @Test
    void aPidFileRemovedAfterThisStartWroteItMeansThePostmasterExited() {
        assertThat(afterCleanStop.observe(sec(0.3), PidFile.of(4711, BEFORE_START + 250, true)))
                .isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(0.4), PidFile.absent())).isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(1.4), PidFile.absent())).isEqualTo(Verdict.DIED);
    }

    @Test
    void aPidFileLeftByACrashIsNotAFailureByItself() {
        PidFile leftByCrash = PidFile.of(3_999, BEFORE_START - 86_400_000L, false);
        StartWatch watch = new StartWatch(leftByCrash, GRACE, DEADLINE);
        for (int s = 0; s < 30; s++) {
            assertThat(watch.observe(Duration.ofSeconds(s), leftByCrash))
                    .as("%d s after the lock", s)
                    .isEqualTo(Verdict.WAIT);
        }
        // the new postmaster replaces it
        assertThat(watch.observe(sec(29.5), PidFile.of(4711, BEFORE_START + 29_400, true)))
                .isEqualTo(Verdict.WAIT);
    }

    @Test
    void theSamePidWrittenAgainAfterARebootIsThisStartsPostmaster() {
        PidFile leftByCrash = PidFile.of(4711, BEFORE_START - 86_400_000L, false);
        StartWatch watch = new StartWatch(leftByCrash, GRACE, DEADLINE);
        assertThat(watch.observe(sec(0.5), PidFile.of(4711, BEFORE_START + 400, false)))
                .isEqualTo(Verdict.WAIT);
        assertThat(watch.observe(sec(1.5), PidFile.of(4711, BEFORE_START + 400, false)))
                .isEqualTo(Verdict.DIED);
    }

    @Test
    void nothingOfThisStartForTheWholeDeadlineFails() {
        assertThat(afterCleanStop.observe(sec(29.9), PidFile.absent())).isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(30), PidFile.absent())).isEqualTo(Verdict.NEVER_CAME_UP);

        PidFile leftByCrash = PidFile.of(3_999, BEFORE_START - 60_000, false);
        StartWatch watch = new StartWatch(leftByCrash, GRACE, DEADLINE);
        assertThat(watch.observe(sec(30), leftByCrash)).isEqualTo(Verdict.NEVER_CAME_UP);
    }

    @Test
    void aLiveServerPastTheDeadlineIsWaitedFor() {
        // recovering after a crash: alive, not answering yet; the library's own minute ends it
        assertThat(afterCleanStop.observe(sec(2), PidFile.of(4711, BEFORE_START + 1_900, true)))
                .isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(45), PidFile.of(4711, BEFORE_START + 1_900, true)))
                .isEqualTo(Verdict.WAIT);
    }

    @Test
    void aPidFileBeingWrittenIsNoReasonToGiveUp() {
        assertThat(afterCleanStop.observe(sec(5), PidFile.unreadable())).isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(31), PidFile.unreadable())).isEqualTo(Verdict.WAIT);
    }

    private static Duration sec(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    @Test
    void aLauncherThatExitsWithNoLiveServerOfThisStartFailsAfterTheGrace() {
        // a fatal error (a control file with a bad checksum): the postmaster removes its pid file
        // before any look sees it, and pg_ctl start gives up
        assertThat(afterCleanStop.observe(sec(0.1), PidFile.absent(), false)).isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(0.2), PidFile.absent(), true)).isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(0.3), PidFile.absent(), false)).isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(1.2), PidFile.absent(), false)).isEqualTo(Verdict.WAIT);
        assertThat(afterCleanStop.observe(sec(1.4), PidFile.absent(), false)).isEqualTo(Verdict.DIED);
    }

    @Test
    void aLauncherThatExitsBecauseTheServerAnswersIsNotAFailure() {
        StartWatch watch = new StartWatch(PidFile.absent(), GRACE, DEADLINE);
        assertThat(watch.observe(sec(0.2), PidFile.absent(), true)).isEqualTo(Verdict.WAIT);
        assertThat(watch.observe(sec(0.4), PidFile.of(4711, BEFORE_START + 300, true), true))
                .isEqualTo(Verdict.WAIT);
        for (int tenths = 5; tenths <= 100; tenths++) {
            assertThat(watch.observe(sec(tenths / 10.0), PidFile.of(4711, BEFORE_START + 300, true), false))
                    .isEqualTo(Verdict.WAIT);
        }
    }

    @Test
    void aLauncherNeverSeenLeavesTheJudgementToThePidFileAndTheDeadline() {
        StartWatch watch = new StartWatch(PidFile.absent(), GRACE, DEADLINE);
        assertThat(watch.observe(sec(5), PidFile.absent(), false)).isEqualTo(Verdict.WAIT);
        assertThat(watch.observe(sec(29.9), PidFile.absent(), false)).isEqualTo(Verdict.WAIT);
        assertThat(watch.observe(sec(30), PidFile.absent(), false)).isEqualTo(Verdict.NEVER_CAME_UP);
    }
}
