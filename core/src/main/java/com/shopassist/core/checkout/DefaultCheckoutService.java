package com.shopassist.core.checkout;

import com.shopassist.core.cart.CartItemDetail;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartRecord;
import com.shopassist.core.cart.CartRepository;
import com.shopassist.core.cart.DefaultCartService;
import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.customer.Address;
import com.shopassist.core.customer.CustomerRepository;
import com.shopassist.core.money.Money;
import com.shopassist.core.order.NewOrder;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderNumbers;
import com.shopassist.core.order.OrderRepository;
import com.shopassist.core.stock.StockHolds;
import com.shopassist.core.stock.StockRepository;
import com.shopassist.core.stock.StockShortage;
import com.shopassist.core.voucher.Voucher;
import com.shopassist.core.voucher.VoucherNotApplicableException;
import com.shopassist.core.voucher.VoucherRejection;
import com.shopassist.core.voucher.VoucherRepository;
import com.shopassist.core.voucher.VoucherRules;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link CheckoutService}: one transaction that locks the customer's cart (so duplicates of one
 * key take turns and the later ones find the first one's order), then the products in id order,
 * re-checks holds, consumes them, counts the voucher use, and writes order, items, movements and
 * the key.
 */
public final class DefaultCheckoutService implements CheckoutService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CartRepository carts;
    private final StockRepository stock;
    private final StockHolds holds;
    private final VoucherRepository vouchers;
    private final VoucherRules rules;
    private final OrderRepository orders;
    private final CheckoutRepository keys;
    private final CustomerRepository customers;
    private final CatalogService catalog;
    private final Transactions tx;
    private final Clock clock;
    private final CommerceSettings settings;

    public DefaultCheckoutService(
            CartRepository carts,
            StockRepository stock,
            StockHolds holds,
            VoucherRepository vouchers,
            VoucherRules rules,
            OrderRepository orders,
            CheckoutRepository keys,
            CustomerRepository customers,
            CatalogService catalog,
            Transactions tx,
            Clock clock,
            CommerceSettings settings) {
        this.carts = carts;
        this.stock = stock;
        this.holds = holds;
        this.vouchers = vouchers;
        this.rules = rules;
        this.orders = orders;
        this.keys = keys;
        this.customers = customers;
        this.catalog = catalog;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String newIdempotencyKey() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return "co-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public Order checkout(long customerId, long addressId, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.length() < 8 || idempotencyKey.length() > 200) {
            throw new ValidationException("idempotencyKey", "A checkout key of 8 to 200 characters is required");
        }
        long orderId;
        try {
            orderId = tx.inTransaction(() -> placeOrder(customerId, addressId, idempotencyKey));
        } catch (StockShortage s) {
            throw DefaultCartService.insufficient(catalog, s, s.requested());
        }
        return orders.findOfCustomer(customerId, orderId).orElseThrow(() -> new NotFoundException("Order", orderId));
    }

    private long placeOrder(long customerId, long addressId, String key) {
        Instant now = clock.instant();
        CartRecord cart = carts.lockOrCreate(CartOwner.customer(customerId), now);
        Optional<CheckoutRepository.CheckoutRecord> done = keys.find(key);
        if (done.isPresent()) {
            if (done.get().customerId() != customerId) {
                throw new ValidationException("idempotencyKey", "This checkout key belongs to another checkout");
            }
            return done.get().orderId();
        }
        Address address = customers
                .address(customerId, addressId)
                .orElseThrow(() ->
                        new ValidationException("address", "address.notYours", "That address is not one of yours"));
        List<Long> productIds = new ArrayList<>(carts.quantities(cart.cartId()).keySet());
        if (productIds.isEmpty()) throw new ValidationException("cart", "cart.empty", "Your cart is empty");
        productIds.sort(Comparator.naturalOrder());
        stock.lockProducts(productIds);

        // prices, names and quantities read under the product locks
        List<CartItemDetail> lines = carts.details(cart.cartId(), now).stream()
                .sorted(Comparator.comparingLong(CartItemDetail::productId))
                .toList();
        for (CartItemDetail line : lines) {
            if (!line.active()) throw new NotFoundException("Product", line.productId());
        }
        Voucher voucher = null;
        if (cart.voucherId() != null) {
            voucher = vouchers.byId(cart.voucherId()).orElse(null);
        }
        List<Money> subtotals =
                lines.stream().map(l -> l.unitPrice().times(l.quantity())).toList();
        VoucherRules.Priced priced = rules.price(subtotals, voucher, now);
        if (voucher != null) {
            VoucherRules.Evaluation e = priced.voucherEvaluation();
            if (!e.applies()) throw new VoucherNotApplicableException(voucher.code(), e.reason(), e.message());
            if (!vouchers.countUse(voucher.id())) {
                throw new VoucherNotApplicableException(
                        voucher.code(),
                        VoucherRejection.USAGE_LIMIT_REACHED,
                        "Voucher " + voucher.code() + " has been used up");
            }
        }

        long orderId = orders.nextOrderId();
        List<NewOrder.Line> orderLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            CartItemDetail l = lines.get(i);
            Money sub = subtotals.get(i);
            Money disc = priced.lineDiscounts().get(i);
            orderLines.add(new NewOrder.Line(
                    l.productId(), l.name(), l.quantity(), l.unitPrice(), sub, disc, sub.minus(disc)));
        }
        orders.insert(new NewOrder(
                orderId,
                OrderNumbers.of(orderId, now, settings.storeZone()),
                customerId,
                voucher == null ? null : voucher.id(),
                address.id(),
                addressText(address),
                priced.subtotal(),
                priced.discount(),
                priced.total(),
                now,
                orderLines));
        for (CartItemDetail l : lines) {
            holds.sell(cart.cartId(), l.productId(), l.quantity(), orderId);
        }
        if (!keys.insert(key, customerId, orderId, now)) {
            throw new ValidationException("idempotencyKey", "This checkout key belongs to another checkout");
        }
        carts.deleteItems(cart.cartId());
        carts.setVoucher(cart.cartId(), null, now);
        carts.deleteNotices(cart.cartId());
        return orderId;
    }

    private static String addressText(Address a) {
        String who = a.recipientName() == null || a.recipientName().isBlank() ? "" : a.recipientName() + ", ";
        String phone = a.phone() == null || a.phone().isBlank() ? "" : " (" + a.phone() + ")";
        return who + a.oneLine() + ", " + a.country() + phone;
    }
}
