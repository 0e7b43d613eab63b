package com.shopassist.app.ui.staff;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.Views;
import com.shopassist.app.ui.staff.StaffViewModel.Figures;
import com.shopassist.app.ui.staff.StaffViewModel.Health;
import com.shopassist.core.chat.DaySpend;
import com.shopassist.core.clerk.ClerkCall;
import com.shopassist.core.report.StoreReport.LayerFigures;
import com.shopassist.core.report.StoreToday;
import com.shopassist.core.report.TurnLatency;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The staff panel as a manager reads it at a glance: three health lights, four large numbers
 * (answers today, answer time, AI spend against the budget, open clerk calls), then the answers by
 * assistant layer as bars.
 */
public final class StaffView extends ScrollPane {

    /** The layers in the order the assistant tries them; each keeps its bar even at zero. */
    static final List<String> LAYERS = List.of("gemini-flash", "gemini-pro", "offline", "fallback");

    private final StaffViewModel vm;
    private final I18n i18n;
    private final ZoneId zone;
    private final Label updated = new Label();
    private final Label refused = new Label();
    private final XYChart.Series<Number, String> layerSeries = new XYChart.Series<>();
    private final Label turns = bigNumber("staff-turns");
    private final Label answersNote = note();
    private NumberAxis layerCount;
    private final Label p50 = bigNumber("staff-p50");
    private final Label p95 = bigNumber("staff-p95");
    private final Label latencyNote = note();
    private final Label spend = bigNumber("staff-spend");
    private final Label spendNote = note();
    private final ProgressBar budgetBar = new ProgressBar(0);
    private final Label budgetNote = note();
    private final Label calls = bigNumber("staff-calls");
    private final VBox callList = new VBox(4);
    private final CategoryAxis layerAxis = new CategoryAxis();

    public StaffView(StaffViewModel vm, I18n i18n, ZoneId zone) {
        this.vm = vm;
        this.i18n = i18n;
        this.zone = zone;
        setId("staff-view");
        getStyleClass().add("staff-view");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        Label title = Views.title(i18n, "staff.title");
        updated.setId("staff-updated");
        updated.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(12, title, grow, updated);
        head.setAlignment(Pos.BASELINE_LEFT);

        HBox health = new HBox(
                14,
                light("staff-health-database", "staff.database", Material2AL.DNS, vm.databaseProperty()),
                light("staff-health-gemini", "staff.gemini", Material2AL.ASSISTANT, vm.geminiProperty()),
                light("staff-health-replica", "staff.replica", Material2MZ.SYNC, vm.replicaProperty()));
        for (Node n : health.getChildren()) equalShare((Region) n);

        refused.setId("staff-figures-note");
        refused.setWrapText(true);
        refused.getStyleClass().add(Styles.TEXT_MUTED);
        refused.setGraphic(new FontIcon(Material2AL.INFO));
        refused.managedProperty().bind(refused.visibleProperty());

        // the four numbers a manager looks for first, then how the answers came about
        HBox numbers = new HBox(14, answersTile(), latencyTile(), spendTile(), callsTile());
        for (Node n : numbers.getChildren()) equalShare((Region) n);

        VBox page = new VBox(16, head, health, refused, numbers, layersTile());
        page.setPadding(new Insets(20, 24, 24, 24));
        setContent(page);

        // a read sets every figure, then its time: drawn once per read
        vm.updatedAtProperty().addListener((o, a, b) -> render());
        i18n.localeProperty().addListener((o, a, b) -> render());
        render();
    }

    // ------------------------------------------------------------------ tiles

    private Node answersTile() {
        return tile("staff.answers", Material2AL.FORUM, new VBox(6, turns, answersNote));
    }

