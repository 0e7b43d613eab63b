package com.shopassist.app.cli;

import com.shopassist.ai.semantic.MiniLmEmbedder;
import com.shopassist.app.config.ConfigException;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.catalog.ProductEmbeddingRepository.ProductText;
import com.shopassist.core.catalog.ProductEmbeddingRepository.StoredVector;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.customer.DefaultCustomerService;
import com.shopassist.core.customer.Passwords;
import com.shopassist.data.customer.CustomerMapper;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.KioskRoles;
import com.shopassist.data.embedding.PgProductEmbeddingRepository;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The store owner's commands beside migrate and seed (decision 0080): {@code db grant-kiosk},
 * {@code db add-clerk} and {@code db sync-embeddings}. Each refuses in one line when run with a
 * kiosk role.
 */
final class StoreAdmin {
    private StoreAdmin() {}

    static final String CLERK_PASSWORD_ENV = "SHOPASSIST_CLERK_PASSWORD";

    /** {@code db grant-kiosk --role NAME}: running it twice changes nothing. */
    static int grantKiosk(AppWiring app, List<String> args, PrintStream out) {
        Map<String, String> o = options("db grant-kiosk", args, List.of("--role"));
        String role = required("db grant-kiosk", o, "--role");
        Database db = app.database();
        KioskRoles.Grant g = KioskRoles.grant(db, role);
        out.println(
                g.alreadyKiosk()
                        ? "Role " + role + " is already a kiosk role of "
                                + db.settings().safeUrl() + "; nothing changed"
                        : "Role " + role + " is now a kiosk role of "
                                + db.settings().safeUrl() + " (member of " + KioskRoles.KIOSK_GROUP + ")");
        return 0;
    }

    /**
     * {@code db add-clerk --email EMAIL --name NAME}: the password comes from
     * {@value #CLERK_PASSWORD_ENV}, never the command line (other users see a process's arguments).
     */
    static int addClerk(AppWiring app, List<String> args, PrintStream out) {
        Map<String, String> o = options("db add-clerk", args, List.of("--email", "--name"));
        String email = DefaultCustomerService.normaliseEmail(required("db add-clerk", o, "--email"));
        String name = required("db add-clerk", o, "--name").strip();
        if (name.isEmpty() || name.length() > 200) throw new ConfigException("--name must have 1 to 200 characters");
        String typed = app.setting("", CLERK_PASSWORD_ENV, null);
        if (typed == null) {
            throw new ConfigException(
                    "db add-clerk reads the clerk's password from " + CLERK_PASSWORD_ENV + ", which is not set");
        }
        char[] password = typed.toCharArray();
        String hash;
        try {
            hash = Passwords.hash(password);
        } finally {
            Arrays.fill(password, '\0');
        }
        Database db = app.database();
        db.requireOwnerRole("db add-clerk");
        CustomerMapper.ClerkRow row = db.mapper(CustomerMapper.class)
                .upsertClerk(email, name, hash)
                .orElseThrow(() -> new ShopException(
                        "NOT_A_CLERK",
                        email + " is a customer's account; a clerk needs an email of their own. Nothing was changed."));
        out.println((row.created() ? "Created" : "Updated") + " clerk " + email + " (" + name + ")");
        return 0;
    }

    /**
     * {@code db sync-embeddings [--batch N]}: embeds every active product without an up-to-date
     * vector, printing progress. Kiosks only read the vectors; two runs never embed at once.
     */
    static int syncEmbeddings(AppWiring app, List<String> args, PrintStream out) {
        Map<String, String> o = options("db sync-embeddings", args, List.of("--batch"));
        int batch = o.containsKey("--batch") ? positive("--batch", o.get("--batch")) : 256;
        Database db = app.database();
        db.requireOwnerRole("db sync-embeddings");
        try (PgProductEmbeddingRepository repository = new PgProductEmbeddingRepository(db);
                MiniLmEmbedder embedder = new MiniLmEmbedder()) {
            String model = embedder.modelName();
            long todo = repository.missingCount(model);
            if (todo == 0) {
                out.println("Every active product has its " + model + " vector (" + repository.count(model)
                        + "); nothing to do");
                return 0;
            }
            Progress progress = new Progress(out, todo);
            long done = 0;
            while (true) {
                // straight from the store to the store: no in-memory index is built here
                List<ProductText> texts = repository.missing(model, batch);
                if (texts.isEmpty()) break;
                List<float[]> vectors =
                        embedder.embed(texts.stream().map(ProductText::text).toList());
                List<StoredVector> stored = new ArrayList<>(texts.size());
                for (int i = 0; i < texts.size(); i++) {
                    stored.add(new StoredVector(texts.get(i).productId(), vectors.get(i)));
                }
                repository.save(model, stored);
                done += stored.size();
                progress.show(done);
            }
            long left = repository.missingCount(model);
            if (done == 0 && left > 0) {
                throw new ShopException(
                        "EMBEDDING_BUSY",
                        "Another process is computing embeddings for this store right now; try again when it is done");
            }
            progress.finish(done, left);
            return 0;
        }
    }

    /** A one-line bar, redrawn in place on a terminal and printed every ten per cent otherwise. */
    private static final class Progress {
        private final PrintStream out;
        private final long total;
        private final long t0 = System.nanoTime();
        private final boolean terminal = System.console() != null;
        private int lastTenth = -1;

        Progress(PrintStream out, long total) {
            this.out = out;
            this.total = total;
        }

        void show(long done) {
            double part = Math.min(1.0, done / (double) total);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rate = done / Math.max(seconds, 1e-3);
            long leftSeconds = Math.round((total - done) / Math.max(rate, 1e-3));
            int filled = (int) Math.round(part * 30);
            String line = String.format(
                    "[%s%s] %3.0f%% %,d/%,d products, %.0f/s, about %s left",
                    "#".repeat(filled),
                    ".".repeat(30 - filled),
                    part * 100,
                    done,
                    total,
                    rate,
                    leftSeconds >= 120 ? (leftSeconds / 60) + " min" : leftSeconds + " s");
            if (terminal) {
                out.print("\r" + line);
                out.flush();
            } else if ((int) (part * 10) != lastTenth) {
                lastTenth = (int) (part * 10);
                out.println(line);
            }
        }

        void finish(long done, long left) {
            if (terminal) out.println();
            out.printf(
                    "Embedded %,d products in %.1f s%s%n",
                    done,
                    (System.nanoTime() - t0) / 1e9,
                    left == 0 ? "; every active product has its vector" : "; " + left + " still missing");
        }
    }

    private static Map<String, String> options(String command, List<String> args, List<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (name.equals("--password")) {
                throw new ConfigException(
                        command + " takes no password on the command line: set " + CLERK_PASSWORD_ENV + " instead");
            }
            if (!names.contains(name)) throw new ConfigException(command + ": unknown option '" + a + "'");
            String value =
                    a.contains("=") ? a.substring(a.indexOf('=') + 1) : (i + 1 < args.size() ? args.get(++i) : null);
            if (value == null || value.isBlank()) throw new ConfigException(command + ": " + name + " needs a value");
            values.put(name, value);
        }
        return values;
    }

    private static String required(String command, Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) throw new ConfigException(command + " needs " + name);
        return v;
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > 10_000) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number from 1 to 10000, not '" + value + "'");
        }
    }
}
