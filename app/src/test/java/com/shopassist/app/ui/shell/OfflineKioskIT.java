package com.shopassist.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.UiServices;
import com.shopassist.app.ui.checkout.CheckoutViewModel;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.kiosk.KioskSettings;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.data.db.Database;
import com.shopassist.data.outbox.KioskDatabases;
import com.shopassist.data.outbox.SwitchedStoreStatus;
import com.shopassist.data.testing.Eventually;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The window's view models on a kiosk whose store database goes away (real PostgreSQL: the store's
 * and the kiosk's local one): cart changes are queued and shown, sent when the store is back by
 * the outbox's own thread, and what changed meanwhile is told in the shopper's language; checkout
 * is refused or queued as the store set it.
 */
class OfflineKioskIT {

    private Database shared;
    private Database local;
    private AppWiring app;
    private AppWiring elsewhere;
    private final SwitchedStoreStatus status = new SwitchedStoreStatus();
    private final AtomicLong now = new AtomicLong(1_000_000);

    void kiosk(Map<String, String> settings) {
        shared = TestDatabase.freshSeeded(8);
        local = KioskDatabases.freshLocal();
        KioskDatabases.copyCatalog(shared, local);
        app = AppWiring.over(shared, Clock.systemUTC(), settings);
        app.useLocalStore(local, status);
        elsewhere = AppWiring.over(shared, Clock.systemUTC()); // another kiosk, online all along
    }

    @BeforeEach
    void defaults() {
        kiosk(Map.of(
                "SHOPASSIST_KIOSK_ID",
                "kiosk-window-" + UUID.randomUUID().toString().substring(0, 8)));
    }

    @AfterEach
    void close() {
        app.close();
        elsewhere.close();
        local.close();
        shared.close();
    }

    private ShellViewModel shell(UiContext ui) {
        return new ShellViewModel(ui, now::get);
    }

    private UiContext ui() {
        UiServices services = app.uiServices(app.offlineAssistant(), false);
        return UiContext.direct(services, Locale.ENGLISH, KioskSettings.kiosk());
    }

    private Product inStock(String text, int atLeast) {
        return elsewhere.services().catalog().search(ProductQuery.text(text).withInStockOnly(true)).items().stream()
                .filter(p -> p.available() >= atLeast)
                .findFirst()
                .orElseThrow();
    }

    private static void await(String what, BooleanSupplier condition) {
        Eventually.waitUntil(what, Duration.ofSeconds(60), condition);
    }

    @Test
    void offlineACartChangeIsShownAtOnceAndSentByItselfWhenTheStoreIsBack() throws Exception {
        UiContext ui = ui();
        ShellViewModel shell = shell(ui);
        Product p = inStock("rice cooker", 2);
        status.set(StoreStatus.Source.LOCAL);
        ui.db().markDown(); // the window knows the store database is gone

        shell.cart().add(p.id(), p.name());

        assertThat(shell.cart().lines()).extracting(l -> l.productId()).containsExactly(p.id());
        assertThat(ui.feedback().latest().text()).isEqualTo(p.name() + " added to your cart");
        assertThat(shell.cart().waitingProperty().get()).isEqualTo("Changes waiting to be sent to the store: 1");
        CartOwner guest = ui.session().owner();
        assertThat(elsewhere.services().carts().cart(guest).lines()).isEmpty();

        status.set(StoreStatus.Source.SHARED); // the outbox replays on its own thread
        await(
                "the changes sent and the pane no longer saying they wait",
                () -> app.outboxWaiting() == 0
                        && shell.cart().waitingProperty().get().isEmpty());

        assertThat(elsewhere.services().carts().cart(guest).lines())
                .singleElement()
                .satisfies(l -> assertThat(l.productId()).isEqualTo(p.id()));
        assertThat(shell.cart().lines()).hasSize(1);
    }

