package com.shopassist.core.stock;

import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.common.ValidationException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@link StockService} over a {@link StockRepository} (which may cache reads). */
public final class DefaultStockService implements StockService {

    private final StockRepository stock;
    private final StockHolds holds;
    private final CatalogService catalog;
    private final Transactions tx;
    private final Clock clock;

    public DefaultStockService(
            StockRepository stock, StockHolds holds, CatalogService catalog, Transactions tx, Clock clock) {
        this.stock = stock;
        this.holds = holds;
        this.catalog = catalog;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Optional<StockLevel> stock(long productId) {
        return stock.level(productId, clock.instant());
    }

    @Override
    public List<StockLevel> stockByName(String name, int limit) {
        if (name == null || name.isBlank()) return List.of();
        return catalog.findByName(name, Math.max(1, Math.min(limit, 20))).stream()
                .map(Product::id)
                .map(this::stock)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public int sweepExpiredHolds() {
        return holds.sweepExpired(tx);
    }

    @Override
    public StockLevel restock(long productId, int quantity) {
        if (quantity < 1 || quantity > 1_000_000) {
            throw new ValidationException("quantity", "Restock quantity must be between 1 and 1,000,000");
        }
        tx.run(() -> {
            stock.lockProduct(productId).orElseThrow(() -> new NotFoundException("Product", productId));
            stock.restock(productId, quantity, clock.instant());
        });
        return stock(productId).orElseThrow(() -> new NotFoundException("Product", productId));
    }

    @Override
    public List<StockMovement> movements(long productId, int limit) {
        return stock.movements(productId, Math.max(1, Math.min(limit, 1000)));
    }
}
