package com.shopassist.app.wiring;

import com.shopassist.core.cart.CartService;
import com.shopassist.core.cart.DefaultCartService;
import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.DefaultCatalogService;
import com.shopassist.core.chat.ChatHistoryService;
import com.shopassist.core.chat.DefaultChatHistoryService;
import com.shopassist.core.checkout.CheckoutService;
import com.shopassist.core.checkout.DefaultCheckoutService;
import com.shopassist.core.clerk.ClerkCallService;
import com.shopassist.core.clerk.DefaultClerkCallService;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.customer.CustomerService;
import com.shopassist.core.customer.DefaultCustomerService;
import com.shopassist.core.order.DefaultOrderService;
import com.shopassist.core.order.OrderService;
import com.shopassist.core.outbox.OfflineCheckout;
import com.shopassist.core.outbox.Outbox;
import com.shopassist.core.outbox.OutboxCartService;
import com.shopassist.core.outbox.OutboxCheckoutService;
import com.shopassist.core.privacy.DefaultPrivacyService;
import com.shopassist.core.privacy.PrivacyService;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.core.report.DefaultReportService;
import com.shopassist.core.report.ReportService;
import com.shopassist.core.stock.DefaultStockService;
import com.shopassist.core.stock.StockHolds;
import com.shopassist.core.stock.StockService;
import com.shopassist.core.upkeep.DefaultUpkeepService;
import com.shopassist.core.upkeep.UpkeepService;
import com.shopassist.core.voucher.DefaultVoucherService;
import com.shopassist.core.voucher.VoucherRules;
import com.shopassist.core.voucher.VoucherService;
import com.shopassist.data.StoreRepositories;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/**
 * The core services over the store's repositories: the one place a {@code Default*Service} is
 * built (an ArchUnit rule holds every other class to that). Time comes from {@code clock}
 * everywhere (holds, sessions, vouchers).
 */
public record CoreServices(
        CatalogService catalog,
        StockService stock,
        CartService carts,
        VoucherService vouchers,
        CheckoutService checkout,
        OrderService orders,
        CustomerService customers,
        PrivacyService privacy,
        UpkeepService upkeep,
        ReportService reports,
        ClerkCallService clerkCalls,
        ChatHistoryService history) {

    /**
     * Wires the services of one kiosk once over {@code r}; call it once per database. The stock
     * holds they take name {@code kioskId} (decision 0095; null: no kiosk). {@code usdToIdr} prices
     * the assistant's cost in rupiah in the store report; a clerk call no one takes closes after
     * {@code clerkCallTimeout}.
     */
    public static CoreServices over(
            StoreRepositories r,
            Clock clock,
            CommerceSettings settings,
            BigDecimal usdToIdr,
            Duration clerkCallTimeout,
            String kioskId) {
        Transactions tx = r.transactions();
        VoucherRules rules = new VoucherRules(settings.storeZone());
        StockHolds holds = new StockHolds(r.stock(), clock, settings.holdDuration(), kioskId);
        CatalogService catalog = new DefaultCatalogService(r.catalog(), clock);
        CartService carts = new DefaultCartService(r.carts(), holds, r.vouchers(), rules, catalog, tx, clock);
        StockService stock = new DefaultStockService(r.stock(), holds, catalog, tx, clock);
        PrivacyService privacy = new DefaultPrivacyService(r.privacy(), carts, tx, clock, settings);
        return new CoreServices(
                catalog,
                stock,
                carts,
                new DefaultVoucherService(r.vouchers(), clock),
                new DefaultCheckoutService(
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
                        settings),
                new DefaultOrderService(r.orders(), r.stock(), tx, clock),
                new DefaultCustomerService(r.customers(), tx, clock, settings),
                privacy,
                new DefaultUpkeepService(
                        r.upkeepLock(),
                        privacy,
                        r.sessionSweeper(),
                        stock,
                        r.searchMisses(),
                        settings.chatRetention(),
                        clock),
                new DefaultReportService(r.reports(), clock, settings.storeZone(), usdToIdr),
                new DefaultClerkCallService(r.clerkCalls(), clerkCallTimeout),
                new DefaultChatHistoryService(r.chats(), clock));
    }

    /**
     * These services with the cart and the checkout of a kiosk that keeps an outbox (decisions 0096,
     * 0097): while {@code status} says the store's database does not answer, cart changes are
     * queued in {@code outbox} and checkout does what {@code offlineCheckout} says.
     */
    public CoreServices withOutbox(
            Outbox outbox,
            StoreStatus status,
            OfflineCheckout offlineCheckout,
            Clock clock,
            CommerceSettings settings) {
        OutboxCartService queuing = new OutboxCartService(
                carts, outbox, status, catalog, vouchers, new VoucherRules(settings.storeZone()), clock);
        return new CoreServices(
                catalog,
                stock,
                queuing,
                vouchers,
                new OutboxCheckoutService(checkout, queuing, outbox, status, offlineCheckout, clock),
                orders,
                customers,
                privacy,
                upkeep,
                reports,
                clerkCalls,
                history);
    }
}
