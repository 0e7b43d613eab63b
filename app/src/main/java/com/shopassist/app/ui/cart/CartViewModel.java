package com.shopassist.app.ui.cart;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.common.Formats;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartNotice;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.money.Money;
import com.shopassist.core.outbox.ReplayReport;
import com.shopassist.core.voucher.Voucher;
import com.shopassist.core.voucher.VoucherNotApplicableException;
import com.shopassist.core.voucher.VoucherRejection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The cart pane: lines with + / -, remove, voucher, totals, Checkout. Shows the session's cart
 * snapshot, so a change the assistant makes (carried back in its reply) shows here at once, and a
 * change made here is in the database the assistant's tools read.
 */
public final class CartViewModel {

    private final UiContext ui;
    private final ObservableList<CartLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper subtotal = new ReadOnlyStringWrapper(Formats.rupiah(Money.ZERO));
    private final ReadOnlyStringWrapper discount = new ReadOnlyStringWrapper(Formats.rupiah(Money.ZERO));
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper(Formats.rupiah(Money.ZERO));
    private final ReadOnlyStringWrapper appliedVoucher = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper voucherProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper itemCount = new ReadOnlyStringWrapper("0");
    private final StringProperty voucherInput = new SimpleStringProperty("");
    private final BooleanProperty empty = new SimpleBooleanProperty(true);
    /** What the shopper must be told about changes made while the store was offline, worded. */
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    /** Products kept in the cart with quantity 0 because they ran out while offline. */
    private final ObservableList<Long> unavailable = FXCollections.observableArrayList();
    /** Cart changes of this kiosk waiting to be sent to the store ("" when none). */
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");
    /** Category of each product in the cart, so its thumbnail matches the product's card. */
    private final ObservableMap<Long, String> categories = FXCollections.observableHashMap();

    private Runnable onCheckout = () -> {};

    private Cart shown;
    /** The applied voucher's minimum purchase, once looked up (for "add Rp X more"). */
    private Money minimumOfApplied;

    public CartViewModel(UiContext ui) {
        this.ui = ui;
        ui.session().cartProperty().addListener((obs, old, now) -> show(now));
        ui.i18n().localeProperty().addListener((obs, old, now) -> {
            showVoucherProblem();
            showNotices();
            showWaiting(waitingCount);
        });
        ui.services().outbox().addListener(this::replayed);
        show(ui.session().cart());
    }

    private int waitingCount;

    /** A replay changed carts (on the outbox's thread): the served shopper's is read again if it was one. */
    private void replayed(ReplayReport report) {
        ui.tasks().dispatcher().run(() -> {
            CartOwner owner = ui.session().owner();
            if (report.owners().contains(owner)) refresh();
            else countWaiting();
        });
    }

    /** The shopper has read the notices: they are forgotten. */
    public void dismissNotices() {
        var owner = ui.session().owner();
        ui.tasks().run(() -> ui.services().carts().dismissNotices(owner), this::accept, ui.feedback()::error);
    }

    /** Reads the served shopper's cart from the database. */
    public void refresh() {
        var owner = ui.session().owner();
        ui.tasks().run(() -> ui.services().carts().cart(owner), this::accept, ui.feedback()::error);
    }

    public void increment(CartLine line) {
        change(() -> ui.services().carts().setQuantity(ui.session().owner(), line.productId(), line.quantity() + 1));
    }

    public void decrement(CartLine line) {
        int next = line.quantity() - 1;
        change(() -> next <= 0
                ? ui.services().carts().remove(ui.session().owner(), line.productId())
                : ui.services().carts().setQuantity(ui.session().owner(), line.productId(), next));
    }

    public void remove(CartLine line) {
        change(() -> ui.services().carts().remove(ui.session().owner(), line.productId()));
    }

    /** Adds one of a product (from a card, the catalog or a scanned barcode). */
    public void add(long productId, String productName) {
        if (ui.refuseCartWriteWhenOffline()) return;
        var owner = ui.session().owner();
        ui.tasks()
                .run(
                        () -> ui.services().carts().add(owner, productId, 1),
                        cart -> {
                            accept(cart);
                            ui.feedback().success("cart.added", productName);
                        },
                        ui.feedback()::error);
    }