    @Test
    void aProductThatRanOutWhileOfflineStaysAtZeroWithANoteInTheShoppersLanguage() throws Exception {
        UiContext ui = ui();
        ShellViewModel shell = shell(ui);
        Product p = inStock("blender", 1);
        status.set(StoreStatus.Source.LOCAL);
        shell.cart().add(p.id(), p.name());
        // meanwhile another kiosk's shopper takes every unit
        elsewhere.services().carts().add(CartOwner.guest("other-" + UUID.randomUUID()), p.id(), p.available());

        status.set(StoreStatus.Source.SHARED);
        // the replay's word reaches the cart pane on the outbox's thread: wait for the pane's last step
        await(
                "the cart's notices shown",
                () -> !shell.cart().notices().isEmpty()
                        && shell.cart().lines().stream().anyMatch(l -> l.quantity() == 0)
                        && shell.cart().emptyProperty().get());

        assertThat(shell.cart().notices())
                .containsExactly(p.name() + " is no longer available: it stays in your cart with quantity 0.");
        assertThat(shell.cart().lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isZero();
            assertThat(shell.cart().isUnavailable(l)).isTrue();
        });
        assertThat(shell.cart().emptyProperty().get())
                .as("nothing to check out")
                .isTrue();
        ui.i18n().setLocale(I18n.INDONESIAN);
        assertThat(shell.cart().notices())
                .containsExactly(p.name() + " sudah tidak tersedia: tetap di keranjang dengan jumlah 0.");

        shell.cart().dismissNotices();
        assertThat(shell.cart().notices()).isEmpty();
    }

    @Test
    void checkoutOfflineIsRefusedByDefaultAndTheCartIsKept() {
        UiContext ui = ui();
        ShellViewModel shell = shell(ui);
        signInAsBudi(ui, shell);
        Product p = inStock("headphones", 1);
        shell.cart().add(p.id(), p.name());
        shell.checkout().open();
        status.set(StoreStatus.Source.LOCAL);

        shell.checkout().confirm();

        assertThat(ui.feedback().latest().text())
                .isEqualTo("The store’s system is offline, so checkout isn’t possible right now. Your cart is kept,"
                        + " and a clerk can help.");
        assertThat(shell.checkout().stepProperty().get()).isEqualTo(CheckoutViewModel.Step.REVIEW);
        assertThat(shell.cart().lines()).hasSize(1);
        assertThat(app.outboxWaiting()).isZero();
    }

    @Test
    void checkoutOfflineQueuedGivesAReferenceToBeConfirmedAndBecomesTheOrderOnSync() throws Exception {
        close();
        kiosk(Map.of("SHOPASSIST_OFFLINE_CHECKOUT", "queue", "SHOPASSIST_KIOSK_ID", "kiosk-window-queue"));
        UiContext ui = ui();
        ShellViewModel shell = shell(ui);
        long budi = signInAsBudi(ui, shell);
        Product p = inStock("headphones", 1);
        shell.cart().add(p.id(), p.name());
        shell.checkout().open();
        long ordersBefore = elsewhere.services().orders().orders(budi, 1, 100).total();
        status.set(StoreStatus.Source.LOCAL);

        shell.checkout().confirm();

        assertThat(shell.checkout().stepProperty().get()).isEqualTo(CheckoutViewModel.Step.QUEUED);
        assertThat(shell.checkout().queuedProperty().get().reference()).matches("Q-[0-9A-F]{8}");
        assertThat(shell.cart().emptyProperty().get()).isTrue();

        status.set(StoreStatus.Source.SHARED);
        await("the outbox sent", () -> app.outboxWaiting() == 0);
        assertThat(elsewhere.services().orders().orders(budi, 1, 100).total()).isEqualTo(ordersBefore + 1);
    }

    private static long signInAsBudi(UiContext ui, ShellViewModel shell) {
        shell.account().emailProperty().set("budi@example.com");
        shell.account().passwordProperty().set("belanja123");
        shell.account().signIn();
        assertThat(ui.session().customer()).as("signed in").isNotNull();
        return ui.session().customer().id();
    }
}
