package com.shopassist.data.embedding;

import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.ReadReplica;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Product vectors read from the store's read replica while it is fresh, else from the primary
 * (decision 0086). Finding what is missing and saving vectors are the primary's alone (the replica
 * is read-only, and the embedding lock lives there).
 */
public final class ReadRoutedEmbeddings implements ProductEmbeddingRepository {

    private final ProductEmbeddingRepository primary;
    private final ReadReplica replica;
    private volatile PgProductEmbeddingRepository onReplica;

    public ReadRoutedEmbeddings(ProductEmbeddingRepository primary, ReadReplica replica) {
        this.primary = primary;
        this.replica = replica;
    }

    @Override
    public List<ProductText> missing(String model, int limit) {
        return primary.missing(model, limit);
    }

    @Override
    public void save(String model, List<StoredVector> vectors) {
        primary.save(model, vectors);
    }

    /**
     * A long stream: the primary answers it whole when the replica fails before handing over a
     * vector; a replica that fails midway fails the load (never half from each), and the index
     * loads again later. The stream outlasts the replica's short read timeout, so its transaction
     * gets an ordinary pool's timeouts once the replica has answered in it: a replica that hangs
     * before the stream starts is left within the short timeout, one that hangs midway fails the
     * load after the ordinary one.
     */
    @Override
    public void forEach(String model, Consumer<StoredVector> sink) {
        if (!replica.usable()) {
            replica.counted(false);
            primary.forEach(model, sink);
            return;
        }
        AtomicBoolean started = new AtomicBoolean();
        try {
            Database db = replica.database().orElseThrow();
            db.transactions().run(() -> {
                db.allowOrdinaryTimeouts();
                onReplica().forEach(model, v -> {
                    started.set(true);
                    sink.accept(v);
                });
            });
            replica.counted(true);
        } catch (RuntimeException e) {
            replica.readFailed(e);
            if (started.get()) throw e;
            replica.counted(false);
            primary.forEach(model, sink);
        }
    }

    @Override
    public long count(String model) {
        return replica.read(false, () -> onReplica().count(model), () -> primary.count(model));
    }

    private PgProductEmbeddingRepository onReplica() {
        PgProductEmbeddingRepository r = onReplica;
        if (r == null) {
            r = new PgProductEmbeddingRepository(replica.database().orElseThrow());
            onReplica = r;
        }
        return r;
    }
}