    private Node layersTile() {
        NumberAxis count = new NumberAxis();
        count.setForceZeroInRange(true);
        count.setMinorTickVisible(false);
        count.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                // whole answers only: a tick at 2.5 answers means nothing
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.format("%,d", n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s.replace(",", ""));
            }
        });
        layerAxis.setAutoRanging(false);
        BarChart<Number, String> chart = new BarChart<>(count, layerAxis);
        chart.setId("staff-layers");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setVerticalGridLinesVisible(false);
        chart.setHorizontalGridLinesVisible(false);
        chart.setCategoryGap(10);
        chart.setPrefHeight(250);
        chart.setMinHeight(220);
        chart.getData().add(layerSeries);
        chart.getStyleClass().add("layer-chart");
        layerCount = count;
        return tile("staff.layers", Material2AL.BAR_CHART, chart);
    }

    private Node latencyTile() {
        VBox p50Box = new VBox(2, p50, caption("staff.p50"));
        VBox p95Box = new VBox(2, p95, caption("staff.p95"));
        HBox both = new HBox(28, p50Box, p95Box);
        for (Node n : both.getChildren()) equalShare((Region) n);
        return tile("staff.latency", Material2MZ.TIMER, new VBox(8, both, latencyNote));
    }

    private Label caption(String key) {
        Label l = Views.label(i18n, key, Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }

    /** Siblings in a row get equal widths, whatever their text. */
    private static void equalShare(Region r) {
        r.setPrefWidth(0);
        r.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(r, Priority.ALWAYS);
    }

    private Node spendTile() {
        budgetBar.setId("staff-budget-bar");
        budgetBar.setMaxWidth(Double.MAX_VALUE);
        budgetBar.getStyleClass().add(Styles.LARGE);
        budgetNote.setId("staff-budget-note");
        return tile(
                "staff.spend",
                Material2AL.ACCOUNT_BALANCE_WALLET,
                new VBox(8, spend, spendNote, budgetBar, budgetNote));
    }

    private Node callsTile() {
        callList.setId("staff-call-list");
        return tile("staff.calls", Material2MZ.SUPPORT_AGENT, new VBox(8, calls, callList));
    }

    private Node tile(String titleKey, Ikon icon, Node body) {
        Label title = Views.label(i18n, titleKey, Styles.TEXT_BOLD);
        FontIcon fi = new FontIcon(icon);
        fi.getStyleClass().add("tile-icon");
        title.setGraphic(fi);
        VBox box = new VBox(10, title, body);
        box.getStyleClass().add("staff-tile");
        box.setPadding(new Insets(16, 18, 16, 18));
        box.setMaxHeight(Double.MAX_VALUE);
        return box;
    }

    private Node light(String id, String nameKey, Ikon icon, ObservableValue<Health> health) {
        FontIcon fi = new FontIcon(icon);
        fi.getStyleClass().add("health-icon");
        Label name = Views.label(i18n, nameKey, Styles.TEXT_BOLD);
        Label state = new Label();
        state.setId(id + "-state");
        state.setWrapText(true);
        state.getStyleClass().add("health-state");
        VBox text = new VBox(2, name, state);
        HBox box = new HBox(12, fi, text);
        box.setId(id);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("health-light");
        box.setPadding(new Insets(12, 16, 12, 16));
        Runnable paint = () -> {
            Health h = health.getValue();
            box.getStyleClass().removeAll("health-good", "health-warning", "health-down", "health-off");
            box.getStyleClass().add("health-" + h.name().toLowerCase(java.util.Locale.ROOT));
            state.setText(healthText(nameKey, h));
        };
        health.addListener((o, a, b) -> paint.run());
        vm.replicaAsOfProperty().addListener((o, a, b) -> paint.run());
        i18n.localeProperty().addListener((o, a, b) -> paint.run());
        paint.run();
        return box;
    }

    private String healthText(String part, Health h) {
        return switch (part) {
            case "staff.database" -> i18n.t(h == Health.GOOD ? "staff.database.good" : "staff.database.down");
            case "staff.gemini" ->
                switch (h) {
                    case GOOD -> i18n.t("staff.gemini.good");
                    case WARNING, DOWN -> i18n.t("staff.gemini.warning");
                    case OFF -> i18n.t("staff.gemini.off");
                };
            default ->
                switch (h) {
                    case GOOD ->
                        i18n.t(
                                "staff.replica.good",
                                time(vm.replicaAsOfProperty().get()));
                    case WARNING, DOWN ->
                        i18n.t(
                                "staff.replica.warning",
                                time(vm.replicaAsOfProperty().get()));
                    case OFF -> i18n.t("staff.replica.off");
                };
        };
    }

    // ------------------------------------------------------------------ figures

    private void render() {
        Instant at = vm.updatedAtProperty().get();
        updated.setText(
                at == null
                        ? i18n.t("staff.reading")
                        : i18n.t("staff.updated", clock(at), StaffViewModel.REFRESH_SECONDS));
        Figures f = vm.figuresProperty().get();
        refused.setVisible(f == Figures.REFUSED || f == Figures.UNAVAILABLE);
        refused.setText(f == Figures.REFUSED ? i18n.t("staff.refused") : i18n.t("staff.unavailable"));
        StoreToday t = vm.todayProperty().get();
        layers(t);
        latency(t == null ? null : t.latency());
        spend(t, vm.budgetProperty().get());
        calls();
    }

    private void layers(StoreToday t) {
        turns.setText(t == null ? "—" : String.format(i18n.locale(), "%,d", t.turns()));
        answersNote.setText(
                t == null || t.turns() == 0
                        ? ""
                        : i18n.t("staff.answersNote", share(t, "offline"), share(t, "fallback")));
        Map<String, Long> byLayer = new LinkedHashMap<>();
        for (String l : LAYERS) byLayer.put(l, 0L);
        if (t != null) for (LayerFigures l : t.layers()) byLayer.merge(l.assistant(), l.turns(), Long::sum);
        // the count beside each name: read at a glance, no counting of ticks
        List<String> names = byLayer.entrySet().stream()
                .map(e -> i18n.t("staff.layerCount", layerName(e.getKey()), e.getValue()))
                .toList();
        long most = byLayer.values().stream().mapToLong(Long::longValue).max().orElse(0);
        // a quiet morning still gets a scale, not bars from 0 to 0
        layerCount.setAutoRanging(most >= 5);
        if (most < 5) {
            layerCount.setLowerBound(0);
            layerCount.setUpperBound(5);
            layerCount.setTickUnit(1);
        }
        // a horizontal chart draws its first category at the bottom: the first layer goes on top
        List<String> bottomUp = new java.util.ArrayList<>(names);
        java.util.Collections.reverse(bottomUp);
        // new points each time, on categories set while no point refers to the old ones: a
        // category renamed under a bar (its count changed) would lose the bar
        layerSeries.getData().clear();
        layerAxis.getCategories().setAll(bottomUp);
        List<XYChart.Data<Number, String>> points = new java.util.ArrayList<>();
        int i = 0;
        for (long n : byLayer.values()) points.add(new XYChart.Data<>(n, names.get(i++)));
        layerSeries.getData().setAll(points);
        for (int k = 0; k < points.size(); k++) {
            Node bar = points.get(k).getNode();
            if (bar != null) bar.getStyleClass().add("layer-bar-" + k);
        }
    }

    private void latency(TurnLatency l) {
        boolean none = l == null || l.turns() == 0;
        p50.setText(none ? "—" : duration(l.p50()));
        p95.setText(none ? "—" : duration(l.p95()));
        latencyNote.setText(l == null ? "" : i18n.t("staff.latencyOver", l.turns()));
    }

    /**
     * The ledger's spend where the store keeps one (the cap is measured against it), else the
     * recorded turns' cost; in rupiah at the report's rate when the report could be read.
     */
    private void spend(StoreToday t, DaySpend day) {
        java.math.BigDecimal usd = day != null ? day.storeCostUsd() : t != null ? t.costUsd() : null;
        long tokens = day != null ? day.storeTokens() : t != null ? t.tokens() : 0;
        if (usd == null) {
            spend.setText("—");
            spendNote.setText("");
        } else if (t != null) {
            spend.setText(t.rupiah(usd).format());
            spendNote.setText(i18n.t("staff.spendDetail", usd(usd), tokens));
        } else {
            spend.setText(usd(usd));
            spendNote.setText(i18n.t("staff.tokens", tokens));
        }
        boolean capped = day != null && (day.capTokens() != null || day.capUsd() != null);
        budgetBar.setVisible(capped);
        budgetBar.setManaged(capped);
        budgetBar.getStyleClass().removeAll("budget-ok", "budget-near", "budget-over");
        if (!capped) {
            budgetNote.setText(i18n.t("staff.noCap"));
            return;
        }
        double share = day.capShareUsed();
        budgetBar.setProgress(Math.min(1, share));
        // amber from 80%, when the store is warned; red at the cap, when every kiosk answers offline
        budgetBar.getStyleClass().add(share >= 1 ? "budget-over" : share >= 0.8 ? "budget-near" : "budget-ok");
        String cap = day.capUsd() != null ? usd(day.capUsd()) : i18n.t("staff.tokens", day.capTokens());
        budgetNote.setText(
                share >= 1 ? i18n.t("staff.capReached", cap) : i18n.t("staff.capShare", Math.round(share * 100), cap));
    }

    private void calls() {
        boolean known = vm.callsKnownProperty().get();
        List<ClerkCall> open = vm.calls();
        calls.setText(known ? Integer.toString(open.size()) : "—");
        calls.getStyleClass().remove("big-number-alert");
        if (known && !open.isEmpty()) calls.getStyleClass().add("big-number-alert");
        callList.getChildren().clear();
        if (known && open.isEmpty()) callList.getChildren().add(note(i18n.t("staff.noCalls")));
        Instant now = Instant.now();
        for (int i = 0; i < Math.min(3, open.size()); i++) {
            ClerkCall c = open.get(i);
            long minutes =
                    Math.max(0, java.time.Duration.between(c.calledAt(), now).toMinutes());
            Label row = new Label(i18n.t("staff.callRow", c.kioskName(), minutes));
            row.setGraphic(new FontIcon(Material2MZ.NOTIFICATIONS_ACTIVE));
            row.getStyleClass().add("staff-call");
            callList.getChildren().add(row);
        }
        if (open.size() > 3) callList.getChildren().add(note(i18n.t("staff.moreCalls", open.size() - 3)));
    }

    // ------------------------------------------------------------------ words and numbers

    /** The whole percentage of today's turns {@code layer} answered. */
    private static long share(StoreToday t, String layer) {
        long n = t.layers().stream()
                .filter(l -> l.assistant().equals(layer))
                .mapToLong(LayerFigures::turns)
                .sum();
        return Math.round(100.0 * n / t.turns());
    }

    private String layerName(String layer) {
        return switch (layer) {
            case "gemini-flash" -> i18n.t("staff.layer.geminiFlash");
            case "gemini-pro" -> i18n.t("staff.layer.geminiPro");
            case "offline" -> i18n.t("staff.layer.offline");
            case "fallback" -> i18n.t("staff.layer.fallback");
            default -> layer;
        };
    }

    /** "640 ms" under a second, "2.4 s" above. */
    static String duration(java.time.Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private String usd(java.math.BigDecimal amount) {
        java.math.BigDecimal shown = amount.abs().compareTo(java.math.BigDecimal.ONE) < 0
                ? amount.setScale(4, java.math.RoundingMode.HALF_UP)
                : amount.setScale(2, java.math.RoundingMode.HALF_UP);
        return "US$ " + shown.toPlainString();
    }

    private String time(Instant at) {
        return at == null
                ? "—"
                : DateTimeFormatter.ofPattern("HH:mm", i18n.locale()).format(at.atZone(zone));
    }

    private String clock(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm:ss", i18n.locale()).format(at.atZone(zone));
    }

    private static Label bigNumber(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().add("big-number");
        return l;
    }

    private static Label note() {
        Label l = new Label();
        l.getStyleClass().addAll(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }

    private static Label note(String text) {
        Label l = note();
        l.setText(text);
        return l;
    }
}
