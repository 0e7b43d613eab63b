package com.shopassist.app.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's score over k plays of every task: pass^1 (the share of plays that passed, averaged
 * over tasks) and pass^k (the share of tasks that passed all k plays, as tau-bench counts it), and
 * the wrong writes (plays that changed the store in a way not asked for).
 */
public record EvalReport(String assistant, int repeat, List<List<TaskResult>> rounds, long millis) {

    public int tasks() {
        return rounds.isEmpty() ? 0 : rounds.get(0).size();
    }

    public double passAt1() {
        long passed =
                rounds.stream().flatMap(List::stream).filter(TaskResult::passed).count();
        long plays = rounds.stream().mapToLong(List::size).sum();
        return plays == 0 ? 0 : (double) passed / plays;
    }

    public double passAtK() {
        int n = tasks();
        if (n == 0) return 0;
        int all = 0;
        for (int i = 0; i < n; i++) {
            final int task = i;
            if (rounds.stream().allMatch(r -> r.get(task).passed())) all++;
        }
        return (double) all / n;
    }

    public long wrongWrites() {
        return rounds.stream()
                .flatMap(List::stream)
                .filter(TaskResult::wrongWrite)
                .count();
    }

    /** Each task that failed at least once, with what went wrong the first time. */
    public List<TaskResult> failures() {
        Map<String, TaskResult> first = new LinkedHashMap<>();
        for (List<TaskResult> round : rounds) {
            for (TaskResult r : round) if (!r.passed()) first.putIfAbsent(r.id(), r);
        }
        return new ArrayList<>(first.values());
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (TaskResult f : failures()) {
            sb.append("FAIL ")
                    .append(f.id())
                    .append(f.wrongWrite() ? " (wrong write)" : "")
                    .append('\n');
            for (String p : f.problems()) sb.append("  ").append(p).append('\n');
        }
        sb.append(String.format(
                Locale.ROOT,
                "%s assistant: %d tasks, pass^1 %.1f%%%s, wrong writes %d, %.1f s%n",
                assistant,
                tasks(),
                100 * passAt1(),
                repeat > 1 ? String.format(Locale.ROOT, ", pass^%d %.1f%%", repeat, 100 * passAtK()) : "",
                wrongWrites(),
                millis / 1000.0));
        return sb.toString();
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("assistant", assistant);
        m.put("tasks", tasks());
        m.put("repeat", repeat);
        m.put("pass_1", passAt1());
        m.put("pass_k", passAtK());
        m.put("wrong_writes", wrongWrites());
        m.put("seconds", millis / 1000.0);
        List<Object> failed = new ArrayList<>();
        for (TaskResult f : failures()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", f.id());
            x.put("wrong_write", f.wrongWrite());
            x.put("problems", f.problems());
            failed.add(x);
        }
        m.put("failures", failed);
        return m;
    }
}
