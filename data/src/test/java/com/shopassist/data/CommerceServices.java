package com.shopassist.data;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartRepository;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.cart.DefaultCartService;
import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.DefaultCatalogService;
import com.shopassist.core.checkout.CheckoutService;
import com.shopassist.core.checkout.DefaultCheckoutService;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.customer.CustomerService;
import com.shopassist.core.customer.DefaultCustomerService;
import com.shopassist.core.order.DefaultOrderService;
import com.shopassist.core.order.OrderService;
import com.shopassist.core.privacy.DefaultPrivacyService;
import com.shopassist.core.privacy.PrivacyService;
import com.shopassist.core.stock.DefaultStockService;
import com.shopassist.core.stock.Hold;
import com.shopassist.core.stock.StockHolds;
import com.shopassist.core.stock.StockService;
import com.shopassist.core.upkeep.DefaultUpkeepService;
import com.shopassist.core.upkeep.UpkeepService;
import com.shopassist.core.voucher.DefaultVoucherService;
import com.shopassist.core.voucher.VoucherRules;
import com.shopassist.core.voucher.VoucherService;
import com.shopassist.data.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Test wiring: the core services over {@link StoreRepositories}, built the way the app's
 * composition root ({@code com.shopassist.app.wiring.CoreServices}) builds them, for the tests of
 * data and ai, which cannot see app. Keep the two in step.
 */
public final class CommerceServices {

    private final StoreRepositories repositories;
    private final StockHolds holds;
    private final CatalogService catalog;
    private final StockService stock;
    private final CartService carts;
    private final VoucherService vouchers;
    private final CheckoutService checkout;
    private final OrderService orders;
    private final CustomerService customers;
    private final PrivacyService privacy;
    private final UpkeepService upkeep;

    private CommerceServices(StoreRepositories r, Clock clock, CommerceSettings settings, String kioskId) {
        Transactions tx = r.transactions();
        VoucherRules rules = new VoucherRules(settings.storeZone());
        this.repositories = r;
        this.holds = new StockHolds(r.stock(), clock, settings.holdDuration(), kioskId);
        this.catalog = new DefaultCatalogService(r.catalog(), clock);
        this.stock = new DefaultStockService(r.stock(), holds, catalog, tx, clock);
        this.carts = new DefaultCartService(r.carts(), holds, r.vouchers(), rules, catalog, tx, clock);
        this.vouchers = new DefaultVoucherService(r.vouchers(), clock);
        this.orders = new DefaultOrderService(r.orders(), r.stock(), tx, clock);
        this.checkout = new DefaultCheckoutService(
                r.carts(),
                r.stock(),
                holds,
                r.vouchers(),
                rules,
                r.orders(),
                r.checkout(),
                r.customers(),
                catalog,
                tx,
                clock,
                settings);
        this.customers = new DefaultCustomerService(r.customers(), tx, clock, settings);
        this.privacy = new DefaultPrivacyService(r.privacy(), carts, tx, clock, settings);
        this.upkeep = new DefaultUpkeepService(
                r.upkeepLock(), privacy, r.sessionSweeper(), stock, r.searchMisses(), settings.chatRetention(), clock);
    }

    public static CommerceServices create(Database db, Clock clock, CommerceSettings settings) {
        return create(db, clock, settings, null);
    }

    /** The services of one kiosk: the holds they take name {@code kioskId}. */
    public static CommerceServices create(Database db, Clock clock, CommerceSettings settings, String kioskId) {
        Objects.requireNonNull(db, "db");
        return over(StoreRepositories.over(db, Objects.requireNonNull(clock, "clock")), clock, settings, kioskId);
    }

    /** The services over repositories built by the caller (a kiosk's with a replica). */
    public static CommerceServices over(StoreRepositories repositories, Clock clock, CommerceSettings settings) {
        return over(repositories, clock, settings, null);
    }

    /** {@link #over(StoreRepositories, Clock, CommerceSettings)} for one kiosk: its holds name {@code kioskId}. */
    public static CommerceServices over(
            StoreRepositories repositories, Clock clock, CommerceSettings settings, String kioskId) {
        return new CommerceServices(
                Objects.requireNonNull(repositories, "repositories"),
                Objects.requireNonNull(clock, "clock"),
                settings == null ? CommerceSettings.defaults() : settings,
                kioskId);
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

    public UpkeepService upkeep() {
        return upkeep;
    }

    /** The repositories under the services. */
    public StoreRepositories repositories() {
        return repositories;
    }

    /** The transactions the services use (nested calls join; caches are invalidated after commit). */
    public Transactions transactions() {
        return repositories.transactions();
    }

    /** The hold engine, for tests and the benchmark. */
    public StockHolds holds() {
        return holds;
    }

    /**
     * A product's first add to the owner's cart the way {@link CartService#add} tries it first, as
     * one change of its own (decision 0018); false when it did not apply.
     */
    public boolean addFirstLine(CartOwner owner, long productId, int quantity) {
        return oneStatement(CartRepository::addFirstLine, owner, productId, quantity);
    }

    /**
     * Adding more to a line the owner's cart holds the way {@link CartService#add} tries it after
     * the first add, as one change of its own (decision 0113); false when it did not apply.
     */
    public boolean addToHeldLine(CartOwner owner, long productId, int quantity) {
        return oneStatement(CartRepository::addToHeldLine, owner, productId, quantity);
    }

    /** {@link #addToHeldLine} for {@link CartService#setQuantity}. */
    public boolean setHeldLine(CartOwner owner, long productId, int quantity) {
        return oneStatement(CartRepository::setHeldLine, owner, productId, quantity);
    }

    /** A cart change of one statement, as the cart service calls it. */
    interface LineStatement {
        Optional<Hold> run(
                CartRepository carts,
                CartOwner owner,
                long productId,
                int quantity,
                Instant now,
                Instant holdExpiresAt,
                String kioskId);
    }

    private boolean oneStatement(LineStatement statement, CartOwner owner, long productId, int quantity) {
        Instant now = holds.now();
        return statement
                .run(
                        repositories.carts(),
                        owner,
                        productId,
                        quantity,
                        now,
                        now.plus(holds.holdDuration()),
                        holds.kioskId())
                .isPresent();
    }

    /** Products, prices or categories were changed behind the services: drop every cached answer. */
    public void catalogChanged() {
        repositories.catalogChanged();
    }
}
