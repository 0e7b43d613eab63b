package com.shopassist.data.replica;

import com.shopassist.core.catalog.Brand;
import com.shopassist.core.catalog.CatalogRepository;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The catalog from the shared database, or from the replica while it does not answer ({@link StoreSwitch}). */
public final class ReplicatedCatalog implements CatalogRepository {

    private final CatalogRepository shared;
    private final StoreSwitch store;
    private final BooleanSupplier inSharedTransaction;

    public ReplicatedCatalog(CatalogRepository shared, StoreSwitch store, BooleanSupplier inSharedTransaction) {
        this.shared = shared;
        this.store = store;
        this.inSharedTransaction = inSharedTransaction;
    }

    @Override
    public Page<Product> search(ProductQuery query, Instant now) {
        return store.read(
                inSharedTransaction.getAsBoolean(),
                () -> shared.search(query, now),
                local -> local.catalog().search(query, now));
    }

    @Override
    public List<Product> products(Collection<Long> productIds, Instant now) {
        return store.read(
                inSharedTransaction.getAsBoolean(),
                () -> shared.products(productIds, now),
                local -> local.catalog().products(productIds, now));
    }

    @Override
    public Optional<Product> byBarcode(String barcode, Instant now) {
        return store.read(
                inSharedTransaction.getAsBoolean(),
                () -> shared.byBarcode(barcode, now),
                local -> local.catalog().byBarcode(barcode, now));
    }

    @Override
    public List<Product> findByName(String name, int limit, Instant now) {
        return store.read(
                inSharedTransaction.getAsBoolean(),
                () -> shared.findByName(name, limit, now),
                local -> local.catalog().findByName(name, limit, now));
    }

    @Override
    public List<Category> categories() {
        return store.read(
                inSharedTransaction.getAsBoolean(),
                shared::categories,
                local -> local.catalog().categories());
    }

    @Override
    public List<Brand> brands() {
        return store.read(
                inSharedTransaction.getAsBoolean(),
                shared::brands,
                local -> local.catalog().brands());
    }

    @Override
    public List<Product> alternatives(long productId, int limit, Instant now) {
        return store.read(
                inSharedTransaction.getAsBoolean(),
                () -> shared.alternatives(productId, limit, now),
                local -> local.catalog().alternatives(productId, limit, now));
    }
}