    public void applyVoucher() {
        String code =
                voucherInput.get() == null ? "" : voucherInput.get().trim().toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty()) {
            ui.feedback().warning("voucher.enterCode");
            return;
        }
        if (ui.refuseCartWriteWhenOffline()) return;
        var owner = ui.session().owner();
        ui.tasks()
                .run(
                        () -> ui.services().carts().applyVoucher(owner, code),
                        cart -> {
                            accept(cart);
                            voucherInput.set("");
                            ui.feedback().success("voucher.applied", code);
                        },
                        e -> {
                            if (e instanceof VoucherNotApplicableException v
                                    && v.reason() == VoucherRejection.BELOW_MINIMUM_PURCHASE) {
                                tellShortfall(code, e);
                            } else ui.feedback().error(e);
                        });
    }

    public void removeVoucher() {
        change(() -> ui.services().carts().removeVoucher(ui.session().owner()));
    }

    public void checkout() {
        if (empty.get()) {
            ui.feedback().info("cart.emptyCheckout");
            return;
        }
        onCheckout.run();
    }

    public void setOnCheckout(Runnable r) {
        onCheckout = r == null ? () -> {} : r;
    }

    private void change(Supplier<Cart> write) {
        if (ui.refuseCartWriteWhenOffline()) return;
        ui.tasks().run(write, this::accept, e -> {
            ui.feedback().error(e);
            refresh();
        });
    }

    /** "Voucher X needs a minimum purchase of Rp A: add Rp B more", in the shopper's language. */
    private void tellShortfall(String code, Throwable refusal) {
        Money subtotal =
                ui.session().cart() == null ? Money.ZERO : ui.session().cart().subtotal();
        ui.tasks()
                .run(
                        () -> minimumOf(code),
                        min -> {
                            if (min == null) ui.feedback().error(refusal);
                            else
                                ui.feedback()
                                        .warning(
                                                "voucher.shortfall",
                                                code,
                                                Formats.rupiah(min),
                                                Formats.rupiah(min.minus(subtotal)));
                        },
                        e -> ui.feedback().error(refusal));
    }

    private Money minimumOf(String code) {
        var vouchers = ui.services().vouchers();
        return vouchers == null
                ? null
                : vouchers.byCode(code).map(Voucher::minPurchase).orElse(null);
    }

    /** Why the applied voucher gives nothing now, worded from its reason code in the current language. */
    private void showVoucherProblem() {
        Cart cart = shown;
        if (cart == null || cart.voucherCode() == null || cart.voucherRejection() == null) {
            voucherProblem.set("");
            return;
        }
        String code = cart.voucherCode();
        if (cart.voucherRejection() == VoucherRejection.BELOW_MINIMUM_PURCHASE && minimumOfApplied != null) {
            voucherProblem.set(ui.i18n()
                    .t(
                            "voucher.shortfall",
                            code,
                            Formats.rupiah(minimumOfApplied),
                            Formats.rupiah(minimumOfApplied.minus(cart.subtotal()))));
        } else {
            voucherProblem.set(ui.feedback().voucherRejected(code, cart.voucherRejection()));
        }
    }

    private void lookUpCategories(Cart cart) {
        List<Long> missing = cart.lines().stream()
                .map(CartLine::productId)
                .filter(id -> !categories.containsKey(id))
                .toList();
        if (missing.isEmpty()) return;
        ui.tasks()
                .quietly(
                        () -> {
                            Map<Long, String> found = new HashMap<>();
                            for (long id : missing) {
                                ui.services().catalog().product(id).ifPresent(p -> {
                                    if (p.categoryName() != null) found.put(id, p.categoryName());
                                });
                            }
                            return found;
                        },
                        categories::putAll);
    }

    /** The category of a product in the cart, or null until it is known. */
    public String categoryOf(long productId) {
        return categories.get(productId);
    }

    public ObservableMap<Long, String> categories() {
        return categories;
    }

    private void accept(Cart cart) {
        ui.session().setCart(cart);
    }

    private void countWaiting() {
        if (!ui.services().outbox().queuesChanges()) return;
        ui.tasks().quietly(() -> ui.services().outbox().waiting(), n -> {
            waitingCount = n;
            showWaiting(n);
        });
    }

    private void showWaiting(int n) {
        waiting.set(n <= 0 ? "" : ui.i18n().t("cart.waiting", n));
    }

    /** Each notice in the shopper's language, from its kind and values (decision 0047). */
    private void showNotices() {
        Cart cart = shown;
        if (cart == null || cart.notices().isEmpty()) {
            notices.clear();
            unavailable.clear();
            return;
        }
        var i18n = ui.i18n();
        java.util.List<String> worded = new java.util.ArrayList<>();
        java.util.List<Long> gone = new java.util.ArrayList<>();
        for (CartNotice n : cart.notices()) {
            String product = n.productName() == null ? "" : n.productName();
            worded.add(
                    switch (n.kind()) {
                        case UNAVAILABLE -> i18n.t("cart.notice.unavailable", product);
                        case SHORT -> i18n.t("cart.notice.short", product, n.kept(), n.requested());
                        case PRICE_CHANGED ->
                            i18n.t(
                                    "cart.notice.priceChanged",
                                    product,
                                    Formats.rupiah(n.priceSeen()),
                                    Formats.rupiah(n.priceNow()));
                        case VOUCHER_REJECTED ->
                            i18n.t("cart.notice.voucherRejected", n.voucherCode(), reason(n.reason(), n.voucherCode()));
                        case CHECKOUT_REJECTED ->
                            i18n.t("cart.notice.checkoutRejected", n.reference(), reason(n.reason(), ""));
                        case CHANGES_WAITING -> i18n.t("cart.notice.changesWaiting", n.requested(), n.reference());
                    });
            if (n.kind() == CartNotice.Kind.UNAVAILABLE && n.productId() != null) gone.add(n.productId());
        }
        notices.setAll(worded);
        unavailable.setAll(gone);
    }

    /** Why the store refused: a voucher's reason, or a service's error code, in the shopper's language. */
    private String reason(String code, String voucherCode) {
        if (code == null) return ui.i18n().t("error.unexpected");
        try {
            return ui.feedback().voucherRejected(voucherCode, VoucherRejection.valueOf(code));
        } catch (IllegalArgumentException notAVoucherReason) {
            String key = code.startsWith("VOUCHER_")
                    ? "voucher.rejected." + code.substring("VOUCHER_".length())
                    : com.shopassist.app.ui.common.Feedback.codeKey(code);
            return ui.i18n().has(key)
                    ? ui.i18n().t(key, voucherCode)
                    : ui.i18n().t("error.unexpected");
        }
    }

    private void show(Cart cart) {
        shown = cart;
        minimumOfApplied = null;
        if (cart != null
                && cart.voucherCode() != null
                && cart.voucherRejection() == VoucherRejection.BELOW_MINIMUM_PURCHASE) {
            String code = cart.voucherCode();
            ui.tasks().quietly(() -> java.util.Optional.ofNullable(minimumOf(code)), min -> {
                if (shown == cart && min.isPresent()) {
                    minimumOfApplied = min.get();
                    showVoucherProblem();
                }
            });
        }
        showNotices();
        countWaiting();
        if (cart == null) {
            lines.clear();
            categories.clear();
            subtotal.set(Formats.rupiah(Money.ZERO));
            discount.set(Formats.rupiah(Money.ZERO));
            total.set(Formats.rupiah(Money.ZERO));
            appliedVoucher.set("");
            voucherProblem.set("");
            itemCount.set("0");
            empty.set(true);
            return;
        }
        lines.setAll(cart.lines());
        lookUpCategories(cart);
        subtotal.set(Formats.rupiah(cart.subtotal()));
        discount.set(Formats.minus(cart.discount()));
        total.set(Formats.rupiah(cart.total()));
        appliedVoucher.set(cart.voucherCode() == null ? "" : cart.voucherCode());
        showVoucherProblem();
        itemCount.set(Integer.toString(cart.itemCount()));
        empty.set(cart.isEmpty());
    }

    public ObservableList<CartLine> lines() {
        return lines;
    }

    public ObservableList<String> notices() {
        return notices;
    }

    /** Whether the line is kept at quantity 0 because its product ran out while offline. */
    public boolean isUnavailable(CartLine line) {
        return line.quantity() == 0 && unavailable.contains(line.productId());
    }

    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subtotalProperty() {
        return subtotal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty discountProperty() {
        return discount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty appliedVoucherProperty() {
        return appliedVoucher.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty voucherProblemProperty() {
        return voucherProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty itemCountProperty() {
        return itemCount.getReadOnlyProperty();
    }

    public StringProperty voucherInputProperty() {
        return voucherInput;
    }

    public BooleanProperty emptyProperty() {
        return empty;
    }
}
