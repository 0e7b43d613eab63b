package com.shopassist.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shipped evaluation suite, played by the offline assistant on copies of the seeded demo
 * store (tasks that cannot see each other share a copy, up to 25, to keep the build short): at
 * least 97% of the tasks pass and no task writes what it did not ask for.
 */
class OfflineEvalIT {

    /**
     * Copies of the test server's seeded template ({@code FILE_COPY}: a file copy, not the whole
     * database through the WAL), dropped after each task so the disk stays flat.
     */
    static final class TestCopies implements DemoCopies {
        private int n;

        TestCopies() {
            discard(TestDatabase.freshSeeded(2)); // seeds the template once per JVM
        }

        @Override
        public Database copy() {
            String name = "eval_" + ProcessHandle.current().pid() + "_" + (++n);
            exec("CREATE DATABASE " + name + " TEMPLATE shopassist_seeded_template STRATEGY FILE_COPY");
            return Database.open(TestDatabase.settingsFor(name), 4);
        }

        @Override
        public void discard(Database copy) {
            String url = copy.settings().jdbcUrl();
            copy.close();
            exec("DROP DATABASE " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
        }

        private static void exec(String sql) {
            try (Connection c = TestDatabase.server().getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }
    }

    @Test
    void theOfflineAssistantPassesTheShippedSuiteWithNoWrongWrite() {
        List<EvalTask> tasks = EvalSuite.shipped();
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(200);
        Clock clock = Clock.systemUTC();
        long t0 = System.nanoTime();
        EvalReport report = Evaluation.run(
                db -> AppWiring.over(db, clock), new TestCopies(), tasks, AssistantMode.OFFLINE_ONLY, 1, 25, r -> {});
        System.out.print(report.text());
        System.out.printf("OfflineEvalIT: %.1f s in all (template included)%n", (System.nanoTime() - t0) / 1e9);
        assertThat(report.wrongWrites()).as(report.text()).isZero();
        assertThat(report.passAt1()).as(report.text()).isGreaterThanOrEqualTo(0.97);
    }
}
