package com.shopassist.app.ui.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.UiOptions;
import com.shopassist.app.ui.UiServices;
import com.shopassist.app.ui.UiTestBase;
import com.shopassist.app.ui.shell.Page;
import com.shopassist.core.chat.DaySpend;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.money.Money;
import com.shopassist.core.report.SpendBudget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The staff panel in the real window: a clerk's only, and its figures are the database's. */
class StaffPanelIT extends UiTestBase {

    private static final ZoneId STORE = CommerceSettings.defaults().storeZone();
    private String current;

    @Override
    protected UiOptions options(TestInfo test) {
        current = test.getTestMethod().orElseThrow().getName();
        return options();
    }

    /** For the budget's test: a store ledger at 82% of a US$ 25 cap, as a spend ledger would answer. */
    @Override
    protected UiServices services() {
        UiServices s = super.services();
        if (!current.startsWith("theBudget")) return s;
        SpendBudget ledger =
                () -> Optional.of(new DaySpend(null, new BigDecimal("25"), 1_200_000, new BigDecimal("20.50"), 0));
        return s.withBudget(ledger);
    }

    @Test
    void thePanelIsNotReachableWithoutAClerkSignedIn(FxRobot robot) {
        assertThat(showing(robot, "#nav-staff")).isFalse();
        WaitForAsyncUtils.asyncFx(() -> shell.navigate(Page.STAFF));
        waitUntil("sent to sign in", () -> shell.pageProperty().get() == Page.ACCOUNT);
        assertThat(exists(robot, "#staff-view")).isFalse();

        signIn(robot, "budi@example.com", "belanja123");
        assertThat(showing(robot, "#nav-staff")).as("a customer is no clerk").isFalse();
        WaitForAsyncUtils.asyncFx(() -> shell.navigate(Page.STAFF));
        waitUntil("sent to the account", () -> shell.pageProperty().get() == Page.ACCOUNT);
        assertThat(exists(robot, "#staff-view")).isFalse();
        WaitForAsyncUtils.asyncFx(() -> shell.account().signOut());
        waitUntil("signed out", () -> ui.session().customer() == null);

        signIn(robot, "kasir@example.com", "kasir123");
        waitUntil("the rail button", () -> showing(robot, "#nav-staff"));
        robot.clickOn("#nav-staff");
        waitUntil("the panel", () -> showing(robot, "#staff-view"));
        assertThat(shell.pageProperty().get()).isEqualTo(Page.STAFF);

        WaitForAsyncUtils.asyncFx(() -> shell.account().signOut());
        waitUntil("the panel gone", () -> shell.pageProperty().get() != Page.STAFF);
        assertThat(showing(robot, "#nav-staff")).isFalse();
        assertThat(shell.staff().todayProperty().get())
                .as("nothing kept for the next one")
                .isNull();
        WaitForAsyncUtils.asyncFx(() -> shell.back());
        waitUntil("back is not a way in", () -> shell.pageProperty().get() != Page.STAFF);
    }

    @Test
    void thePanelShowsTodaysTurnsByLayerLatencySpendAndOpenCallsAsTheDatabaseHasThem(FxRobot robot) {
        UUID chat = UUID.randomUUID();
        exec("INSERT INTO aichatbot.chat_session (chat_session_id, guest_key) VALUES (?, 'kiosk-staff')", chat);
        String[] layers = {"gemini-flash", "gemini-flash", "gemini-pro", "offline", "offline", "fallback"};
        for (int i = 0; i < 23; i++) {
            exec(
                    "INSERT INTO aichatbot.chat_turn (chat_session_id, assistant, latency_ms) VALUES (?, ?, ?)",
                    chat,
                    layers[i % layers.length],
                    150 + (i * 397) % 4_100);
        }
        // yesterday's turns are not today's
        exec(
                "INSERT INTO aichatbot.chat_turn (chat_session_id, assistant, latency_ms, created_at)"
                        + " VALUES (?, 'fallback', 60000, ?)",
                chat,
                Timestamp.from(startOfToday().minusSeconds(60)));
        // the store's spend ledger: two kiosks' model calls today, one of yesterday's
        LocalDate today = LocalDate.now(STORE);
        exec(
                "INSERT INTO aichatbot.ai_spend_day (day, kiosk_id, tokens, cost_usd) VALUES (?, 'till-1', 1500, 0.0415)",
                today);
        exec(
                "INSERT INTO aichatbot.ai_spend_day (day, kiosk_id, tokens, cost_usd) VALUES (?, 'till-2', 900, 0.0200)",
                today);
        exec(
                "INSERT INTO aichatbot.ai_spend_day (day, kiosk_id, tokens, cost_usd) VALUES (?, 'till-1', 99999, 9.5)",
                today.minusDays(1));
        services().clerkCalls().call("Till 7");

        signIn(robot, "kasir@example.com", "kasir123");
        robot.clickOn("#nav-staff");
        waitUntil("the figures", () -> shell.staff().todayProperty().get() != null);

        Expected e = expected();
        assertThat(text(robot, "#staff-turns")).isEqualTo(String.format(Locale.ENGLISH, "%,d", e.turns()));
        assertThat(text(robot, "#staff-p50")).isEqualTo(StaffView.duration(java.time.Duration.ofMillis(e.p50())));
        assertThat(text(robot, "#staff-p95")).isEqualTo(StaffView.duration(java.time.Duration.ofMillis(e.p95())));
        assertThat(text(robot, "#staff-spend"))
                .isEqualTo(Money.of(e.usd().multiply(BigDecimal.valueOf(16_000)).setScale(0, RoundingMode.HALF_UP))
                        .format());
        assertThat(text(robot, "#staff-calls")).isEqualTo(Long.toString(e.openCalls()));
        assertThat(e.openCalls()).isPositive();
        assertThat(bars(robot)).isEqualTo(e.byLayer());
        assertThat(text(robot, "#staff-budget-note")).isEqualTo(ui.i18n().t("staff.noCap"));
        assertThat(text(robot, "#staff-health-database-state"))
                .isEqualTo(ui.i18n().t("staff.database.good"));
        assertThat(text(robot, "#staff-health-gemini-state"))
                .isEqualTo(ui.i18n().t("staff.gemini.off"));
        assertThat(text(robot, "#staff-health-replica-state"))
                .isEqualTo(ui.i18n().t("staff.replica.off"));

        // a turn answered anywhere in the store reaches the open panel within a few seconds
        exec(
                "INSERT INTO aichatbot.chat_turn (chat_session_id, assistant, latency_ms) VALUES (?, 'gemini-pro', 9000)",
                chat);
        waitUntil(
                "the next refresh",
                StaffViewModel.REFRESH_SECONDS * 3,
                () -> text(robot, "#staff-turns").equals(String.format(Locale.ENGLISH, "%,d", e.turns() + 1)));
        Expected after = expected();
        assertThat(text(robot, "#staff-p95")).isEqualTo(StaffView.duration(java.time.Duration.ofMillis(after.p95())));
        assertThat(bars(robot)).isEqualTo(after.byLayer());
        assertNoStackTraceShown(robot);
    }

