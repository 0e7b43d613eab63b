package com.shopassist.app.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shopassist.app.loadtest.Latencies.Stats;
import com.shopassist.data.loadtest.LoadTestStore;
import com.shopassist.data.loadtest.StoreCounts;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a load test measured and found, as text for people and as one JSON object for scripts.
 *
 * @param run the measurement; null when the run stopped before the shoppers shopped
 * @param conflicts checkouts asked again with their key that got another order
 * @param before the store-wide counts before the run: information only, like {@code after} (on a
 *     store in use they move with its shoppers; {@code restoration} says whether the run left the
 *     store as it found it)
 */
public record LoadTestResult(
        LoadTestOptions options,
        String database,
        long catalog,
        String runId,
        Run run,
        LoadTestStore.Invariants invariants,
        List<String> conflicts,
        LoadTestStore.Cleanup cleanup,
        LoadTestStore.Restoration restoration,
        StoreCounts before,
        StoreCounts after,
        boolean interrupted) {

    /** The measurement of the shopping itself. */
    public record Run(
            Map<String, Stats> series,
            Map<String, Stats> kioskActions,
            long turns,
            long visits,
            long orders,
            double seconds,
            ServerCpu.Usage cpu,
            String cpuHow,
            String loadBefore,
            String loadAfter,
            List<CapacitySteps.Step> steps,
            List<StatementTimes.Top> statements) {

        Stats turn() {
            return series.getOrDefault(SimulatedKiosk.TURN, Stats.none(SimulatedKiosk.TURN));
        }

        /** A customer signing in (a bcrypt check): timed apart from the chat turns, not one of them. */
        Stats signIn() {
            return kioskActions.getOrDefault(SimulatedKiosk.SIGN_IN, Stats.none(SimulatedKiosk.SIGN_IN));
        }

        Stats poolWait() {
            return series.getOrDefault(SimulatedKiosk.POOL_WAIT, Stats.none(SimulatedKiosk.POOL_WAIT));
        }

        /** Per tool: every series but the whole turn and the pool wait. */
        List<Stats> tools() {
            return series.values().stream()
                    .filter(s -> !s.name().equals(SimulatedKiosk.TURN)
                            && !s.name().equals(SimulatedKiosk.TURN_CPU)
                            && !s.name().equals(SimulatedKiosk.POOL_WAIT))
                    .filter(s -> s.calls() > 0 || s.errors() > 0) // tools only the warm-up called
                    .toList();
        }

        long errors() {
            return series.values().stream().mapToLong(Stats::errors).sum()
                    + kioskActions.values().stream().mapToLong(Stats::errors).sum();
        }
    }

    /**
     * True when the run left the store as it found it: none of its rows or their stock movements
     * left, and what it sold and held given back unit for unit. Not the store-wide counts, which
     * move with the store's own shoppers.
     */
    public boolean restored() {
        return restoration.ok();
    }

    /** True when nothing was oversold or ordered twice. */
    public boolean consistent() {
        return invariants.ok() && conflicts.isEmpty();
    }

    /** True when the shopping met the target: turn p95 within 50 ms, no errors. */
    public boolean targetMet() {
        return run != null
                && run.turn().calls() > 0
                && run.turn().p95() <= LoadTest.TARGET_P95_MS
                && run.errors() == 0
                && consistent();
    }

    /** The slowest capacity step that failed the target, if any. */
    Optional<CapacitySteps.Step> crossing() {
        return run == null ? Optional.empty() : CapacitySteps.lowestFailed(run.steps());
    }

    /** The fastest capacity step that held the target on enough turns for a p95. */
    Optional<CapacitySteps.Step> bestHolding() {
        return run == null ? Optional.empty() : CapacitySteps.highestHeld(run.steps());
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        String pace = options.capacity()
                ? "capacity run (no think time, rate searched below full speed)"
                : "shopper pace (think " + options.thinkMin().toMillis() / 1000.0 + "-"
                        + options.thinkMax().toMillis() / 1000.0 + " s)";
        b.append(String.format(
                Locale.ROOT,
                "Load test %s: %d kiosks (pool of %d each), %d s after %d s of warm-up, %s%n  %d%% of visits"
                        + " sign in to buy, the others are guests%n  against %s, %,d products%n",
                runId,
                options.kiosks(),
                options.poolSize(),
                options.duration().toSeconds(),
                options.warmUp().toSeconds(),
                pace,
                options.signInShare(),
                database,
                catalog));
        if (interrupted) b.append("  Interrupted: the shoppers were stopped early.\n");
        if (run != null) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %d turns in %.1f s (%.1f turns/s), %d visits, %d orders placed%n",
                    run.turns(),
                    run.seconds(),
                    run.turns() / Math.max(1e-9, run.seconds()),
                    run.visits(),
                    run.orders()));
            b.append(String.format("  load average before %s, after %s%n%n", run.loadBefore(), run.loadAfter()));
            b.append(header("tool"));
            run.tools().forEach(s -> b.append(row(s)));
            b.append('\n').append(header("kiosk action"));
            run.kioskActions().values().stream()
                    .filter(s -> s.calls() > 0 && !s.name().equals(SimulatedKiosk.SIGN_IN)) // shown with the turns
                    .forEach(s -> b.append(row(s)));
            b.append('\n').append(header("chat turn (the target's)"));
            b.append(row(run.turn()));
            // beside the turns, not among them: a bcrypt check, not a chat turn; no row when no visit signs in
            if (run.signIn().calls() > 0) b.append(row(run.signIn()));
            b.append(row(run.series().getOrDefault(SimulatedKiosk.TURN_CPU, Stats.none(SimulatedKiosk.TURN_CPU))));
            b.append(row(run.poolWait()));
            b.append(String.format(
                    Locale.ROOT,
                    "%nCPU: database server %s, the kiosks (this process) %s, whole machine %s; statement time %s%n"
                            + "  (%s)%n",
                    ServerCpu.Usage.cores(run.cpu().serverCores()),
                    ServerCpu.Usage.cores(run.cpu().clientCores()),
                    ServerCpu.Usage.cores(run.cpu().machineCores()),
                    Double.isNaN(run.cpu().statementsCores())
                            ? "not readable"
                            : String.format(
                                    Locale.ROOT,
                                    "%.2f s per s (waits included), %.1f ms per turn",
                                    run.cpu().statementsCores(),
                                    run.cpu().statementsCores() * run.seconds() * 1000 / Math.max(1, run.turns())),
                    run.cpuHow()));
            if (!run.statements().isEmpty()) {
                b.append("\nThe database's time by statement (pg_stat_statements, waits included):\n");
                for (StatementTimes.Top t : run.statements()) {
                    b.append(String.format(
                            Locale.ROOT,
                            "  %9.0f ms %7d calls %7.2f ms each  %s%n",
                            t.totalMs(),
                            t.calls(),
                            t.meanMs(),
                            t.query()));
                }
            }
            if (!run.steps().isEmpty()) b.append(capacityText());
        }
        b.append('\n').append(invariantText());
        b.append(String.format(
                "Clean-up: removed %d customers, %d carts, %d orders; %d units put back on the shelves, %d held"
                        + " units released, %d voucher counts given back; the store is %s%n",
                cleanup.customers(),
                cleanup.carts(),
                cleanup.orders(),
                cleanup.unitsRestocked(),
                cleanup.unitsReleased(),
                cleanup.vouchersReturned(),
                restored() ? "as before (" + restoration + ")" : "NOT as before: " + restoration));
        b.append(String.format(
                "Store-wide counts (information: the store's own shoppers move them too): %s%n",
                before.equals(after) ? "the same before and after" : "before " + before + ", after " + after));
        if (run != null && !options.capacity()) {
            String signIns = run.signIn().calls() == 0
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            "; sign-in p95 %.1f ms over %d sign-ins, apart from the turns",
                            run.signIn().p95(),
                            run.signIn().calls());
            b.append(String.format(
                    Locale.ROOT,
                    "Target (chat turn p95 <= %.0f ms, no errors, nothing oversold): %s (chat turn p95 %.1f ms%s)%n",
                    LoadTest.TARGET_P95_MS,
                    targetMet() ? "met" : "missed",
                    run.turn().p95(),
                    signIns));
        }
        return b.toString();
    }

    private String capacityText() {
        StringBuilder b = new StringBuilder("\nCapacity steps:\n");
        b.append(String.format(
                "  %-12s %9s %8s %9s %9s %9s %7s  %s%n",
                "rate asked", "turns/s", "turns", "p50", "p95", "p99", "errors", "verdict"));
        for (CapacitySteps.Step s : run.steps()) {
            b.append(String.format(
                    Locale.ROOT,
                    "  %-12s %9.1f %8d %6.1f ms %6.1f ms %6.1f ms %7d  %s%n",
                    s.targetRate() == 0 ? "no limit" : String.format(Locale.ROOT, "%.2f/s", s.targetRate()),
                    s.achievedRate(),
                    s.turn().calls(),
                    s.turn().p50(),
                    s.turn().p95(),
                    s.turn().p99(),
                    s.errors(),
                    CapacitySteps.verdictText(s.verdict())));
        }
        b.append(String.format(
                Locale.ROOT,
                "  (a step is judged on at least %d turns; one with fewer and no error is neither held nor"
                        + " failed)%n",
                CapacitySteps.MIN_TURNS));
        Optional<CapacitySteps.Step> crossing = crossing();
        Optional<CapacitySteps.Step> best = bestHolding();
        b.append(best.map(s -> String.format(
                        Locale.ROOT,
                        "  Highest rate that held turn p95 <= %.0f ms: %.1f turns/s (p95 %.1f ms over %d turns)%s.%n",
                        LoadTest.TARGET_P95_MS,
                        s.achievedRate(),
                        s.turn().p95(),
                        s.turn().calls(),
                        s.targetRate() == 0 ? ", the most " + options.kiosks() + " kiosks drove" : ""))
                .orElse(String.format(
                        Locale.ROOT,
                        "  No step held turn p95 <= %.0f ms on %d turns or more.%n",
                        LoadTest.TARGET_P95_MS,
                        CapacitySteps.MIN_TURNS)));
        crossing.ifPresent(s -> b.append(String.format(
                Locale.ROOT,
                "  Slowest rate that failed: %.1f turns/s (p95 %.1f ms over %d turns, %d errors).%n",
                s.achievedRate(),
                s.turn().p95(),
                s.turn().calls(),
                s.errors())));
        return b.toString();
    }

    private String invariantText() {
        StringBuilder b = new StringBuilder();
        if (consistent()) {
            b.append(String.format(
                    "Invariants: held + sold within stock (%d products checked against their stock at the start, %d"
                            + " reached another way), %d orders, one per checkout key: OK%n",
                    invariants.productsChecked(), invariants.productsUnchecked(), invariants.orders()));
        } else {
            b.append("Invariants: VIOLATED\n");
            invariants.violations().forEach(v -> b.append("  ").append(v).append('\n'));
            conflicts.forEach(v -> b.append("  ").append(v).append('\n'));
        }
        return b.toString();
    }

    private static String header(String first) {
        return String.format("%-30s %8s %9s %9s %9s %7s%n", first, "calls", "p50", "p95", "p99", "errors");
    }

    private static String row(Stats s) {
        return String.format(
                Locale.ROOT,
                "%-30s %8d %6.1f ms %6.1f ms %6.1f ms %7d%n",
                s.name(),
                s.calls(),
                s.p50(),
                s.p95(),
                s.p99(),
                s.errors());
    }

    public ObjectNode json() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("runId", runId);
        root.put("database", database);
        root.put("catalog", catalog);
        root.put("kiosks", options.kiosks());
        root.put("poolSize", options.poolSize());
        root.put("durationSeconds", options.duration().toSeconds());
        root.put("warmUpSeconds", options.warmUp().toSeconds());
        root.put("signInSharePercent", options.signInShare());
        root.put("thinkMinMs", options.thinkMin().toMillis());
        root.put("thinkMaxMs", options.thinkMax().toMillis());
        root.put("interrupted", interrupted);
        if (run != null) {
            root.put("turns", run.turns());
            root.put("visits", run.visits());
            root.put("orders", run.orders());
            root.put("seconds", run.seconds());
            root.put("loadBefore", run.loadBefore());
            root.put("loadAfter", run.loadAfter());
            ArrayNode tools = root.putArray("tools");
            run.tools().forEach(s -> tools.add(stats(m, s)));
            ArrayNode actions = root.putArray("kioskActions");
            run.kioskActions().values().forEach(s -> actions.add(stats(m, s)));
            root.set("turn", stats(m, run.turn()));
            root.set("signIn", stats(m, run.signIn()));
            root.set(
                    "turnKioskCpu",
                    stats(m, run.series().getOrDefault(SimulatedKiosk.TURN_CPU, Stats.none(SimulatedKiosk.TURN_CPU))));
            root.set("poolWait", stats(m, run.poolWait()));
            ObjectNode cpu = root.putObject("cpuCores");
            number(cpu, "databaseServer", run.cpu().serverCores());
            number(cpu, "statementSecondsPerSecond", run.cpu().statementsCores());
            number(cpu, "kiosks", run.cpu().clientCores());
            number(cpu, "machine", run.cpu().machineCores());
            cpu.put("how", run.cpuHow());
            ArrayNode top = root.putArray("statements");
            for (StatementTimes.Top t : run.statements()) {
                ObjectNode n = top.addObject();
                n.put("query", t.query());
                n.put("calls", t.calls());
                n.put("totalMs", t.totalMs());
                n.put("meanMs", t.meanMs());
            }
            if (!run.steps().isEmpty()) {
                ArrayNode steps = root.putArray("capacitySteps");
                for (CapacitySteps.Step s : run.steps()) {
                    ObjectNode n = stats(m, s.turn());
                    n.put("rateAsked", s.targetRate());
                    n.put("turnsPerSecond", s.achievedRate());
                    n.put("stepErrors", s.errors());
                    n.put("verdict", s.verdict().name());
                    steps.add(n);
                }
                root.put("capacityMinTurnsPerStep", CapacitySteps.MIN_TURNS);
                crossing().ifPresent(s -> root.put("capacityCrossedAt", s.achievedRate()));
                bestHolding().ifPresent(s -> {
                    root.put("capacityHeldAt", s.achievedRate());
                    ObjectNode held = root.putObject("capacityHeld");
                    held.put("turnsPerSecond", s.achievedRate());
                    held.put("rateAsked", s.targetRate());
                    held.put("p95Ms", s.turn().p95());
                    held.put("turns", s.turn().calls());
                });
            }
            root.put("targetMet", targetMet());
        }
        ObjectNode inv = root.putObject("invariants");
        inv.put("ok", consistent());
        inv.put("productsChecked", invariants.productsChecked());
        inv.put("productsUnchecked", invariants.productsUnchecked());
        inv.put("orders", invariants.orders());
        ArrayNode v = inv.putArray("violations");
        invariants.violations().forEach(v::add);
        conflicts.forEach(v::add);
        ObjectNode c = root.putObject("cleanup");
        c.put("customers", cleanup.customers());
        c.put("carts", cleanup.carts());
        c.put("orders", cleanup.orders());
        c.put("unitsRestocked", cleanup.unitsRestocked());
        c.put("unitsReleased", cleanup.unitsReleased());
        c.put("vouchersReturned", cleanup.vouchersReturned());
        c.put("restored", restored());
        c.put("restoration", restoration.toString());
        c.put("storeCountsUnchanged", before.equals(after));
        return root;
    }

    private static ObjectNode stats(ObjectMapper m, Stats s) {
        ObjectNode n = m.createObjectNode();
        n.put("name", s.name());
        n.put("calls", s.calls());
        n.put("p50Ms", s.p50());
        n.put("p95Ms", s.p95());
        n.put("p99Ms", s.p99());
        n.put("maxMs", s.max());
        n.put("errors", s.errors());
        return n;
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isNaN(v)) n.putNull(field);
        else n.put(field, Math.round(v * 1000) / 1000.0);
    }
}
