package com.shopassist.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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

    /**
     * The tasks name products, prices, stock and vouchers of the deterministic demo seed, and many
     * expect only that nothing changes: on another seed they would pass without testing anything.
     */
    static final String SEED_DIGEST = "b6e883d925aabaa7371c1386e7432548";

    @Test
    void theDemoSeedIsTheOneTheTasksWereWrittenFor() {
        TestCopies copies = new TestCopies();
        Database db = copies.copy();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT md5((SELECT string_agg(product_name || '|' || product_brand"
                        + " || '|' || retail_price || '|' || stock_quantity, E'\\n' ORDER BY product_id) FROM tbl_product)"
                        + " || (SELECT string_agg(voucher_code, ',' ORDER BY voucher_code) FROM tbl_voucher))")) {
            rs.next();
            assertThat(rs.getString(1))
                    .as("the demo seed's products or vouchers changed since the eval tasks were written: play"
                            + " `shopassist eval`, correct the tasks that name what changed, then update SEED_DIGEST")
                    .isEqualTo(SEED_DIGEST);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            copies.discard(db);
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

    /** The control: the same scoring fails plays whose expected state is deliberately wrong. */
    @Test
    void aPlayThatEndsOtherwiseThanExpectedIsScoredAsFailedAndAnUnaskedWriteAsAWrongWrite() {
        EvalTask real = EvalSuite.shipped().stream()
                .filter(t -> t.id().equals("cart-total-01"))
                .findFirst()
                .orElseThrow();
        String product = real.cart().keySet().iterator().next();
        // the suite's own turns ("add ...") with an empty cart expected: an add nobody asked for
        EvalTask unasked = new EvalTask(
                "control-unasked", List.of(), null, real.turns(), Map.of(), null, 0, null, List.of(), List.of());
        EvalTask twice = new EvalTask(
                "control-quantity",
                List.of(),
                null,
                real.turns(),
                Map.of(product, 2),
                null,
                0,
                null,
                List.of(),
                List.of());
        EvalTask renamed = new EvalTask(
                "control-seed",
                List.of(),
                null,
                List.of("hello"),
                Map.of("A Product The Demo Seed Never Made", 1),
                null,
                0,
                null,
                List.of(),
                List.of());
        Clock clock = Clock.systemUTC();
        EvalReport report = Evaluation.run(
                db -> AppWiring.over(db, clock),
                new TestCopies(),
                List.of(unasked, twice, renamed),
                AssistantMode.OFFLINE_ONLY,
                1,
                25,
                r -> {});
        assertThat(report.passAt1()).as(report.text()).isZero();
        Map<String, TaskResult> byId = new java.util.HashMap<>();
        for (TaskResult r : report.failures()) byId.put(r.id(), r);
        assertThat(byId.get("control-unasked").wrongWrite()).isTrue();
        assertThat(byId.get("control-quantity").problems()).anyMatch(p -> p.contains("expected {" + product + "=2}"));
        assertThat(byId.get("control-seed").problems()).anyMatch(p -> p.contains("demo seed changed"));
        assertThat(report.wrongWrites()).isGreaterThanOrEqualTo(1);
    }
}
