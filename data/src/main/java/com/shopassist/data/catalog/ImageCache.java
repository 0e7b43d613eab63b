package com.shopassist.data.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Product pictures kept on the kiosk's own disk (decision 0092), so a picture shows while the
 * network is down: {@code image_ref} is a URL (http, https) or a file path (a store's share, which
 * goes with the network too), copied once into {@code <data folder>/images} under a name made from
 * the reference, and read from there. The replica's refresh warms it; the window asks it and never
 * waits for the network: a picture not here yet shows the placeholder, is fetched in the
 * background, and shows the next time.
 *
 * <p>Bounded: one picture at most {@link #MAX_IMAGE_BYTES}; the folder at most its cap (fetching
 * stops there, nothing is evicted); a reference that failed is tried again an hour later, not at
 * every refresh; connect and read timeouts on every fetch.
 */
public final class ImageCache implements AutoCloseable {

    public static final String FOLDER = "images";
    static final long MAX_IMAGE_BYTES = 8L * 1024 * 1024;
    static final Duration RETRY_AFTER = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(ImageCache.class);
    private static final String WARMING = " warming";

    private final Path folder;
    private final long capBytes;
    private final Clock clock;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, Instant> failed = new ConcurrentHashMap<>();
    private final Map<String, Boolean> fetching = new ConcurrentHashMap<>();
    private final AtomicLong size = new AtomicLong(-1);
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "shopassist-images");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean capLogged;

    /**
     * @param dataDir the data folder; pictures go in its {@code images} folder
     * @param capBytes how much the folder may hold
     * @param timeout connect and read timeout of one fetch
     */
    public ImageCache(Path dataDir, long capBytes, Duration timeout, Clock clock) {
        this.folder = dataDir.resolve(FOLDER);
        this.capBytes = capBytes;
        this.clock = clock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The picture on this disk, if it is here; never fetches. Classpath references are not this cache's. */
    public Optional<Path> cached(String ref) {
        if (!cacheable(ref)) return Optional.empty();
        Path file = fileFor(ref);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Fetches the picture in the background if it is not here (the window's miss). */
    public void fetchLater(String ref) {
        if (!cacheable(ref) || cached(ref).isPresent() || fetching.containsKey(ref)) return;
        try {
            background.execute(() -> fetch(ref));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing: the next start fetches it
        }
    }

    /** {@link #warm} on a thread of the cache's own; a warming still running is not started twice. */
    public void warmInBackground(Collection<String> refs) {
        if (fetching.putIfAbsent(WARMING, Boolean.TRUE) != null) return;
        try {
            background.execute(() -> {
                try {
                    int added = warm(refs);
                    if (added > 0) LOG.info("{} product pictures kept in {}", added, folder);
                } finally {
                    fetching.remove(WARMING);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            fetching.remove(WARMING);
        }
    }

    /** Fetches every picture that is not here yet, on this thread; returns how many were added. */
    public int warm(Collection<String> refs) {
        int added = 0;
        for (String ref : refs) {
            if (Thread.currentThread().isInterrupted()) break;
            if (!cacheable(ref) || cached(ref).isPresent()) continue;
            if (fetch(ref)) added++;
        }
        return added;
    }

    /** Copies one picture here; false when it cannot be had now (logged once per reference and hour). */
    boolean fetch(String ref) {
        if (fetching.putIfAbsent(ref, Boolean.TRUE) != null) return false; // another thread is at it
        try {
            return fetchNow(ref);
        } finally {
            fetching.remove(ref);
        }
    }

    private boolean fetchNow(String ref) {
        if (cached(ref).isPresent()) return false;
        Instant lastFailure = failed.get(ref);
        if (lastFailure != null && lastFailure.plus(RETRY_AFTER).isAfter(clock.instant())) return false;
        if (usedBytes() >= capBytes) {
            if (!capLogged)
                LOG.warn("the picture cache in {} is full ({} MB); no more pictures are kept", folder, capBytes >> 20);
            capLogged = true;
            return false;
        }
        Path target = fileFor(ref);
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(folder);
            try (InputStream in = open(ref);
                    OutputStream out = Files.newOutputStream(tmp)) {
                long copied = copyAtMost(in, out);
                if (copied < 0) throw new IOException("larger than " + (MAX_IMAGE_BYTES >> 20) + " MB");
                size.addAndGet(copied);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            failed.remove(ref);
            return true;
        } catch (IOException | RuntimeException e) {
            failed.put(ref, clock.instant());
            LOG.info("picture {} not kept: {}", ref, e.toString());
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a leftover .part is overwritten by the next try
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private InputStream open(String ref) throws IOException, InterruptedException {
        if (isUrl(ref)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(ref.strip()))
                    .timeout(timeout)
                    .GET()
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            return response.body();
        }
        return Files.newInputStream(pathOf(ref));
    }

    /** Copies up to the size limit; -1 when the picture is larger. */
    private static long copyAtMost(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > MAX_IMAGE_BYTES) return -1;
            out.write(buf, 0, n);
        }
        return total;
    }

    private long usedBytes() {
        long s = size.get();
        if (s >= 0) return s;
        long measured = 0;
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                measured = files.mapToLong(p -> {
                            try {
                                return Files.size(p);
                            } catch (IOException e) {
                                return 0;
                            }
                        })
                        .sum();
            } catch (IOException e) {
                measured = 0;
            }
        }
        size.compareAndSet(-1, measured);
        return size.get();
    }

    /** A URL, or a file path that is absolute; a relative reference is one of the app's own resources. */
    static boolean cacheable(String ref) {
        if (ref == null || ref.isBlank()) return false;
        if (isUrl(ref)) return true;
        if (ref.startsWith("file:")) return true;
        try {
            return Path.of(ref.strip()).isAbsolute();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isUrl(String ref) {
        String r = ref.strip().toLowerCase(Locale.ROOT);
        return r.startsWith("http://") || r.startsWith("https://");
    }

    private static Path pathOf(String ref) {
        String r = ref.strip();
        return r.startsWith("file:") ? Path.of(URI.create(r)) : Path.of(r);
    }

    Path fileFor(String ref) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(ref.strip().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest) + ".img");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
