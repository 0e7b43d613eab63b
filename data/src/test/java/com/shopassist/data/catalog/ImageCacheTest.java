package com.shopassist.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.data.MutableClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Product pictures kept on the kiosk's disk, fetched from a real HTTP server on loopback. */
class ImageCacheTest {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @TempDir
    Path dataDir;

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final MutableClock clock = MutableClock.at("2026-11-25T07:00:00Z");
    ImageCache cache;

    @BeforeEach
    void up() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            byte[] body = switch (path) {
                case "/shoe.png" -> PNG;
                case "/huge.png" -> new byte[(int) ImageCache.MAX_IMAGE_BYTES + 1];
                default -> null;
            };
            if (path.equals("/slow.png")) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        cache = new ImageCache(dataDir, 64L << 20, Duration.ofMillis(500), clock);
    }

    @AfterEach
    void down() {
        cache.close();
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void aPictureIsFetchedOnceAndThenReadFromTheDiskWithTheServerGone() throws IOException {
        assertThat(cache.cached(url("/shoe.png"))).isEmpty();

        assertThat(cache.warm(List.of(url("/shoe.png")))).isEqualTo(1);
        server.stop(0);

        assertThat(cache.cached(url("/shoe.png")))
                .get()
                .satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(PNG))
                .satisfies(p -> assertThat(p).startsWith(dataDir.resolve(ImageCache.FOLDER)));
        assertThat(cache.warm(List.of(url("/shoe.png")))).isZero();
        assertThat(requests).hasValue(1);
    }

    @Test
    void aMissingPictureKeepsThePlaceholderAndIsAskedForAgainOnlyAnHourLater() {
        assertThat(cache.warm(List.of(url("/gone.png")))).isZero();
        assertThat(cache.warm(List.of(url("/gone.png")))).isZero();
        assertThat(cache.cached(url("/gone.png"))).isEmpty();
        assertThat(requests).hasValue(1);

        clock.advance(Duration.ofMinutes(61));
        cache.warm(List.of(url("/gone.png")));
        assertThat(requests).hasValue(2);
    }

    @Test
    void aPictureOverTheSizeLimitIsNotKept() throws IOException {
        assertThat(cache.warm(List.of(url("/huge.png")))).isZero();
        assertThat(cache.cached(url("/huge.png"))).isEmpty();
        try (var files = Files.list(dataDir.resolve(ImageCache.FOLDER))) {
            assertThat(files).as("no half-written file left").isEmpty();
        }
    }

    @Test
    void aServerThatDoesNotAnswerCostsTheTimeoutNotMore() {
        long t0 = System.nanoTime();
        assertThat(cache.warm(List.of(url("/slow.png")))).isZero();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void aPictureOnAShareIsCopiedSoItShowsWhenTheShareIsGone(@TempDir Path share) throws IOException {
        Path picture = Files.write(share.resolve("shoe.png"), PNG);
        assertThat(cache.warm(List.of(picture.toString()))).isEqualTo(1);
        Files.delete(picture);
        assertThat(cache.cached(picture.toString())).isPresent();
    }

    @Test
    void theAppsOwnPicturesAndBlankReferencesAreNotThisCachesBusiness() {
        assertThat(cache.warm(List.of("images/demo/shoe.png", " ", ""))).isZero();
        assertThat(cache.cached("images/demo/shoe.png")).isEmpty();
        assertThat(requests).hasValue(0);
    }

    @Test
    void aFullCacheStopsFetching() {
        ImageCache tiny = new ImageCache(dataDir.resolve("tiny"), 10, Duration.ofMillis(500), clock);
        try {
            assertThat(tiny.warm(List.of(url("/shoe.png")))).isEqualTo(1);
            assertThat(tiny.warm(List.of(url("/shoe.png?again")))).isZero();
        } finally {
            tiny.close();
        }
    }
}
