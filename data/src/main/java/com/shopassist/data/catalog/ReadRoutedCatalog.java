package com.shopassist.data.catalog;

import com.shopassist.core.catalog.Brand;
import com.shopassist.core.catalog.CatalogRepository;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.Page;
import com.shopassist.data.db.ReadReplica;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The catalog read from the store's read replica while it is fresh, else from the primary
 * (decision 0086). What depends on stock right now stays on the primary: a search for what is in
 * stock only, and the alternatives offered when a shopper just missed the last one. The stock and
 * availability shown on every product come from the primary anyway: the catalog cache lays them
 * over whatever this returns.
 */
public final class ReadRoutedCatalog implements CatalogRepository {

    private final CatalogRepository primary;
    private final ReadReplica replica;
    private final BooleanSupplier inPrimaryTransaction;
    private volatile CatalogRepository onReplica;

    public ReadRoutedCatalog(CatalogRepository primary, ReadReplica replica, BooleanSupplier inPrimaryTransaction) {
        this.primary = primary;
        this.replica = replica;
        this.inPrimaryTransaction = inPrimaryTransaction;
    }

    @Override
    public Page<Product> search(ProductQuery query, Instant now) {
        if (query.inStockOnly()) return primary.search(query, now);
        return replica.read(
                inPrimaryTransaction.getAsBoolean(),
                () -> onReplica().search(query, now),
                () -> primary.search(query, now));
    }

    @Override
    public List<Product> products(Collection<Long> productIds, Instant now) {
        return replica.read(
                inPrimaryTransaction.getAsBoolean(),
                () -> onReplica().products(productIds, now),
                () -> primary.products(productIds, now));
    }

    @Override
    public Optional<Product> byBarcode(String barcode, Instant now) {
        return replica.read(
                inPrimaryTransaction.getAsBoolean(),
                () -> onReplica().byBarcode(barcode, now),
                () -> primary.byBarcode(barcode, now));
    }

    @Override
    public List<Product> findByName(String name, int limit, Instant now) {
        return replica.read(
                inPrimaryTransaction.getAsBoolean(),
                () -> onReplica().findByName(name, limit, now),
                () -> primary.findByName(name, limit, now));
    }

    @Override
    public List<Category> categories() {
        return replica.read(
                inPrimaryTransaction.getAsBoolean(), () -> onReplica().categories(), primary::categories);
    }

    @Override
    public List<Brand> brands() {
        return replica.read(
                inPrimaryTransaction.getAsBoolean(), () -> onReplica().brands(), primary::brands);
    }

    /** Always the primary's: offered when a shopper just missed out, it must list what is there now. */
    @Override
    public List<Product> alternatives(long productId, int limit, Instant now) {
        return primary.alternatives(productId, limit, now);
    }

    private CatalogRepository onReplica() {
        CatalogRepository r = onReplica;
        if (r == null) {
            // the replica's pool exists once it was found fresh, which is when this is first asked
            r = new MyBatisCatalogRepository(replica.database().orElseThrow().mapper(CatalogMapper.class));
            onReplica = r;
        }
        return r;
    }
}
