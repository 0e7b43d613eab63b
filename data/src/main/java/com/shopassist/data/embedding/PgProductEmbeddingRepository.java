package com.shopassist.data.embedding;

import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbErrors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@link ProductEmbeddingRepository} in PostgreSQL: float32 little-endian bytes in
 * tbl_product_embedding. Embeddings are made once per store (decision 0083): a kiosk role only
 * reads them ({@link #missing} is empty for it), and whoever embeds holds a store-wide advisory
 * lock from asking what is missing until the batch is saved, so two processes never embed at
 * once (the second finds nothing to do and reads what the first stores).
 */
public final class PgProductEmbeddingRepository implements ProductEmbeddingRepository, AutoCloseable {

    /** The advisory lock key of embedding work ("SA" "EM"). */
    static final long EMBEDDING_LOCK = 0x5341_454dL;

    private static final int DESCRIPTION_CHARS = 160;
    private final Database db;
    private Connection lease; // holds the session-level advisory lock while this process embeds

    public PgProductEmbeddingRepository(Database db) {
        this.db = db;
    }

    private ProductEmbeddingMapper mapper() {
        return db.mapper(ProductEmbeddingMapper.class);
    }

    @Override
    public synchronized List<ProductText> missing(String model, int limit) {
        if (!db.isOwnerRole() || !takeLease()) return List.of();
        List<ProductText> out = new ArrayList<>();
        for (ProductEmbeddingMapper.TextRow r : mapper().missing(model, Math.max(1, limit))) {
            String description = r.description() == null ? "" : r.description();
            if (description.length() > DESCRIPTION_CHARS) description = description.substring(0, DESCRIPTION_CHARS);
            // brand and category help "a gift for a runner"; the name carries most of the meaning
            out.add(new ProductText(
                    r.productId(),
                    r.productName() + ". " + r.productBrand() + ". " + r.categoryName() + ". " + description));
        }
        if (out.isEmpty()) releaseLease();
        return out;
    }

    /** Active products that still need an embedding from {@code model} (for progress reports). */
    public long missingCount(String model) {
        return db.mapper(ProductEmbeddingMapper.class).countMissing(model);
    }

    /** Gives the embedding lock back, if this process holds it (after a failed batch, at exit). */
    @Override
    public synchronized void close() {
        releaseLease();
    }

    private boolean takeLease() {
        if (lease != null) return true;
        Connection c = null;
        try {
            c = db.dataSource().getConnection();
            try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, EMBEDDING_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        c.close();
                        return false; // another process embeds; its vectors arrive by the next load
                    }
                }
            }
            lease = c;
            return true;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new DataUnavailableException(DbErrors.describe(db.settings(), e), e);
        }
    }

    private void releaseLease() {
        Connection c = lease;
        lease = null;
        if (c == null) return;
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_unlock(?)")) {
            ps.setLong(1, EMBEDDING_LOCK);
            ps.execute();
        } catch (SQLException e) {
            // a connection that cannot unlock is broken: the server drops its locks with it
        } finally {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing
        }
    }

    @Override
    public void save(String model, List<StoredVector> vectors) {
        if (vectors.isEmpty()) return;
        int dims = vectors.get(0).vector().length;
        List<ProductEmbeddingMapper.VectorRow> rows = new ArrayList<>(vectors.size());
        for (StoredVector v : vectors) {
            if (v.vector().length != dims) throw new IllegalArgumentException("mixed dimensions in one save");
            rows.add(new ProductEmbeddingMapper.VectorRow(v.productId(), toBytes(v.vector())));
        }
        try {
            db.transactions().run(() -> {
                for (int i = 0; i < rows.size(); i += 500) {
                    mapper().upsert(model, dims, rows.subList(i, Math.min(rows.size(), i + 500)));
                }
            });
        } finally {
            synchronized (this) {
                releaseLease(); // the next batch asks again: another process may take its turn
            }
        }
    }

    @Override
    public void forEach(String model, Consumer<StoredVector> sink) {
        // a transaction so that the driver honours fetchSize and streams instead of buffering all rows
        db.transactions()
                .run(() -> mapper().all(model, ctx -> {
                    ProductEmbeddingMapper.VectorRow r = ctx.getResultObject();
                    sink.accept(new StoredVector(r.productId(), toFloats(r.embedding())));
                }));
    }

    @Override
    public long count(String model) {
        return mapper().count(model);
    }

    static byte[] toBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    static float[] toFloats(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.length / 4];
        for (int i = 0; i < v.length; i++) v[i] = b.getFloat();
        return v;
    }
}
