package com.shopassist.ai.tool;

import com.shopassist.core.cart.CartService;
import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.SearchService;
import com.shopassist.core.checkout.CheckoutService;
import com.shopassist.core.customer.CustomerService;
import com.shopassist.core.gift.GiftService;
import com.shopassist.core.order.OrderService;
import com.shopassist.core.stock.StockService;
import com.shopassist.core.voucher.VoucherService;
import java.time.Clock;
import java.util.Objects;

/**
 * The core services tools adapt, handed to every call: tools hold no state of their own, so one
 * instance of each serves every registry, and a tool's test needs only these.
 */
public record ShopServices(
        CatalogService catalog,
        SearchService search,
        GiftService gifts,
        StockService stock,
        CartService carts,
        VoucherService vouchers,
        CheckoutService checkout,
        OrderService orders,
        CustomerService customers,
        ProposalStore proposals,
        Clock clock) {

    public ShopServices {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(gifts, "gifts");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(carts, "carts");
        Objects.requireNonNull(vouchers, "vouchers");
        Objects.requireNonNull(checkout, "checkout");
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(proposals, "proposals");
        clock = clock == null ? Clock.systemUTC() : clock;
    }
}