    @Test
    void theBudgetShowsTodaysShareOfTheStoresCapAndTurnsAmberFrom80Percent(FxRobot robot) {
        signIn(robot, "kasir@example.com", "kasir123");
        robot.clickOn("#nav-staff");
        waitUntil("the figures", () -> shell.staff().budgetProperty().get() != null);

        assertThat(text(robot, "#staff-budget-note")).isEqualTo("82% of the daily cap of US$ 25.00");
        ProgressBar bar = node(robot, "#staff-budget-bar");
        assertThat(bar.isVisible()).isTrue();
        assertThat(bar.getProgress()).isEqualTo(0.82);
        assertThat(bar.getStyleClass()).contains("budget-near").doesNotContain("budget-ok", "budget-over");
    }

    /** The figures straight from the tables, computed here (not by the report's or the ledger's SQL). */
    record Expected(long turns, Map<String, Long> byLayer, long p50, long p95, BigDecimal usd, long openCalls) {}

    private Expected expected() {
        Instant from = startOfToday();
        Instant to = from.plus(java.time.Duration.ofDays(1));
        Map<String, Long> byLayer = new LinkedHashMap<>();
        for (String l : StaffView.LAYERS) byLayer.put(l, 0L);
        List<Long> latencies = new ArrayList<>();
        BigDecimal usd;
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT assistant, latency_ms FROM aichatbot.chat_turn"
                    + " WHERE created_at >= ? AND created_at < ? ORDER BY latency_ms")) {
                ps.setTimestamp(1, Timestamp.from(from));
                ps.setTimestamp(2, Timestamp.from(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byLayer.merge(rs.getString(1), 1L, Long::sum);
                        latencies.add(rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT coalesce(sum(cost_usd), 0) FROM aichatbot.ai_spend_day WHERE day = ?")) {
                ps.setObject(1, LocalDate.now(STORE));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    usd = rs.getBigDecimal(1);
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        int n = latencies.size();
        // nearest rank: the smallest latency at or above which the share of turns is reached
        long p50 = latencies.get((int) Math.ceil(0.50 * n) - 1);
        long p95 = latencies.get((int) Math.ceil(0.95 * n) - 1);
        return new Expected(n, byLayer, p50, p95, usd, openCalls());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> bars(FxRobot robot) {
        BarChart<Number, String> chart = node(robot, "#staff-layers");
        Map<String, Long> shown = new LinkedHashMap<>();
        List<String> names = StaffView.LAYERS;
        for (XYChart.Data<Number, String> d : chart.getData().get(0).getData()) {
            String layer = names.stream()
                    .filter(l -> d.getYValue().startsWith(name(l) + " · "))
                    .findFirst()
                    .orElseThrow();
            shown.put(layer, d.getXValue().longValue());
        }
        return shown;
    }

    private String name(String layer) {
        return switch (layer) {
            case "gemini-flash" -> ui.i18n().t("staff.layer.geminiFlash");
            case "gemini-pro" -> ui.i18n().t("staff.layer.geminiPro");
            case "offline" -> ui.i18n().t("staff.layer.offline");
            default -> ui.i18n().t("staff.layer.fallback");
        };
    }

    private static Instant startOfToday() {
        return LocalDate.now(STORE).atStartOfDay(STORE).toInstant();
    }

    private void signIn(FxRobot robot, String email, String password) {
        robot.clickOn("#account-button");
        waitUntil("the sign-in form", () -> showing(robot, "#signin-button"));
        // set, not typed: what is tested here is the panel, not the keyboard
        WaitForAsyncUtils.asyncFx(() -> {
            shell.account().emailProperty().set(email);
            shell.account().passwordProperty().set(password);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#signin-button");
        waitUntil(
                "signed in",
                () -> ui.session().customer() != null || ui.session().isClerkMode());
        if (ui.session().isClerkMode()) {
            // a clerk's window shows the open calls in a strip above the rail: the rail moves down
            // when it appears, so a click is aimed once it is there
            long open = openCalls();
            waitUntil("the clerk calls strip", () -> shell.clerkCalls().open().size() == open);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static long openCalls() {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tbl_clerk_call WHERE status = 'OPEN'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void exec(String sql, Object... args) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
