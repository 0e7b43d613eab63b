package com.shopassist.app.metrics;

import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.ConfigException;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.data.db.ReadReplica;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpHttpMetricsSender;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's meters: one registry every part records into (the assistant chain, the database
 * pool and its statements, the replica), tagged with the kiosk id. It always keeps the numbers in memory (for
 * a panel or a test to read); with {@code metrics.otlp-url} set it also pushes them to the
 * store's OpenTelemetry collector every step, from a daemon thread of its own with short
 * timeouts, so a slow or absent collector never holds a turn, the window or the exit. A kiosk
 * opens no port to be scraped.
 */
public final class Telemetry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);

    private final CompositeMeterRegistry registry = new CompositeMeterRegistry();
    private final SimpleMeterRegistry local = new SimpleMeterRegistry();
    private final OtlpMeterRegistry otlp;

    private Telemetry(String kioskId, String otlpUrl, Duration step) {
        registry.config().commonTags("kiosk", kioskId);
        registry.add(local);
        this.otlp = otlpUrl == null ? null : otlp(kioskId, otlpUrl, step);
        if (otlp != null) registry.add(otlp);
    }

    /**
     * @param otlpUrl the collector's OTLP/HTTP metrics endpoint (e.g. {@code
     *     http://collector:4318/v1/metrics}), or null for no push
     * @param step how often the push runs (and the window a rate is computed over)
     * @throws IllegalArgumentException when the URL is not an http(s) URL
     */
    public static Telemetry create(String kioskId, String otlpUrl, Duration step) {
        String url = otlpUrl == null || otlpUrl.isBlank() ? null : otlpUrl.strip();
        if (url != null) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("metrics.otlp-url is not a URL: " + url);
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()))
                throw new IllegalArgumentException("metrics.otlp-url must be an http or https URL: " + url);
        }
        return new Telemetry(kioskId, url, step == null ? Duration.ofMinutes(1) : step);
    }

    /**
     * As configured: tagged {@code kioskId} (the wiring's, {@link AppConfig#kioskId()} on a kiosk),
     * pushed over OTLP when {@code metrics.otlp-url} is set, every {@code metrics.step-seconds} (60,
     * at least 10).
     *
     * @throws ConfigException when the URL is not an http(s) URL
     */
    public static Telemetry configured(AppConfig config, String kioskId) {
        try {
            return create(
                    kioskId,
                    config.setting("metrics.otlp-url", "SHOPASSIST_METRICS_OTLP_URL", null),
                    Duration.ofSeconds(Math.max(
                            10, config.intSetting("metrics.step-seconds", "SHOPASSIST_METRICS_STEP_SECONDS", 60))));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** No push, numbers in memory only (tests, the CLI). */
    public static Telemetry local(String kioskId) {
        return create(kioskId, null, null);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /**
     * The kiosk's replica of the catalog (decision 0090): {@code replica.local}, 1 while it answers
     * in place of the store database, and {@code replica.age}, seconds since the prices and stock it
     * holds were copied (NaN before its first refresh).
     */
    public void watchReplica(StoreStatus store, Clock clock) {
        Gauge.builder("replica.local", store, s -> s.source() == StoreStatus.Source.LOCAL ? 1 : 0)
                .description("1 while the kiosk's local replica answers in place of the store database")
                .strongReference(true)
                .register(registry);
        Gauge.builder(
                        "replica.age",
                        store,
                        s -> s.replicaAsOf()
                                .map(asOf ->
                                        Duration.between(asOf, clock.instant()).toMillis() / 1000.0)
                                .orElse(Double.NaN))
                .description("seconds since the replica's prices and stock were copied from the store database")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    /**
     * The store database's read replica (decision 0086): {@code read.replica.used}, 1 while catalog
     * reads go to it; {@code read.replica.lag}, seconds since it was last known to have replayed
     * the primary (NaN before that); {@code read.replica.reads}, catalog reads tagged {@code
     * to=replica} or {@code to=primary}, so a replica that is never used shows in the numbers.
     */
    public void watchReadReplica(ReadReplica reads) {
        final String READS = "catalog reads while a read replica is configured, by the server that answered";
        Gauge.builder("read.replica.used", reads, r -> r.usable() ? 1 : 0)
                .description("1 while catalog reads go to the read replica")
                .strongReference(true)
                .register(registry);
        Gauge.builder(
                        "read.replica.lag",
                        reads,
                        r -> r.lag().map(lag -> lag.toMillis() / 1000.0).orElse(Double.NaN))
                .description("seconds since the read replica was last known to have replayed the primary")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder("read.replica.reads", reads, ReadReplica::replicaReads)
                .description(READS)
                .tag("to", "replica")
                .register(registry);
        FunctionCounter.builder("read.replica.reads", reads, ReadReplica::primaryReads)
                .description(READS)
                .tag("to", "primary")
                .register(registry);
    }

    /** True when the numbers are pushed to a collector. */
    public boolean pushing() {
        return otlp != null;
    }

    private static OtlpMeterRegistry otlp(String kioskId, String url, Duration step) {
        OtlpConfig config = new OtlpConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public Duration step() {
                return step;
            }

            @Override
            public Map<String, String> resourceAttributes() {
                return Map.of("service.name", "shopassist", "service.instance.id", kioskId);
            }
        };
        ThreadFactory daemon = r -> {
            Thread t = new Thread(r, "metrics-push");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        };
        OtlpMeterRegistry registry = OtlpMeterRegistry.builder(config)
                .threadFactory(daemon)
                .metricsSender(new OtlpHttpMetricsSender(
                        new HttpUrlConnectionSender(Duration.ofSeconds(2), Duration.ofSeconds(5))))
                .build();
        LOG.info("metrics pushed over OTLP every {} s", step.toSeconds());
        return registry;
    }

    /**
     * Stops the push. Its last publish runs on a daemon thread: a collector that does not answer
     * delays nothing, and the numbers of the last step may be lost with it.
     */
    @Override
    public void close() {
        if (otlp == null) return;
        Thread t = new Thread(otlp::close, "metrics-last-push");
        t.setDaemon(true);
        t.start();
    }
}
