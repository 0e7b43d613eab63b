package com.shopassist.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.UiServices;
import com.shopassist.app.ui.UiServicesFactory;
import com.shopassist.app.ui.chat.ChatEntry;
import com.shopassist.app.ui.common.Formats;
import com.shopassist.app.ui.kiosk.KioskSettings;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The view models without any window or FX thread: the direct dispatcher runs each service call
 * on the test's thread, over a seeded PostgreSQL, the real services and the offline assistant.
 */
class ViewModelsIT {

    private static Database db;
    private static CommerceServices commerce;
    private static UiServices services;
    private final AtomicLong now = new AtomicLong(1_000_000);
    private UiContext ui;
    private ShellViewModel shell;

    @BeforeAll
    static void store() {
        db = TestDatabase.freshSeeded(8);
        commerce = CommerceServices.create(db);
        services = UiServicesFactory.offline(commerce, db, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void freshKiosk() {
        ui = UiContext.direct(services, Locale.ENGLISH, KioskSettings.kiosk());
        shell = new ShellViewModel(ui, now::get);
    }

    private Product inStock(String text) {
        return commerce.catalog()
                .search(ProductQuery.text(text).withInStockOnly(true))
                .items()
                .get(0);
    }

    @Test
    void addingFromACardShowsTheLineAndTheRupiahTotalInTheCartPane() {
        Product p = inStock("rice cooker");
        shell.cart().add(p.id(), p.name());
        assertThat(shell.cart().lines()).extracting(l -> l.productId()).containsExactly(p.id());
        assertThat(shell.cart().totalProperty().get()).isEqualTo(Formats.rupiah(p.price()));
        assertThat(ui.feedback().latest().text()).isEqualTo(p.name() + " added to your cart");
        shell.cart().increment(shell.cart().lines().get(0));
        assertThat(shell.cart().totalProperty().get())
                .isEqualTo(Formats.rupiah(p.price().times(2)));
        shell.cart().remove(shell.cart().lines().get(0));
        assertThat(shell.cart().emptyProperty().get()).isTrue();
    }

    @Test
    void anUnknownVoucherIsRefusedWithItsReasonInTheShoppersLanguage() {
        Product p = inStock("headphones");
        shell.cart().add(p.id(), p.name());
        shell.cart().voucherInputProperty().set("nosuchcode");
        shell.cart().applyVoucher();
        assertThat(ui.feedback().latest().text())
                .isEqualTo("There’s no voucher called NOSUCHCODE. Check the code and try again.");
        ui.i18n().toggle();
        shell.cart().applyVoucher();
        assertThat(ui.feedback().latest().text())
                .isEqualTo("Tidak ada voucher NOSUCHCODE. Periksa kodenya dan coba lagi.");
        assertThat(shell.cart().appliedVoucherProperty().get()).isEmpty();
    }

    @Test
    void aChatSearchGivesCardsAndACartTheAssistantFilledReachesThePane() {
        shell.chat().inputProperty().set("running shoes");
        shell.chat().send();
        ChatEntry answer = shell.chat().messages().get(shell.chat().messages().size() - 1);
        assertThat(answer.role()).isEqualTo(ChatEntry.Role.ASSISTANT);
        assertThat(answer.cards()).isNotEmpty();
        assertThat(shell.chat().typingProperty().get()).isFalse();
        assertThat(shell.chat().offlineProperty().get()).isTrue();

        shell.chat().inputProperty().set("add the second one to my cart");
        shell.chat().send();
        assertThat(shell.cart().lines()).hasSize(1);
        assertThat(shell.cart().lines().get(0).productId())
                .isEqualTo(answer.cards().get(1).id());
    }

    @Test
    void theIdleResetForgetsTheShopperAndReleasesTheGuestCartsHolds() {
        Product p = inStock("blender");
        int before = commerce.catalog().product(p.id()).orElseThrow().available();
        shell.cart().add(p.id(), p.name());
        shell.chat().inputProperty().set("hello");
        shell.chat().send();
        CartOwner shopper = ui.session().owner();
        assertThat(commerce.catalog().product(p.id()).orElseThrow().available()).isEqualTo(before - 1);

        now.addAndGet(170_000);
        shell.idle().tick();
        assertThat(shell.idle().phase()).isEqualTo(com.shopassist.app.ui.kiosk.IdleMonitor.Phase.WARNING);
        now.addAndGet(10_000);
        assertThat(shell.idle().tick()).isTrue();

        assertThat(ui.session().owner()).isNotEqualTo(shopper);
        assertThat(shell.chat().messages()).hasSize(1);
        assertThat(shell.cart().lines()).isEmpty();
        assertThat(commerce.carts().cart(shopper).isEmpty()).isTrue();
        assertThat(commerce.catalog().product(p.id()).orElseThrow().available()).isEqualTo(before);
    }

    private int available(Product p) {
        return commerce.catalog().product(p.id()).orElseThrow().available();
    }

    private void idleUntilReset() {
        now.addAndGet(170_000);
        shell.idle().tick();
        now.addAndGet(10_000);
        assertThat(shell.idle().tick()).isTrue();
    }

    @Test
    void theIdleResetGivesASignedInShoppersHeldStockBackButTheCartStaysTheirs() {
        Product p = inStock("blender");
        int before = available(p);
        shell.account().emailProperty().set("siti@example.com");
        shell.account().passwordProperty().set("belanja123");
        shell.account().signIn();
        CartOwner siti = ui.session().owner();
        assertThat(siti.isGuest()).isFalse();
        shell.cart().add(p.id(), p.name());
        assertThat(available(p)).isEqualTo(before - 1);

        idleUntilReset();

        assertThat(ui.session().customer()).isNull();
        assertThat(shell.cart().lines()).isEmpty();
        assertThat(available(p)).isEqualTo(before);
        assertThat(commerce.carts().cart(siti).lines())
                .extracting(l -> l.productId())
                .containsExactly(p.id());
        // back at the kiosk later: the next change holds the whole line again
        commerce.carts().setQuantity(siti, p.id(), 2);
        assertThat(available(p)).isEqualTo(before - 2);
        commerce.carts().clear(siti);
    }

    @Test
    void signingOutGivesTheShoppersHeldStockBack() {
        Product p = inStock("kettle");
        int before = available(p);
        shell.account().emailProperty().set("siti@example.com");
        shell.account().passwordProperty().set("belanja123");
        shell.account().signIn();
        CartOwner siti = ui.session().owner();
        shell.cart().add(p.id(), p.name());
        assertThat(available(p)).isEqualTo(before - 1);

        shell.account().signOut();

        assertThat(ui.session().isGuest()).isTrue();
        assertThat(available(p)).isEqualTo(before);
        assertThat(commerce.carts().cart(siti).lines()).hasSize(1);
        commerce.carts().clear(siti);
    }

    @Test
    void aClerkServingACustomerGivesTheHeldStockBackWhenDoneAndAtTheIdleReset() {
        Product p = inStock("rice cooker");
        int before = available(p);
        shell.account().emailProperty().set("kasir@example.com");
        shell.account().passwordProperty().set("kasir123");
        shell.account().signIn();
        shell.account().lookupProperty().set("budi");
        shell.account().findCustomers();
        var budi = shell.account().found().get(0);
        shell.account().actFor(budi);
        shell.cart().add(p.id(), p.name());
        assertThat(available(p)).isEqualTo(before - 1);

        shell.account().stopActing();
        assertThat(available(p)).isEqualTo(before);
        assertThat(commerce.carts().cart(CartOwner.customer(budi.id())).lines()).hasSize(1);

        shell.account().actFor(budi);
        shell.cart().increment(shell.cart().lines().get(0));
        assertThat(available(p)).isEqualTo(before - 2);
        idleUntilReset();
        assertThat(ui.session().isClerkMode()).isFalse();
        assertThat(available(p)).isEqualTo(before);
        commerce.carts().clear(CartOwner.customer(budi.id()));
    }

    @Test
    void aClerkFindsACustomerActsForThemAndSignsOut() {
        shell.account().emailProperty().set("kasir@example.com");
        shell.account().passwordProperty().set("kasir123");
        shell.account().signIn();
        assertThat(ui.session().isClerkMode()).isTrue();
        assertThat(ui.session().customer()).isNull();

        shell.account().lookupProperty().set("budi");
        shell.account().findCustomers();
        assertThat(shell.account().found()).extracting(c -> c.email()).contains("budi@example.com");
        shell.account().actFor(shell.account().found().get(0));
        assertThat(ui.session().customer().email()).isEqualTo("budi@example.com");
        assertThat(ui.session().owner())
                .isEqualTo(CartOwner.customer(ui.session().customer().id()));
        assertThat(ui.session().chatContext(Locale.ENGLISH).clerkId())
                .isEqualTo(ui.session().clerk().id());

        shell.account().signOut();
        assertThat(ui.session().isClerkMode()).isFalse();
        assertThat(ui.session().customer()).isNull();
    }

    @Test
    void writesAreRefusedWithAClearMessageWhileTheDatabaseIsDown() {
        Product p = inStock("kettle");
        ui.db().markDown();
        shell.cart().add(p.id(), p.name());
        assertThat(ui.feedback().latest().text()).startsWith("That can’t be saved right now");
        assertThat(commerce.carts().cart(ui.session().owner()).isEmpty()).isTrue();
    }

    @Test
    void checkoutAsAGuestAsksToSignInFirst() {
        Product p = inStock("rice cooker");
        shell.cart().add(p.id(), p.name());
        shell.cart().checkout();
        assertThat(shell.pageProperty().get()).isEqualTo(Page.CHECKOUT);
        assertThat(shell.checkout().stepProperty().get())
                .isEqualTo(com.shopassist.app.ui.checkout.CheckoutViewModel.Step.SIGN_IN_NEEDED);
    }
}
