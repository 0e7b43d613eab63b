package com.shopassist.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpHttpMetricsSender;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's meters: one registry every part records into (the assistant chain, the database
 * pool and its statements), tagged with the kiosk id. It always keeps the numbers in memory (for
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

    /** No push, numbers in memory only (tests, the CLI). */
    public static Telemetry local(String kioskId) {
        return create(kioskId, null, null);
    }

    public MeterRegistry registry() {
        return registry;
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
