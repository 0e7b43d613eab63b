package com.shopassist.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.replica.StoreStatus;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    @Test
    void withoutAUrlNothingIsPushedAndNumbersStayInMemory() {
        try (Telemetry t = Telemetry.local("k1")) {
            t.registry().counter("assistant.turns", "layer", "offline").increment();
            assertThat(t.pushing()).isFalse();
            assertThat(t.registry()
                            .find("assistant.turns")
                            .tag("kiosk", "k1")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void aUrlThatIsNotHttpIsAClearError() {
        assertThatThrownBy(() -> Telemetry.create("k1", "collector:4318", Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metrics.otlp-url");
    }

    @Test
    void theNumbersArePushedToTheCollectorAsOtlpProtobuf() throws Exception {
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CountDownLatch got = new CountDownLatch(1);
        AtomicReference<String> type = new AtomicReference<>();
        collector.createContext("/v1/metrics", ex -> {
            type.set(ex.getRequestHeaders().getFirst("Content-Type"));
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(200, -1);
            ex.close();
            got.countDown();
        });
        collector.start();
        String url = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/metrics";
        try (Telemetry t = Telemetry.create("k1", url, Duration.ofSeconds(1))) {
            t.registry().counter("assistant.turns", "layer", "offline").increment();
            assertThat(got.await(15, TimeUnit.SECONDS)).isTrue();
            assertThat(type.get()).isEqualTo("application/x-protobuf");
        } finally {
            collector.stop(0);
        }
    }

    @Test
    void aCollectorThatIsDownNeverHoldsTheCaller() {
        // nothing listens on port 9 here: each push fails on its own thread
        try (Telemetry t = Telemetry.create("k1", "http://127.0.0.1:9/v1/metrics", Duration.ofSeconds(1))) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 10_000; i++)
                t.registry().counter("assistant.turns", "layer", "offline").increment();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void theReplicasAgeAndWhetherItAnswersAreGauges() {
        Instant asOf = Instant.parse("2026-12-03T07:00:00Z");
        AtomicReference<StoreStatus.Source> source = new AtomicReference<>(StoreStatus.Source.SHARED);
        AtomicReference<Optional<Instant>> refreshed = new AtomicReference<>(Optional.empty());
        StoreStatus store = new StoreStatus() {
            @Override
            public Source source() {
                return source.get();
            }

            @Override
            public Optional<Instant> replicaAsOf() {
                return refreshed.get();
            }

            @Override
            public void addListener(Consumer<Source> listener) {}
        };
        try (Telemetry t = Telemetry.local("k1")) {
            t.watchReplica(store, Clock.fixed(asOf.plusSeconds(90), ZoneOffset.UTC));
            assertThat(t.registry().get("replica.local").gauge().value()).isZero();
            assertThat(t.registry().get("replica.age").gauge().value())
                    .as("never refreshed")
                    .isNaN();

            source.set(StoreStatus.Source.LOCAL);
            refreshed.set(Optional.of(asOf));
            assertThat(t.registry().get("replica.local").gauge().value()).isEqualTo(1.0);
            assertThat(t.registry()
                            .get("replica.age")
                            .tag("kiosk", "k1")
                            .gauge()
                            .value())
                    .isEqualTo(90.0);
        }
    }
}
