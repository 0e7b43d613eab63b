package com.shopassist.data;

import com.shopassist.core.cart.CartService;
import com.shopassist.core.cart.DefaultCartService;
import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.DefaultCatalogService;
import com.shopassist.core.checkout.CheckoutService;
import com.shopassist.core.checkout.DefaultCheckoutService;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.customer.CustomerService;
import com.shopassist.core.customer.DefaultCustomerService;
import com.shopassist.core.order.DefaultOrderService;
import com.shopassist.core.order.OrderService;
import com.shopassist.core.privacy.PrivacyService;
import com.shopassist.core.stock.DefaultStockService;
import com.shopassist.core.stock.StockHolds;
import com.shopassist.core.stock.StockService;
import com.shopassist.core.voucher.DefaultVoucherService;
import com.shopassist.core.voucher.VoucherRules;
import com.shopassist.core.voucher.VoucherService;
import com.shopassist.data.cart.CartMapper;
import com.shopassist.data.cart.MyBatisCartRepository;
import com.shopassist.data.catalog.CachingCatalogRepository;
import com.shopassist.data.catalog.CatalogMapper;
import com.shopassist.data.catalog.MyBatisCatalogRepository;
import com.shopassist.data.checkout.CheckoutMapper;
import com.shopassist.data.checkout.MyBatisCheckoutRepository;
import com.shopassist.data.customer.CustomerMapper;
import com.shopassist.data.customer.MyBatisCustomerRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbErrors;
import com.shopassist.data.order.MyBatisOrderRepository;
import com.shopassist.data.order.OrderMapper;
import com.shopassist.data.privacy.PostgresPrivacyService;
import com.shopassist.data.privacy.PrivacyMapper;
import com.shopassist.data.stock.MyBatisStockRepository;
import com.shopassist.data.stock.StockCache;
import com.shopassist.data.stock.StockMapper;
import com.shopassist.data.voucher.MyBatisVoucherRepository;
import com.shopassist.data.voucher.VoucherMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The commerce services over one PostgreSQL database, wired once. The app (and tests) call
 * {@link #create(Database, Clock, CommerceSettings)} and hand the services out; nothing else
 * here needs to be known. Time comes from {@code clock} everywhere (holds, sessions, caches).
 */
public final class CommerceServices {

    private final AfterCommitTransactions transactions;
    private final StockCache stockCache;
    private final CachingCatalogRepository catalogCache;
    private final CatalogService catalog;
    private final StockService stock;
    private final CartService carts;
    private final VoucherService vouchers;
    private final CheckoutService checkout;
    private final OrderService orders;
    private final CustomerService customers;
    private final PrivacyService privacy;
    private final StockHolds holds;

    private CommerceServices(Database db, Clock clock, CommerceSettings settings) {
        this.transactions = new AfterCommitTransactions(db.transactions());
        Transactions tx = transactions;
        StockMapper stockMapper = db.mapper(StockMapper.class);
        this.stockCache = new StockCache(stockMapper, clock);
        this.catalogCache = new CachingCatalogRepository(
                new MyBatisCatalogRepository(db.mapper(CatalogMapper.class)), stockCache, clock);
        MyBatisStockRepository stockRepository = new MyBatisStockRepository(
                stockMapper, stockCache, this::stockChanged, () -> transactions.isOpen() || db.inTransaction());
        MyBatisCartRepository cartRepository = new MyBatisCartRepository(db.mapper(CartMapper.class));
        MyBatisVoucherRepository voucherRepository = new MyBatisVoucherRepository(db.mapper(VoucherMapper.class));
        MyBatisOrderRepository orderRepository = new MyBatisOrderRepository(db.mapper(OrderMapper.class));
        MyBatisCustomerRepository customerRepository = new MyBatisCustomerRepository(db.mapper(CustomerMapper.class));
        VoucherRules rules = new VoucherRules(settings.storeZone());

        this.holds = new StockHolds(stockRepository, clock, settings.holdDuration());
        this.catalog = new DefaultCatalogService(catalogCache, clock);
        this.stock = new DefaultStockService(stockRepository, holds, catalog, tx, clock);
        this.carts = new DefaultCartService(cartRepository, holds, voucherRepository, rules, catalog, tx, clock);
        this.vouchers = new DefaultVoucherService(voucherRepository, clock);
        this.orders = new DefaultOrderService(orderRepository, stockRepository, voucherRepository, tx, clock);
        this.checkout = new DefaultCheckoutService(
                cartRepository,
                stockRepository,
                holds,
                voucherRepository,
                rules,
                orderRepository,
                new MyBatisCheckoutRepository(db.mapper(CheckoutMapper.class)),
                customerRepository,
                catalog,
                tx,
                clock,
                settings);
        this.customers = new DefaultCustomerService(customerRepository, tx, clock, settings);
        this.privacy = new PostgresPrivacyService(db.mapper(PrivacyMapper.class), carts, tx, clock, settings);
    }

    public static CommerceServices create(Database db, Clock clock, CommerceSettings settings) {
        Objects.requireNonNull(db, "db");
        return new CommerceServices(
                db, Objects.requireNonNull(clock, "clock"), settings == null ? CommerceSettings.defaults() : settings);
    }

    /** With the system clock and default settings. */
    public static CommerceServices create(Database db) {
        return create(db, Clock.systemUTC(), CommerceSettings.defaults());
    }

    public CatalogService catalog() {
        return catalog;
    }

    public StockService stock() {
        return stock;
    }

    public CartService carts() {
        return carts;
    }

    public VoucherService vouchers() {
        return vouchers;
    }

    public CheckoutService checkout() {
        return checkout;
    }

    public OrderService orders() {
        return orders;
    }

    public CustomerService customers() {
        return customers;
    }

    public PrivacyService privacy() {
        return privacy;
    }

    /** The transactions the services use (nested calls join; caches are invalidated after commit). */
    public Transactions transactions() {
        return transactions;
    }

    /** The hold engine, for tests and the benchmark. */
    public StockHolds holds() {
        return holds;
    }

    /**
     * Products, prices or categories were changed outside these services (the seeder, a back
     * office, another tool): drop every cached catalog answer and stock level.
     */
    public void catalogChanged() {
        catalogCache.invalidateAll();
        stockCache.invalidateAll();
    }

    private void stockChanged(long productId) {
        transactions.afterCommit(() -> {
            stockCache.invalidate(productId);
            catalogCache.stockChanged(productId);
        });
    }

    /**
     * The database's transactions plus after-commit actions, so a cache is invalidated only once
     * the change is visible to others: invalidating earlier would let a concurrent reader put
     * the old value back for a whole TTL.
     */
    static final class AfterCommitTransactions implements Transactions {
        private final Transactions delegate;
        private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

        AfterCommitTransactions(Transactions delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            if (pending.get() != null) return delegate.inTransaction(work);
            List<Runnable> actions = new ArrayList<>();
            pending.set(actions);
            T result;
            try {
                result = delegate.inTransaction(work);
            } catch (RuntimeException e) {
                if (isConnectionFailure(e)) {
                    throw new DataUnavailableException(
                            "The store database cannot be reached right now; nothing was changed. Please try again.",
                            e);
                }
                throw e;
            } finally {
                pending.remove();
            }
            runAll(actions);
            return result;
        }

        static boolean isConnectionFailure(Throwable failure) {
            return DbErrors.isConnectionFailure(failure);
        }

        /** Whether a transaction begun here is open on this thread. */
        boolean isOpen() {
            return pending.get() != null;
        }

        void afterCommit(Runnable action) {
            List<Runnable> actions = pending.get();
            if (actions == null) action.run();
            else actions.add(action);
        }

        private static void runAll(List<Runnable> actions) {
            Set<Runnable> once = new LinkedHashSet<>(actions);
            for (Runnable r : once) r.run();
        }
    }
}
