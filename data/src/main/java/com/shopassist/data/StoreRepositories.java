package com.shopassist.data;

import com.shopassist.core.cart.CartRepository;
import com.shopassist.core.catalog.CatalogRepository;
import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.core.chat.ChatRepository;
import com.shopassist.core.checkout.CheckoutRepository;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.customer.CustomerRepository;
import com.shopassist.core.order.OrderRepository;
import com.shopassist.core.privacy.PrivacyRepository;
import com.shopassist.core.stock.StockRepository;
import com.shopassist.core.voucher.VoucherRepository;
import com.shopassist.data.cart.CartMapper;
import com.shopassist.data.cart.MyBatisCartRepository;
import com.shopassist.data.catalog.CachingCatalogRepository;
import com.shopassist.data.catalog.CatalogMapper;
import com.shopassist.data.catalog.MyBatisCatalogRepository;
import com.shopassist.data.chat.MyBatisChatRepository;
import com.shopassist.data.checkout.CheckoutMapper;
import com.shopassist.data.checkout.MyBatisCheckoutRepository;
import com.shopassist.data.customer.CustomerMapper;
import com.shopassist.data.customer.MyBatisCustomerRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.embedding.PgProductEmbeddingRepository;
import com.shopassist.data.order.MyBatisOrderRepository;
import com.shopassist.data.order.OrderMapper;
import com.shopassist.data.privacy.MyBatisPrivacyRepository;
import com.shopassist.data.privacy.PrivacyMapper;
import com.shopassist.data.stock.MyBatisStockRepository;
import com.shopassist.data.stock.StockCache;
import com.shopassist.data.stock.StockMapper;
import com.shopassist.data.voucher.MyBatisVoucherRepository;
import com.shopassist.data.voucher.VoucherMapper;
import java.time.Clock;
import java.util.Objects;

/**
 * The store's repositories over one PostgreSQL database, each built once: the ports core's
 * services run on, with the caches in front of them and the transactions they share. This is
 * what the data module gives the rest of the app; the services themselves are wired by the
 * composition root. Time comes from {@code clock} (cache expiry).
 *
 * <p>Stock and catalog caches are kept right by the repositories: every write of a stock counter
 * invalidates its product after the transaction commits ({@link AfterCommitTransactions}).
 */
public final class StoreRepositories {

    private final AfterCommitTransactions transactions;
    private final StockCache stockCache;
    private final CachingCatalogRepository catalog;
    private final MyBatisStockRepository stock;
    private final MyBatisCartRepository carts;
    private final MyBatisVoucherRepository vouchers;
    private final MyBatisOrderRepository orders;
    private final MyBatisCheckoutRepository checkout;
    private final MyBatisCustomerRepository customers;
    private final MyBatisPrivacyRepository privacy;
    private final MyBatisChatRepository chats;
    private final PgProductEmbeddingRepository embeddings;

    private StoreRepositories(Database db, Clock clock) {
        this.transactions = new AfterCommitTransactions(db.transactions());
        StockMapper stockMapper = db.mapper(StockMapper.class);
        this.stockCache = new StockCache(stockMapper, clock);
        this.catalog = new CachingCatalogRepository(
                new MyBatisCatalogRepository(db.mapper(CatalogMapper.class)), stockCache, clock);
        this.stock = new MyBatisStockRepository(stockMapper, stockCache, this::stockChanged);
        this.carts = new MyBatisCartRepository(
                db.mapper(CartMapper.class), this::stockChanged, () -> transactions.isOpen() || db.inTransaction());
        this.vouchers = new MyBatisVoucherRepository(db.mapper(VoucherMapper.class));
        this.orders = new MyBatisOrderRepository(db.mapper(OrderMapper.class));
        this.checkout = new MyBatisCheckoutRepository(db.mapper(CheckoutMapper.class));
        this.customers = new MyBatisCustomerRepository(db.mapper(CustomerMapper.class), db.sessions());
        this.privacy = new MyBatisPrivacyRepository(db.mapper(PrivacyMapper.class));
        this.chats = new MyBatisChatRepository(db);
        this.embeddings = new PgProductEmbeddingRepository(db);
    }

    /** The repositories over an open, migrated database. */
    public static StoreRepositories over(Database db, Clock clock) {
        return new StoreRepositories(Objects.requireNonNull(db, "db"), Objects.requireNonNull(clock, "clock"));
    }

    /** The transactions the services use (nested calls join; caches are invalidated after commit). */
    public Transactions transactions() {
        return transactions;
    }

    /** Products and categories, through the catalog cache. */
    public CatalogRepository catalog() {
        return catalog;
    }

    public StockRepository stock() {
        return stock;
    }

    public CartRepository carts() {
        return carts;
    }

    public VoucherRepository vouchers() {
        return vouchers;
    }

    public OrderRepository orders() {
        return orders;
    }

    public CheckoutRepository checkout() {
        return checkout;
    }

    public CustomerRepository customers() {
        return customers;
    }

    public PrivacyRepository privacy() {
        return privacy;
    }

    /** Chat sessions, messages and token usage (the assistant's memory). */
    public ChatRepository chats() {
        return chats;
    }

    /** Product vectors for semantic search. */
    public ProductEmbeddingRepository embeddings() {
        return embeddings;
    }

    /**
     * Products, prices or categories were changed outside these repositories (the seeder, a back
     * office, another tool): drop every cached catalog answer and stock level.
     */
    public void catalogChanged() {
        catalog.invalidateAll();
        stockCache.invalidateAll();
    }

    private void stockChanged(long productId) {
        transactions.afterCommit(() -> {
            stockCache.invalidate(productId);
            catalog.stockChanged(productId);
        });
    }
}
