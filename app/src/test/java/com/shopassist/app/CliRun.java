package com.shopassist.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One headless command line through {@link Main#run}, with its exit code and what it printed. */
public final class CliRun {
    private CliRun() {}

    public record Result(int code, String out, String err) {
        public List<String> errLines() {
            return err.lines().toList();
        }
    }

    /**
     * Runs {@code args} with {@code dataDir} as the data folder. Product embeddings after a seed
     * (wiring.Seeding) and a kiosk's local replica are off unless {@code env} says otherwise: they are
     * tested where they live.
     */
    public static Result run(Path dataDir, Map<String, String> env, String... args) {
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent("SHOPASSIST_SEMANTIC", "off");
        // no kiosk replica (an embedded server and a copy of the catalog per run): KioskReplicaIT has one
        environment.putIfAbsent("SHOPASSIST_REPLICA", "off");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        int code = Main.run(
                all,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                environment,
                Clock.systemUTC());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
