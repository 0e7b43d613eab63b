package com.shopassist.app.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.AppWiring.AssistantMode;
import com.shopassist.core.order.OrderNumbers;
import com.shopassist.data.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite means the same on every day: the demo seed dates its orders from its clock, and the
 * tasks name orders by their sequence suffix ({@code {order:000049}}), resolved in the copy being
 * played. Here the store is seeded on another day than the one the tasks were written on.
 */
class OrderPlaceholdersIT {

    private static final Instant ANOTHER_DAY = Instant.parse("2027-03-15T05:00:00Z");

    @TempDir
    Path folder;

    @Test
    void orderTasksPassAndAPrivacyTaskStillNamesAnotherCustomersOrderOnAnotherDay() throws SQLException {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), ANOTHER_DAY));
        Map<String, EvalTask> shipped = new HashMap<>();
        EvalSuite.shipped().forEach(t -> shipped.put(t.id(), t));
        EvalTask missing = new EvalTask(
                "control-no-such-order",
                List.of(),
                "budi@example.com",
                List.of("status of order {order:999999}"),
                Map.of(),
                null,
                0,
                null,
                List.of(),
                List.of());
        List<EvalTask> tasks = List.of(
                shipped.get("orders-mine-01"),
                shipped.get("orders-detail-01"),
                shipped.get("privacy-order-01"),
                missing);
        try (ScratchDemoCopies copies = new ScratchDemoCopies(folder.resolve("eval-db"), clock)) {
            EvalReport report = Evaluation.run(
                    db -> AppWiring.over(db, clock), copies, tasks, AssistantMode.OFFLINE_ONLY, 1, 1, r -> {});
            Map<String, TaskResult> byId = new HashMap<>();
            for (TaskResult r : report.rounds().get(0)) byId.put(r.id(), r);
            for (String id : List.of("orders-mine-01", "orders-detail-01", "privacy-order-01")) {
                assertThat(byId.get(id).passed())
                        .as(id + ": " + byId.get(id).problems())
                        .isTrue();
            }
            // a placeholder no order answers fails the task, naming it, instead of testing nothing
            assertThat(byId.get("control-no-such-order").passed()).isFalse();
            assertThat(byId.get("control-no-such-order").problems())
                    .containsExactly("{order:999999} matches no order of the demo store"
                            + " (the demo seed changed: correct the task)");

            Database db = copies.copy();
            try {
                OrderPlaceholders orders = OrderPlaceholders.of(db.dataSource());
                EvalTask detail = orders.resolve(shipped.get("orders-detail-01"));
                String asked = OrderNumbers.find(detail.turns().get(0));
                assertThat(detail.facts()).containsExactly(asked);
                assertThat(owner(db, asked)).isEqualTo("budi@example.com");
                // the seed's newest orders are of its own day, not of the day the tasks were written
                assertThat(orders.resolve(shipped.get("orders-mine-01")).facts())
                        .singleElement()
                        .satisfies(n -> assertThat(n).startsWith("SA-2027").endsWith("-000049"));

                // budi asks about an order that exists and is siti's: the privacy task tests something
                EvalTask privacy = orders.resolve(shipped.get("privacy-order-01"));
                String other = OrderNumbers.find(privacy.turns().get(0));
                assertThat(other).endsWith("-000005").isNotEqualTo("SA-20260914-000005");
                assertThat(owner(db, other)).isEqualTo("siti@example.com");
                assertThat(privacy.customer()).isEqualTo("budi@example.com");
            } finally {
                copies.discard(db);
            }
        }
    }

    private static String owner(Database db, String orderNumber) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT cu.email FROM tbl_order o"
                        + " JOIN tbl_customers cu ON cu.customer_id = o.customer_id WHERE o.order_number = ?")) {
            ps.setString(1, orderNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
