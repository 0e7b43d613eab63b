package com.shopassist.data;

import com.shopassist.core.cart.CartRepository;
import com.shopassist.core.catalog.CatalogRepository;
import com.shopassist.core.catalog.ProductEmbeddingRepository;
import com.shopassist.core.catalog.SearchMissLog;
import com.shopassist.core.chat.AiSpendRepository;
import com.shopassist.core.chat.ChatRepository;
import com.shopassist.core.chat.TurnLog;
import com.shopassist.core.checkout.CheckoutRepository;
import com.shopassist.core.clerk.ClerkCallFeed;
import com.shopassist.core.clerk.ClerkCallRepository;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.customer.CustomerRepository;
import com.shopassist.core.order.OrderRepository;
import com.shopassist.core.outbox.AppliedChangeRepository;
import com.shopassist.core.outbox.CheckoutRejectionRepository;
import com.shopassist.core.outbox.OutboxRepository;
import com.shopassist.core.outbox.ReplaySessions;
import com.shopassist.core.privacy.PrivacyRepository;
import com.shopassist.core.report.ReportRepository;
import com.shopassist.core.stock.StockRepository;
import com.shopassist.core.upkeep.SessionSweeper;
import com.shopassist.core.upkeep.UpkeepLock;
import com.shopassist.core.voucher.VoucherRepository;
import com.shopassist.data.cart.CartMapper;
import com.shopassist.data.cart.MyBatisCartRepository;
import com.shopassist.data.catalog.CachingCatalogRepository;
import com.shopassist.data.catalog.CatalogMapper;
import com.shopassist.data.catalog.MyBatisCatalogRepository;
import com.shopassist.data.catalog.ReadRoutedCatalog;
import com.shopassist.data.chat.MyBatisAiSpendRepository;
import com.shopassist.data.chat.MyBatisChatRepository;
import com.shopassist.data.checkout.CheckoutMapper;
import com.shopassist.data.checkout.MyBatisCheckoutRepository;
import com.shopassist.data.clerk.ClerkCallMapper;
import com.shopassist.data.clerk.MyBatisClerkCallRepository;
import com.shopassist.data.clerk.PgClerkCallFeed;
import com.shopassist.data.customer.CustomerMapper;
import com.shopassist.data.customer.MyBatisCustomerRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.ReadReplica;
import com.shopassist.data.embedding.PgProductEmbeddingRepository;
import com.shopassist.data.embedding.ReadRoutedEmbeddings;
import com.shopassist.data.order.MyBatisOrderRepository;
import com.shopassist.data.order.OrderMapper;
import com.shopassist.data.outbox.MyBatisOutboxRepository;
import com.shopassist.data.outbox.MyBatisReplayRepositories;
import com.shopassist.data.outbox.OutboxMapper;
import com.shopassist.data.outbox.PresentedReplaySessions;
import com.shopassist.data.outbox.ReplayMapper;
import com.shopassist.data.privacy.MyBatisPrivacyRepository;
import com.shopassist.data.privacy.PrivacyMapper;
import com.shopassist.data.replica.ReplicaPorts;
import com.shopassist.data.replica.ReplicatedCatalog;
import com.shopassist.data.replica.ReplicatedEmbeddings;
import com.shopassist.data.replica.ReplicatedStock;
import com.shopassist.data.replica.ReplicatedVouchers;
import com.shopassist.data.replica.SharedChats;
import com.shopassist.data.replica.StoreSwitch;
import com.shopassist.data.report.MyBatisReportRepository;
import com.shopassist.data.report.ReportMapper;
import com.shopassist.data.stock.MyBatisStockRepository;
import com.shopassist.data.stock.StockCache;
import com.shopassist.data.stock.StockMapper;
import com.shopassist.data.upkeep.MyBatisSessionSweeper;
import com.shopassist.data.upkeep.PgUpkeepLock;
import com.shopassist.data.upkeep.UpkeepMapper;
import com.shopassist.data.voucher.MyBatisVoucherRepository;
import com.shopassist.data.voucher.VoucherMapper;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

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
    private final MyBatisAiSpendRepository spend;
    private final PgProductEmbeddingRepository embeddings;
    // what the services are given: the repositories above, or with a replica the routing over them
    private final CatalogRepository catalogPort;
    private final StockRepository stockPort;
    private final VoucherRepository voucherPort;
    private final ProductEmbeddingRepository embeddingPort;
    private final ChatRepository chatPort;
    private final PgUpkeepLock upkeepLock;
    private final MyBatisSessionSweeper sessionSweeper;
    private final MyBatisReportRepository reports;
    private final MyBatisClerkCallRepository clerkCalls;
    private final PgClerkCallFeed clerkCallFeed;
    private final MyBatisReplayRepositories replay;
    private final ReplaySessions replaySessions;
    private final ReadReplica readReplica;

    private StoreRepositories(Database db, Clock clock, StoreSwitch store, ReadReplica reads) {
        this.readReplica = reads;
        this.transactions = new AfterCommitTransactions(db.transactions());
        StockMapper stockMapper = db.mapper(StockMapper.class);
        this.stockCache = new StockCache(stockMapper, clock);
        BooleanSupplier inPrimaryTransaction = () -> transactions.isOpen() || db.inTransaction();
        CatalogRepository catalogReads = new MyBatisCatalogRepository(db.mapper(CatalogMapper.class));
        // with a read replica, the stable part of the catalog is read there; the cache lays the
        // primary's stock over every answer either way (decision 0086)
        if (reads != null) catalogReads = new ReadRoutedCatalog(catalogReads, reads, inPrimaryTransaction);
        this.catalog = new CachingCatalogRepository(catalogReads, stockCache, clock);
        this.stock = new MyBatisStockRepository(stockMapper, stockCache, this::stockChanged);
        this.carts = new MyBatisCartRepository(
                db.mapper(CartMapper.class), this::stockChanged, () -> transactions.isOpen() || db.inTransaction());
        this.vouchers = new MyBatisVoucherRepository(db.mapper(VoucherMapper.class));
        this.orders = new MyBatisOrderRepository(db.mapper(OrderMapper.class));
        this.checkout = new MyBatisCheckoutRepository(db.mapper(CheckoutMapper.class));
        this.customers = new MyBatisCustomerRepository(db.mapper(CustomerMapper.class), db.sessions());
        this.replaySessions = new PresentedReplaySessions(db.sessions());
        this.privacy = new MyBatisPrivacyRepository(db.mapper(PrivacyMapper.class));
        this.chats = new MyBatisChatRepository(db);
        this.spend = new MyBatisAiSpendRepository(db);
        this.embeddings = new PgProductEmbeddingRepository(db);
        ProductEmbeddingRepository embeddingReads =
                reads == null ? embeddings : new ReadRoutedEmbeddings(embeddings, reads);
        if (store == null) {
            this.catalogPort = catalog;
            this.stockPort = stock;
            this.voucherPort = vouchers;
            this.embeddingPort = embeddingReads;
            this.chatPort = chats;
        } else {
            BooleanSupplier inTransaction = inPrimaryTransaction;
            this.catalogPort = new ReplicatedCatalog(catalog, store, inTransaction);
            this.stockPort = new ReplicatedStock(stock, store, inTransaction);
            this.voucherPort = new ReplicatedVouchers(vouchers, store, inTransaction);
            this.embeddingPort = new ReplicatedEmbeddings(embeddingReads, store);
            this.chatPort = new SharedChats(chats, store);
        }
        this.upkeepLock = new PgUpkeepLock(db.dataSource());
        this.sessionSweeper = new MyBatisSessionSweeper(db.mapper(UpkeepMapper.class));
        this.reports = new MyBatisReportRepository(db.mapper(ReportMapper.class));
        this.clerkCalls = new MyBatisClerkCallRepository(db.mapper(ClerkCallMapper.class));
        this.clerkCallFeed = new PgClerkCallFeed(db);
        this.replay = new MyBatisReplayRepositories(db.mapper(ReplayMapper.class));
    }

    /** The read replica catalog reads go to while it is fresh (decision 0086), if one is configured. */
    public Optional<ReadReplica> readReplica() {
        return Optional.ofNullable(readReplica);
    }

    /** The repositories over an open, migrated database. */
    public static StoreRepositories over(Database db, Clock clock) {
        return over(db, clock, null);
    }

    /**
     * The repositories over an open, migrated database whose catalog, search and product-vector
     * reads go to {@code reads}, its read replica, while it is fresh (decision 0086); null for none.
     */
    public static StoreRepositories over(Database db, Clock clock, ReadReplica reads) {
        return new StoreRepositories(
                Objects.requireNonNull(db, "db"), Objects.requireNonNull(clock, "clock"), null, reads);
    }

    /**
     * The repositories of a kiosk with a local replica (decision 0091), over the shared database:
     * catalog, stock levels, vouchers and product vectors are read from the replica while {@code
     * store} says the shared database does not answer; everything else stays the shared database's
     * (and is refused at once meanwhile).
     */
    public static StoreRepositories withReplica(Database shared, Clock clock, StoreSwitch store) {
        return withReplica(shared, clock, store, null);
    }

    /** {@link #withReplica(Database, Clock, StoreSwitch)} with the store's read replica, or null for none. */
    public static StoreRepositories withReplica(Database shared, Clock clock, StoreSwitch store, ReadReplica reads) {
        return new StoreRepositories(
                Objects.requireNonNull(shared, "shared"),
                Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(store, "store"),
                reads);
    }

    /** These repositories as the reading side of a replica (this is the local database's). */
    public ReplicaPorts replicaPorts() {
        return new ReplicaPorts(catalog, stock, vouchers, embeddings);
    }

    /** The transactions the services use (nested calls join; caches are invalidated after commit). */
    public Transactions transactions() {
        return transactions;
    }

    /** Products and categories, through the catalog cache. */
    public CatalogRepository catalog() {
        return catalogPort;
    }

    public StockRepository stock() {
        return stockPort;
    }

    public CartRepository carts() {
        return carts;
    }

    public VoucherRepository vouchers() {
        return voucherPort;
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
        return chatPort;
    }

    /** The store-wide lock under which one kiosk at a time runs the upkeep. */
    public UpkeepLock upkeepLock() {
        return upkeepLock;
    }

    /** Ended sign-in sessions, for the upkeep. */
    public SessionSweeper sessionSweeper() {
        return sessionSweeper;
    }

    /** Shoppers' calls for a clerk, store-wide. */
    public ClerkCallRepository clerkCalls() {
        return clerkCalls;
    }

    /** The calls' events as they happen (each listener holds a LISTEN connection of its own). */
    public ClerkCallFeed clerkCallFeed() {
        return clerkCallFeed;
    }

    /** What the store report counts, across every kiosk. */
    public ReportRepository reports() {
        return reports;
    }

    /** Which assistant layer answered each turn (for the store report). */
    public TurnLog turnLog() {
        return reports;
    }

    /** Searches that found nothing (for the store report). */
    public SearchMissLog searchMisses() {
        return reports;
    }

    /** The store's AI spend ledger and daily cap, shared by every kiosk. */
    public AiSpendRepository spend() {
        return spend;
    }

    /** The cart changes replayed from kiosks' outboxes, by id (decision 0096). */
    public AppliedChangeRepository appliedChanges() {
        return replay;
    }

    /** The sessions this database's connections present, for a replay of queued changes (decision 0087). */
    public ReplaySessions replaySessions() {
        return replaySessions;
    }

    /** Checkouts queued offline that could not be honoured, where clerks see them. */
    public CheckoutRejectionRepository checkoutRejections() {
        return replay;
    }

    /**
     * The kiosk's cart outbox over its own local database (the catalog replica's embedded
     * PostgreSQL, migrated like the store's), never over the store's shared one.
     */
    public static OutboxRepository outbox(Database local) {
        Objects.requireNonNull(local, "local");
        return new MyBatisOutboxRepository(local.mapper(OutboxMapper.class), local.transactions());
    }

    /** Product vectors for semantic search. */
    public ProductEmbeddingRepository embeddings() {
        return embeddingPort;
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
