package com.shopassist.app.ui;

import com.shopassist.core.cart.CartService;
import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.chat.ChatHistoryService;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.checkout.CheckoutService;
import com.shopassist.core.clerk.ClerkCallFeed;
import com.shopassist.core.clerk.ClerkCallService;
import com.shopassist.core.customer.CustomerService;
import com.shopassist.core.gift.GiftService;
import com.shopassist.core.order.OrderService;
import com.shopassist.core.outbox.OutboxWatch;
import com.shopassist.core.privacy.PrivacyService;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.core.report.ReportService;
import com.shopassist.core.report.SpendBudget;
import com.shopassist.core.stock.StockService;
import com.shopassist.core.voucher.VoucherService;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Everything the UI calls: core services (the gift finder asks the same gift service as the
 * assistants, so both suggest the same gifts) and the assistant port. The composition root
 * ({@code com.shopassist.app.wiring.AppWiring#uiServices}) builds them.
 *
 * @param databaseProbe true when the store database answers now (the status banner polls it)
 * @param onlineAssistant true when a Gemini key is configured; false means the offline assistant
 *     answers alone and the "offline" badge shows from the start
 * @param store which database answers: the store's, or this kiosk's local replica (the window's
 *     "prices and stock as of" badge); always the store's on a kiosk without a replica
 * @param outbox the kiosk's cart outbox ({@link OutboxWatch#none()} without one): cart changes are
 *     queued there while the store database does not answer, instead of refused
 * @param clerkCalls the store's clerk calls (a shopper's call, a clerk's take)
 * @param kioskName this kiosk's name as clerks see it on a call
 * @param clerkCallFeed the store's clerk calls as they happen (a clerk window listens)
 * @param history a signed-in customer's past chats (list, continue, delete)
 * @param reports the store's figures of the day (the staff panel)
 * @param budget the store's AI spend against its daily cap (the staff panel), {@link SpendBudget#NONE}
 *     without a ledger
 */
public record UiServices(
        CatalogService catalog,
        CartService carts,
        VoucherService vouchers,
        CheckoutService checkout,
        OrderService orders,
        CustomerService customers,
        PrivacyService privacy,
        StockService stock,
        ShoppingAssistant assistant,
        GiftService gifts,
        BooleanSupplier databaseProbe,
        boolean onlineAssistant,
        StoreStatus store,
        OutboxWatch outbox,
        ClerkCallService clerkCalls,
        String kioskName,
        ClerkCallFeed clerkCallFeed,
        ChatHistoryService history,
        ReportService reports,
        SpendBudget budget) {

    public UiServices {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(carts, "carts");
        Objects.requireNonNull(assistant, "assistant");
        Objects.requireNonNull(databaseProbe, "databaseProbe");
        Objects.requireNonNull(store, "store");
        if (outbox == null) outbox = OutboxWatch.none();
        if (budget == null) budget = SpendBudget.NONE;
    }

    /** The services of a kiosk without a replica: the store's database always answers. */
    public UiServices(
            CatalogService catalog,
            CartService carts,
            VoucherService vouchers,
            CheckoutService checkout,
            OrderService orders,
            CustomerService customers,
            PrivacyService privacy,
            StockService stock,
            ShoppingAssistant assistant,
            GiftService gifts,
            BooleanSupplier databaseProbe,
            boolean onlineAssistant) {
        this(
                catalog,
                carts,
                vouchers,
                checkout,
                orders,
                customers,
                privacy,
                stock,
                assistant,
                gifts,
                databaseProbe,
                onlineAssistant,
                StoreStatus.alwaysShared());
    }

    /**
     * The services of a window that keeps no outbox (cart changes go to the store's database only),
     * takes no clerk calls and has no chat history or staff figures (a test's, a tool's).
     */
    public UiServices(
            CatalogService catalog,
            CartService carts,
            VoucherService vouchers,
            CheckoutService checkout,
            OrderService orders,
            CustomerService customers,
            PrivacyService privacy,
            StockService stock,
            ShoppingAssistant assistant,
            GiftService gifts,
            BooleanSupplier databaseProbe,
            boolean onlineAssistant,
            StoreStatus store) {
        this(
                catalog,
                carts,
                vouchers,
                checkout,
                orders,
                customers,
                privacy,
                stock,
                assistant,
                gifts,
                databaseProbe,
                onlineAssistant,
                store,
                OutboxWatch.none(),
                null,
                "",
                null,
                null,
                null,
                SpendBudget.NONE);
    }

    /** The same services with the store's AI budget read from {@code budget} (a spend ledger). */
    public UiServices withBudget(SpendBudget budget) {
        return new UiServices(
                catalog,
                carts,
                vouchers,
                checkout,
                orders,
                customers,
                privacy,
                stock,
                assistant,
                gifts,
                databaseProbe,
                onlineAssistant,
                store,
                outbox,
                clerkCalls,
                kioskName,
                clerkCallFeed,
                history,
                reports,
                budget);
    }
}
