package com.shopassist.data.embedding;

import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.data.db.Database;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@link ProductEmbeddingRepository} in PostgreSQL: float32 little-endian bytes in tbl_product_embedding. */
public final class PgProductEmbeddingRepository implements ProductEmbeddingRepository {

    private static final int DESCRIPTION_CHARS = 160;
    private final Database db;

    public PgProductEmbeddingRepository(Database db) {
        this.db = db;
    }

    private ProductEmbeddingMapper mapper() {
        return db.mapper(ProductEmbeddingMapper.class);
    }

    @Override
    public List<ProductText> missing(String model, int limit) {
        List<ProductText> out = new ArrayList<>();
        for (ProductEmbeddingMapper.TextRow r : mapper().missing(model, Math.max(1, limit))) {
            String description = r.description() == null ? "" : r.description();
            if (description.length() > DESCRIPTION_CHARS) description = description.substring(0, DESCRIPTION_CHARS);
            // brand and category help "a gift for a runner"; the name carries most of the meaning
            out.add(new ProductText(
                    r.productId(),
                    r.productName() + ". " + r.productBrand() + ". " + r.categoryName() + ". " + description));
        }
        return out;
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
        db.transactions().run(() -> {
            for (int i = 0; i < rows.size(); i += 500) {
                mapper().upsert(model, dims, rows.subList(i, Math.min(rows.size(), i + 500)));
            }
        });
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
