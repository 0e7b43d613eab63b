package com.shopassist.app.ui.shell;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.account.AccountViewModel;
import com.shopassist.app.ui.account.PrivacyViewModel;
import com.shopassist.app.ui.cart.CartViewModel;
import com.shopassist.app.ui.catalog.CatalogViewModel;
import com.shopassist.app.ui.catalog.CompareViewModel;
import com.shopassist.app.ui.catalog.GiftFinderViewModel;
import com.shopassist.app.ui.chat.ChatViewModel;
import com.shopassist.app.ui.checkout.CheckoutViewModel;
import com.shopassist.app.ui.checkout.OrdersViewModel;
import com.shopassist.app.ui.clerk.ClerkCallsViewModel;
import com.shopassist.app.ui.common.ProductCardView;
import com.shopassist.app.ui.history.HistoryViewModel;
import com.shopassist.app.ui.kiosk.IdleMonitor;
import com.shopassist.app.ui.staff.StaffViewModel;
import com.shopassist.core.cart.KioskDeparture;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ProductCard;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's logic: which page shows, the feature view models, the session reset (kiosk
 * idle, sign-out), barcode scans, "call a clerk" and the database status. The only class the
 * window (and the UI tests) drive from outside the feature packages.
 */
public final class ShellViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final UiContext ui;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.CHAT);
    private final Deque<Page> history = new ArrayDeque<>();
    private final ChatViewModel chat;
    private final CartViewModel cart;
    private final CatalogViewModel catalog;
    private final CompareViewModel compare;
    private final GiftFinderViewModel gifts;
    private final CheckoutViewModel checkout;
    private final OrdersViewModel orders;
    private final AccountViewModel account;
    private final PrivacyViewModel privacy;
    private final ClerkCallsViewModel clerkCalls;
    private final HistoryViewModel chatHistory;
    private final StaffViewModel staff;
    private final IdleMonitor idle;
    private final ReplicaBadge replica;
    private boolean catalogLoaded;

    public ShellViewModel(UiContext ui, java.util.function.LongSupplier clockMillis) {
        this.ui = ui;
        chat = new ChatViewModel(ui);
        cart = new CartViewModel(ui);
        catalog = new CatalogViewModel(ui);
        compare = new CompareViewModel(ui);
        gifts = new GiftFinderViewModel(ui);
        checkout = new CheckoutViewModel(ui);
        orders = new OrdersViewModel(ui);
        account = new AccountViewModel(ui);
        privacy = new PrivacyViewModel(ui);
        clerkCalls = new ClerkCallsViewModel(ui);
        chatHistory = new HistoryViewModel(ui, chat);
        chatHistory.setShowChat(() -> navigate(Page.CHAT));
        staff = new StaffViewModel(ui, chat.offlineProperty());
        cart.setOnCheckout(() -> navigate(Page.CHECKOUT));
        account.setAfterSignIn(() -> {
            if (ui.session().isClerkMode() && ui.session().customer() == null) navigate(Page.ACCOUNT);
            else if (history.peek() == Page.CHECKOUT || page.get() == Page.CHECKOUT) navigate(Page.CHECKOUT);
            else navigate(Page.CHAT);
        });
        ui.session().customerProperty().addListener((o, a, b) -> {
            if (b == null
                    && (page.get() == Page.ORDERS
                            || page.get() == Page.PRIVACY
                            || page.get() == Page.CHECKOUT
                            || page.get() == Page.HISTORY)) {
                // a clerk who served the customer goes back to looking customers up
                navigate(ui.session().isClerkMode() ? Page.ACCOUNT : Page.CHAT);
            }
        });
        // the pages that belong to one person go with them
        ui.session().clerkProperty().addListener((o, a, b) -> {
            if (b == null && page.get() == Page.STAFF) navigate(Page.CHAT);
        });
        chatHistory.offeredProperty().addListener((o, a, offered) -> {
            if (!offered && page.get() == Page.HISTORY) navigate(Page.CHAT);
        });
        idle = new IdleMonitor(
                ui.kiosk().idleTimeout(),
                ui.kiosk().countdown(),
                clockMillis,
                this::worthResetting,
                this::resetSession);
        // reading an answer is not being idle: the clock starts when it has been shown
        chat.answersShownProperty().addListener((o, a, b) -> idle.activity());
        replica = new ReplicaBadge(ui.services().store(), ui.i18n(), java.time.ZoneId.systemDefault());
        replica.refresh();
        // the switch tells on its own thread; the badge changes on the FX thread
        ui.services().store().addListener(source -> ui.tasks().quietly(() -> source, s -> replica.refresh()));
    }

    /** The "prices and stock as of" badge: shown while the local replica answers. */
    public ReplicaBadge replica() {
        return replica;
    }

    // ------------------------------------------------------------------ navigation

    public void navigate(Page target) {
        // the staff panel is a signed-in clerk's, past chats a signed-in customer's: others sign in first
        if ((target == Page.STAFF && !staff.allowed())
                || (target == Page.HISTORY && !chatHistory.offeredProperty().get())) {
            target = Page.ACCOUNT;
        }
        Page current = page.get();
        if (current != target) {
            history.push(current);
            if (history.size() > 20) history.removeLast();
        }
        page.set(target);
        switch (target) {
            case BROWSE -> {
                if (!catalogLoaded) {
                    catalogLoaded = true;
                    catalog.load();
                }
            }
            case COMPARE -> compare.refresh();
            case CHECKOUT -> checkout.open();
            case ORDERS -> orders.load();
            case HISTORY -> chatHistory.load();
            case STAFF -> staff.refresh();
            default -> {}
        }
    }

    public void back() {
        Page previous = history.isEmpty() ? Page.CHAT : history.pop();
        if ((previous == Page.STAFF && !staff.allowed())
                || (previous == Page.HISTORY && !chatHistory.offeredProperty().get())) {
            previous = Page.CHAT;
        }
        page.set(previous);
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    /** What a product card's buttons do, wherever the card is shown. */
    public ProductCardView.Actions cardActions() {
        return new ProductCardView.Actions() {
            @Override
            public void add(ProductCard card) {
                cart.add(card.id(), card.name());
            }

            @Override
            public void details(ProductCard card) {
                showProduct(card.id());
            }

            @Override
            public void compare(ProductCard card) {
                compare.add(card.id(), card.name());
            }
        };
    }

    public void showProduct(long productId) {
        catalog.openDetail(productId);
        navigate(Page.PRODUCT);
    }

    // ------------------------------------------------------------------ session

    /** Something worth wiping: a customer, a clerk, a cart, a conversation or a comparison. */
    public boolean worthResetting() {
        var s = ui.session();
        return s.customer() != null
                || s.isClerkMode()
                || (s.cart() != null && !s.cart().isEmpty())
                || chat.messages().size() > 1
                || !s.compare().isEmpty()
                || page.get() != Page.CHAT;
    }

    /**
     * The kiosk's idle reset (and "start over"): the shopper is forgotten. A guest cart is
     * discarded; a customer's cart (signed in, or served by a clerk) stays theirs but its stock
     * holds are released (decision 0045). The assistant forgets the conversation, any sign-in
     * ends, and the window returns to an empty chat.
     */
    public void resetSession() {
        var s = ui.session();
        var owner = s.owner();
        var ctx = s.chatContext(ui.i18n().locale());
        String customerToken = s.customerToken();
        String clerkToken = s.clerkToken();
        s.resetToGuest();
        history.clear();
        page.set(Page.CHAT);
        LOG.info("kiosk session reset");
        ui.tasks()
                .runThen(
                        () -> {
                            KioskDeparture.releaseCart(ui.services().carts(), owner);
                            ui.services().assistant().forget(ctx);
                            if (customerToken != null) ui.services().customers().logout(customerToken);
                            if (clerkToken != null) ui.services().customers().logout(clerkToken);
                        },
                        () -> {},
                        e -> LOG.warn("reset clean-up failed: {}", e.toString()));
    }

    public IdleMonitor idle() {
        return idle;
    }

    // ------------------------------------------------------------------ kiosk extras

    /** A barcode came from the scanner: add that product to the cart. */
    public void scanned(String barcode) {
        String code = barcode.strip();
        if (code.isEmpty()) return;
        ui.tasks()
                .run(
                        () -> ui.services().catalog().byBarcode(code),
                        (java.util.Optional<Product> found) -> found.ifPresentOrElse(
                                p -> cart.add(p.id(), p.name()),
                                () -> ui.feedback().warning("scan.unknown", code)),
                        ui.feedback()::error);
    }

    /**
     * The shopper asked for help: the call is recorded in the store database, every clerk window
     * hears it at once, and the shopper is told someone is coming (and who, once a clerk takes
     * it). The log line is what the store gets when its database is away.
     */
    public void callClerk() {
        LOG.warn("CLERK CALLED at kiosk session {}", ui.session().guestKey());
        clerkCalls.call();
    }

    /** The store's clerk calls in this window. */
    public ClerkCallsViewModel clerkCalls() {
        return clerkCalls;
    }

    /** Asks the database whether it is back (or still there); quiet, off the FX thread. */
    public void checkDatabase() {
        replica.refresh();
        ui.tasks().quietly(ui.db()::probe, up -> {
            boolean was = ui.db().isUp();
            ui.db().set(up);
            if (up && !was) {
                ui.feedback().success("status.dbBack");
                cart.refresh();
            }
        });
    }

    /** "Guest", "Budi Santoso", or "Clerk Sari · serving Budi Santoso". */
    public StringBinding whoLabel() {
        var s = ui.session();
        return Bindings.createStringBinding(
                () -> {
                    if (s.isClerkMode()) {
                        return s.customer() == null
                                ? ui.i18n().t("header.clerk", s.clerk().fullName())
                                : ui.i18n()
                                        .t(
                                                "header.clerkServing",
                                                s.clerk().fullName(),
                                                s.customer().fullName());
                    }
                    return s.customer() == null
                            ? ui.i18n().t("header.guest")
                            : s.customer().fullName();
                },
                s.customerProperty(),
                s.clerkProperty(),
                ui.i18n().localeProperty());
    }

    public UiContext ui() {
        return ui;
    }

    public ChatViewModel chat() {
        return chat;
    }

    public CartViewModel cart() {
        return cart;
    }

    public CatalogViewModel catalog() {
        return catalog;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public GiftFinderViewModel gifts() {
        return gifts;
    }

    public CheckoutViewModel checkout() {
        return checkout;
    }

    public OrdersViewModel orders() {
        return orders;
    }

    public AccountViewModel account() {
        return account;
    }

    public PrivacyViewModel privacy() {
        return privacy;
    }

    /** The signed-in customer's past chats. */
    public HistoryViewModel chatHistory() {
        return chatHistory;
    }

    /** The staff panel (a signed-in clerk's). */
    public StaffViewModel staff() {
        return staff;
    }
}
