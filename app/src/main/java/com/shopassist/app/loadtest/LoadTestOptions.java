package com.shopassist.app.loadtest;

import com.shopassist.app.config.ConfigException;
import java.time.Duration;
import java.util.List;

/**
 * What {@code loadtest} was asked to do.
 *
 * @param kiosks simulated kiosks, each with a pool of its own
 * @param duration how long the shoppers shop
 * @param thinkMin shortest wait between two turns of a shopper
 * @param thinkMax longest wait; zero for the capacity run (no waits, the rate stepped up)
 * @param poolSize connections of each kiosk's pool
 * @param warmUp how long the kiosks shop before anything is measured
 * @param signInShare percent of visits that are a signed-in customer's buying visit (0 to 100)
 * @param json the report as one JSON object on stdout
 * @param allowOnStoreDatabase run although the database holds orders of real shoppers
 */
public record LoadTestOptions(
        int kiosks,
        Duration duration,
        Duration thinkMin,
        Duration thinkMax,
        int poolSize,
        Duration warmUp,
        int signInShare,
        boolean json,
        boolean allowOnStoreDatabase) {

    public static final String ALLOW = "--allow-on-store-database";

    /**
     * Most shoppers at a store kiosk are guests: one visit in ten signs in to buy (decision 0085).
     * A sign-in checks a bcrypt hash of cost 12, about half a second of a core.
     */
    public static final int DEFAULT_SIGN_IN_SHARE = 10;

    public static final String USAGE = """
            Usage: shopassist loadtest --kiosks N --duration S [--think MIN-MAX|0] [--pool-size P]
                                       [--warm-up S] [--sign-in-share P] [--json]
                                       [--allow-on-store-database]
              --kiosks N       simulated kiosks, each with its own pool and services (1 to 500)
              --duration S     seconds the shoppers shop (1 to 86400)
              --think MIN-MAX  seconds a shopper waits between turns, drawn at random (default 3-10);
                               0 is the capacity run: no waits; the kiosks first shop at full speed,
                               then the rate is searched below that for the fastest whose turn p95
                               stays within 50 ms (each step judged on at least 100 turns)
              --pool-size P    connections of each kiosk's pool (default 2)
              --warm-up S      seconds the kiosks shop with no think time before the measurement, so the
                               JVM has compiled its hot code as on a kiosk that has run a while (default 10)
              --sign-in-share P
                               percent of visits that are a customer who signs in and buys (0 to 100,
                               default 10: most kiosk shoppers are guests); the other visits are guests
                               who fill a cart or browse, half each
              --json           the report as one JSON object on stdout
              --allow-on-store-database
                               run although the database holds orders of real shoppers (the load
                               test still touches only its own customers and guest carts)
            Needs the store owner's database role. Everything it creates is removed at the end, and the
            stock its orders took is put back, also when it is interrupted (Ctrl-C).
            """;

    public LoadTestOptions {
        if (kiosks < 1 || kiosks > 500) throw new ConfigException("loadtest: --kiosks takes a number from 1 to 500");
        if (duration.isNegative() || duration.isZero() || duration.toSeconds() > 86_400) {
            throw new ConfigException("loadtest: --duration takes seconds from 1 to 86400");
        }
        if (thinkMin.compareTo(thinkMax) > 0) throw new ConfigException("loadtest: --think MIN-MAX needs MIN <= MAX");
        if (poolSize < 1 || poolSize > 50)
            throw new ConfigException("loadtest: --pool-size takes a number from 1 to 50");
        if (signInShare < 0 || signInShare > 100)
            throw new ConfigException("loadtest: --sign-in-share takes a percent from 0 to 100");
    }

    /** True for the capacity run ({@code --think 0}). */
    public boolean capacity() {
        return thinkMax.isZero();
    }

    /** Reads the command's arguments; {@code null} when they asked for the usage text. */
    public static LoadTestOptions parse(List<String> args) {
        Integer kiosks = null;
        Integer seconds = null;
        Duration min = Duration.ofSeconds(3);
        Duration max = Duration.ofSeconds(10);
        int pool = 2;
        int warm = 10;
        int share = DEFAULT_SIGN_IN_SHARE;
        boolean json = false;
        boolean allow = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            switch (name) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--json" -> json = true;
                case ALLOW -> allow = true;
                case "--kiosks", "--duration", "--think", "--pool-size", "--warm-up", "--sign-in-share" -> {
                    String v = a.contains("=")
                            ? a.substring(a.indexOf('=') + 1)
                            : (i + 1 < args.size() ? args.get(++i) : null);
                    if (v == null || v.isBlank()) throw new ConfigException("loadtest: " + name + " needs a value");
                    switch (name) {
                        case "--kiosks" -> kiosks = number(name, v);
                        case "--duration" -> seconds = number(name, v);
                        case "--pool-size" -> pool = number(name, v);
                        case "--warm-up" -> warm = number(name, v);
                        case "--sign-in-share" -> share = number(name, v.strip().replaceFirst("%$", ""));
                        default -> {
                            Duration[] range = think(v);
                            min = range[0];
                            max = range[1];
                        }
                    }
                }
                default -> throw new ConfigException("loadtest: unknown option '" + a + "' (try loadtest --help)");
            }
        }
        if (kiosks == null || seconds == null) {
            throw new ConfigException("loadtest needs --kiosks N and --duration S (try loadtest --help)");
        }
        return new LoadTestOptions(
                kiosks, Duration.ofSeconds(seconds), min, max, pool, Duration.ofSeconds(warm), share, json, allow);
    }

    private static int number(String option, String v) {
        try {
            return Integer.parseInt(v.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new ConfigException("loadtest: " + option + " takes a whole number, not '" + v + "'");
        }
    }

    /** "0", "5" or "3-10" (seconds, decimals allowed). */
    private static Duration[] think(String v) {
        String[] parts = v.strip().split("-", -1);
        try {
            if (parts.length == 1) {
                Duration d = seconds(parts[0]);
                return new Duration[] {d, d};
            }
            if (parts.length == 2) return new Duration[] {seconds(parts[0]), seconds(parts[1])};
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ConfigException("loadtest: --think takes seconds as MIN-MAX (e.g. 3-10) or 0, not '" + v + "'");
    }

    private static Duration seconds(String s) {
        double d = Double.parseDouble(s.strip());
        if (d < 0 || d > 3600 || Double.isNaN(d)) throw new NumberFormatException(s);
        return Duration.ofMillis(Math.round(d * 1000));
    }
}
