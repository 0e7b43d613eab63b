package com.shopassist.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shopper tasks shipped in the jar: {@code tasks/*.json} under this package, listed in
 * {@code suite.txt} (a jar cannot be listed), each file an array of tasks.
 */
public final class EvalSuite {

    private static final String BASE = "/com/shopassist/app/eval/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalSuite() {}

    /** Every task of the shipped suite, in file order; ids are unique. */
    public static List<EvalTask> shipped() {
        List<EvalTask> tasks = new ArrayList<>();
        for (String file : lines(BASE + "suite.txt")) tasks.addAll(read(BASE + file));
        Set<String> ids = new HashSet<>();
        for (EvalTask t : tasks) {
            if (!ids.add(t.id())) throw new IllegalStateException("two eval tasks are called " + t.id());
        }
        return List.copyOf(tasks);
    }

    static List<EvalTask> read(String resource) {
        try (InputStream in = open(resource)) {
            JsonNode root = JSON.readTree(in);
            List<EvalTask> out = new ArrayList<>();
            for (JsonNode n : root) out.add(EvalTask.of(n));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("eval tasks " + resource + " could not be read", e);
        }
    }

    /** The lines of a resource in the jar, stripped, without blank lines and {@code #} comments. */
    static List<String> lines(String resource) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(resource), StandardCharsets.UTF_8))) {
            return r.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = EvalSuite.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("missing from the jar: " + resource);
        return in;
    }
}
