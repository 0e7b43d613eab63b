package com.shopassist.data.replica;

import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.replica.StoreStatus.Source;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Product vectors from the shared database, or from the replica while it does not answer (a kiosk
 * that starts during an outage still gets semantic search). Computing and saving vectors is the
 * shared database's alone.
 */
public final class ReplicatedEmbeddings implements ProductEmbeddingRepository {

    private final ProductEmbeddingRepository shared;
    private final StoreSwitch store;

    public ReplicatedEmbeddings(ProductEmbeddingRepository shared, StoreSwitch store) {
        this.shared = shared;
        this.store = store;
    }

    @Override
    public List<ProductText> missing(String model, int limit) {
        return shared.missing(model, limit);
    }

    @Override
    public void save(String model, List<StoredVector> vectors) {
        shared.save(model, vectors);
    }

    /**
     * A long stream, so no deadline: the replica answers when the kiosk is local already, or when
     * the shared database failed before handing over a single vector (never half from each).
     */
    @Override
    public void forEach(String model, Consumer<StoredVector> sink) {
        var local = store.replica();
        if (local.isPresent() && store.source() == Source.LOCAL) {
            local.get().embeddings().forEach(model, sink);
            return;
        }
        AtomicBoolean started = new AtomicBoolean();
        try {
            shared.forEach(model, v -> {
                started.set(true);
                sink.accept(v);
            });
        } catch (DataUnavailableException e) {
            if (started.get() || local.isEmpty()) throw e;
            store.sharedUnreachable(e);
            local.get().embeddings().forEach(model, sink);
        }
    }

    @Override
    public long count(String model) {
        return store.read(
                false, () -> shared.count(model), local -> local.embeddings().count(model));
    }
}
