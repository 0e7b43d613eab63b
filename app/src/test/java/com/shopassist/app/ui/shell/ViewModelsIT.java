package com.shopassist.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.UiServices;
import com.shopassist.app.ui.chat.ChatEntry;
import com.shopassist.app.ui.chat.ChatViewModel;
import com.shopassist.app.ui.common.Formats;
import com.shopassist.app.ui.common.Ticker;
import com.shopassist.app.ui.common.UiTasks;
import com.shopassist.app.ui.kiosk.KioskSettings;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.app.wiring.CoreServices;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ShoppingAssistant;
import com.shopassist.core.clerk.ClerkCall;
import com.shopassist.core.customer.Session;
import com.shopassist.core.money.Money;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
    private static CoreServices commerce;
    private static UiServices services;
    private final AtomicLong now = new AtomicLong(1_000_000);
    private UiContext ui;
    private ShellViewModel shell;

    @BeforeAll
    static void store() {
        db = TestDatabase.freshSeeded(8);
        AppWiring app = AppWiring.over(db, Clock.systemUTC());
        commerce = app.services();
        services = app.uiServices(app.offlineAssistant(), false);
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
    void callingAClerkRecordsAnOpenCallUnderThisKiosksNameAndTellsTheShopper() {
        int before = commerce.clerkCalls().open().size();

        shell.callClerk();

        assertThat(commerce.clerkCalls().open()).hasSize(before + 1);
        assertThat(commerce.clerkCalls().open().get(before).kioskName()).isEqualTo(services.kioskName());
        assertThat(ui.feedback().latest().text()).contains("A clerk has been called");
    }

    @Test
    void aClerkWindowHearsAKioskCallAtOnceTakesItAndTheShopperHearsWhoIsComing() throws Exception {
        UiContext clerkUi = UiContext.direct(services, Locale.ENGLISH, KioskSettings.kiosk());
        ShellViewModel clerkShell = new ShellViewModel(clerkUi, now::get);
        Session kasir = commerce.customers().login("kasir@example.com", "kasir123".toCharArray());
        clerkUi.session().clerkSignedIn(kasir.customer(), kasir.token());
        int listenersBefore = listeners();
        shell.clerkCalls().start(services.clerkCallFeed(), Duration.ofMinutes(10));
        clerkShell.clerkCalls().start(services.clerkCallFeed(), Duration.ofMinutes(10));
        try {
            waitUntil(() -> listeners() == listenersBefore + 2, "both windows listen");

            shell.callClerk();

            waitUntil(
                    () -> clerkUi.feedback().latest() != null
                            && clerkUi.feedback().latest().text().contains("is calling for a clerk"),
                    "the clerk window hears the call");
            waitUntil(() -> !clerkShell.clerkCalls().open().isEmpty(), "the call is listed");
            assertThat(clerkShell.clerkCalls().showingProperty().get()).isTrue();
            ClerkCall call = clerkShell
                    .clerkCalls()
                    .open()
                    .get(clerkShell.clerkCalls().open().size() - 1);
            assertThat(call.kioskName()).isEqualTo(services.kioskName());

            clerkShell.clerkCalls().take(call);

            assertThat(clerkUi.feedback().latest().text())
                    .isEqualTo("You are on your way to " + call.kioskName() + ".");
            waitUntil(
                    () -> ui.feedback().latest().text().contains("is on the way to you"),
                    "the shopper hears who is coming");
            assertThat(ui.feedback().latest().text()).isEqualTo(firstName(kasir) + " is on the way to you.");
            clerkShell.clerkCalls().take(call);
            assertThat(clerkUi.feedback().latest().text()).contains("Another clerk already took the call");
        } finally {
            shell.clerkCalls().close();
            clerkShell.clerkCalls().close();
        }
    }

    private static String firstName(Session s) {
        return s.customer().fullName().split(" ")[0];
    }

    private static int listeners() {
        try (java.sql.Connection c = db.dataSource().getConnection();
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND query LIKE 'LISTEN shopassist_clerk_call%'")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("never: " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void addingFromACardShowsTheLineAndTheRupiahTotalInTheCartPane() {
        Product p = inStock("rice cooker");
        shell.cart().add(p.id(), p.name());
        assertThat(shell.cart().lines()).extracting(l -> l.productId()).containsExactly(p.id());
        assertThat(shell.cart().totalProperty().get()).isEqualTo(Formats.rupiah(p.price()));
        // the thumbnail is drawn for the product's category, like its card
        assertThat(shell.cart().categoryOf(p.id())).isEqualTo(p.categoryName());
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
    void aVoucherBelowItsMinimumSaysHowMuchMoreToBuyInTheShoppersLanguage() {
        Product p = commerce
                .catalog()
                .search(ProductQuery.text("headphones")
                        .withPrice(Money.of(260_000), Money.of(490_000))
                        .withInStockOnly(true))
                .items()
                .stream()
                .filter(x -> x.available() >= 2)
                .findFirst()
                .orElseThrow();
        ui.i18n().setLocale(Locale.forLanguageTag("id"));
        shell.cart().add(p.id(), p.name());
        shell.cart().voucherInputProperty().set("HEMAT50K");
        shell.cart().applyVoucher();
        String more = Formats.rupiah(Money.of(500_000).minus(p.price()));
        assertThat(ui.feedback().latest().text())
                .isEqualTo("Voucher HEMAT50K perlu belanja minimal Rp 500.000: tambah " + more + " lagi.");

        shell.cart().increment(shell.cart().lines().get(0));
        shell.cart().applyVoucher();
        assertThat(shell.cart().appliedVoucherProperty().get()).isEqualTo("HEMAT50K");
        assertThat(shell.cart().voucherProblemProperty().get()).isEmpty();

        // fewer items: the voucher stays on the cart but gives nothing, and the pane says why
        shell.cart().decrement(shell.cart().lines().get(0));
        assertThat(shell.cart().voucherProblemProperty().get())
                .isEqualTo("Voucher HEMAT50K perlu belanja minimal Rp 500.000: tambah " + more + " lagi.");
        ui.i18n().setLocale(Locale.ENGLISH);
        assertThat(shell.cart().voucherProblemProperty().get())
                .isEqualTo("Voucher HEMAT50K needs a minimum purchase of Rp 500.000: add " + more + " more.");
        commerce.carts().discard(ui.session().owner());
    }

    @Test
    void accountErrorsFollowTheChosenLanguageNotTheServicesEnglish() {
        ui.i18n().setLocale(Locale.forLanguageTag("id"));
        shell.account().emailProperty().set("siti@example.com");
        shell.account().passwordProperty().set("salah-sekali-1");
        shell.account().signIn();
        assertThat(ui.feedback().latest().text()).isEqualTo("Email atau kata sandi salah.");

        shell.account().fullNameProperty().set("Siti Lagi");
        shell.account().emailProperty().set("siti@example.com");
        shell.account().passwordProperty().set("rahasia123");
        shell.account().register();
        assertThat(ui.feedback().latest().text()).isEqualTo("Sudah ada akun dengan email ini. Silakan masuk.");

        shell.account().emailProperty().set("baru@example.com");
        shell.account().passwordProperty().set("pendek1");
        shell.account().register();
        assertThat(ui.feedback().latest().text()).isEqualTo("Kata sandi minimal 8 karakter.");

        shell.account().emailProperty().set("bukan-email");
        shell.account().passwordProperty().set("rahasia123");
        shell.account().register();
        assertThat(ui.feedback().latest().text()).isEqualTo("Itu sepertinya bukan alamat email.");
        ui.i18n().setLocale(Locale.ENGLISH);
        shell.account().passwordProperty().set("rahasia123");
        shell.account().register();
        assertThat(ui.feedback().latest().text()).isEqualTo("That doesn’t look like an email address.");
    }

    @Test
    void aLockedAccountIsAnsweredLikeAWrongPasswordAndAThrottledKioskIsToldHowLongItWaits() {
        ui.i18n().setLocale(Locale.forLanguageTag("id"));
        try {
            for (int i = 0; i < 5; i++) signIn("maria@example.com", "bukan-sandinya-" + i);
            // locked now: the right password gets the answer a wrong one gets, nothing more
            signIn("maria@example.com", "belanja123");
            assertThat(ui.feedback().latest().text()).isEqualTo("Email atau kata sandi salah.");
            for (int i = 0; i < 14; i++) signIn("tidak.ada" + i + "@example.com", "bukan-sandinya");
            // 20 failures at this kiosk within 15 minutes: the kiosk waits, whoever signs in
            signIn("budi@example.com", "belanja123");
            assertThat(ui.feedback().latest().text())
                    .isEqualTo("Terlalu banyak percobaan masuk yang gagal di kios ini. Coba lagi dalam 15 menit.");
        } finally {
            forgetFailedSignIns();
        }
    }

    private void signIn(String email, String password) {
        shell.account().emailProperty().set(email);
        shell.account().passwordProperty().set(password);
        shell.account().signIn();
    }

    /** The other tests sign in from this kiosk too. */
    private static void forgetFailedSignIns() {
        try (var c = db.dataSource().getConnection();
                var s = c.createStatement()) {
            s.execute("DELETE FROM tbl_sign_in_failure");
            s.execute("DELETE FROM tbl_sign_in_lock");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
    void theOfflineAnswerAppearsAFewWordsAtATimeWhileItsCardsAndCartAreThereAtOnce() {
        Ticker.Manual ticker = new Ticker.Manual();
        UiContext paced = UiContext.create(services, UiTasks.direct(ticker), Locale.ENGLISH, KioskSettings.kiosk());
        ShellViewModel s = new ShellViewModel(paced, now::get);
        s.chat().inputProperty().set("rice cooker");
        s.chat().send();
        ChatEntry answer = s.chat().messages().get(s.chat().messages().size() - 1);
        assertThat(answer.cards()).isNotEmpty();
        assertThat(s.chat().waitingProperty().get()).isFalse();
        assertThat(answer.streamingProperty().get()).isTrue();
        assertThat(answer.text()).isEmpty();

        ticker.tick();
        String first = answer.text();
        assertThat(first).isNotEmpty();
        // the bubble is laid out for the whole answer at once: the cards under it stay put
        assertThat(answer.fullTextProperty().get()).startsWith(first).isNotEqualTo(first);
        ticker.tick();
        assertThat(answer.text()).startsWith(first).isNotEqualTo(first);
        assertThat(answer.streamingProperty().get()).isTrue();

        s.chat().inputProperty().set("add the first one");
        s.chat().send();
        // the cart the assistant filled is in the pane before the answer has finished showing
        assertThat(s.cart().lines()).hasSize(1);
        ChatEntry second = s.chat().messages().get(s.chat().messages().size() - 1);
        assertThat(second.streamingProperty().get()).isTrue();

        int ticks = ticker.runToEnd(1_000);
        assertThat(ticks).isLessThanOrEqualTo(ChatViewModel.MAX_REVEAL_STEPS);
        assertThat(answer.streamingProperty().get()).isFalse();
        assertThat(answer.text()).startsWith("Here is what I found").contains("Rp ");
        assertThat(second.streamingProperty().get()).isFalse();
        assertThat(second.text()).isNotBlank();
        paced.services().carts().discard(paced.session().owner());
    }

    @Test
    void streamedTokensShowWhileTheAssistantIsStillWorking() {
        Ticker.Manual ticker = new Ticker.Manual();
        List<String> seenMidway = new ArrayList<>();
        ShellViewModel[] s = new ShellViewModel[1];
        // the real offline assistant, its answer handed out in tokens as Gemini does; halfway the
        // UI ticks, as its timer would while the model is still producing
        ShoppingAssistant tokenised = new ShoppingAssistant() {
            @Override
            public AssistantReply reply(ChatContext c, String m) {
                return services.assistant().reply(c, m);
            }

            @Override
            public AssistantReply reply(ChatContext c, String m, Consumer<String> onToken) {
                AssistantReply r = services.assistant().reply(c, m);
                String[] words = r.text().split("(?<= )");
                for (int i = 0; i < words.length; i++) {
                    onToken.accept(words[i]);
                    if (i == words.length / 2) {
                        ticker.tick();
                        var last = s[0].chat()
                                .messages()
                                .get(s[0].chat().messages().size() - 1);
                        seenMidway.add(last.text());
                        seenMidway.add(
                                Boolean.toString(s[0].chat().typingProperty().get()));
                    }
                }
                return r;
            }

            @Override
            public AssistantReply confirm(ChatContext c, String id, boolean accept) {
                return services.assistant().confirm(c, id, accept);
            }
        };
        UiServices withTokens = new UiServices(
                services.catalog(),
                services.carts(),
                services.vouchers(),
                services.checkout(),
                services.orders(),
                services.customers(),
                services.privacy(),
                services.stock(),
                tokenised,
                services.gifts(),
                services.databaseProbe(),
                true,
                services.store(),
                services.outbox(),
                services.clerkCalls(),
                services.kioskName(),
                services.clerkCallFeed(),
                services.history(),
                services.reports(),
                services.budget());
        UiContext paced = UiContext.create(withTokens, UiTasks.direct(ticker), Locale.ENGLISH, KioskSettings.kiosk());
        s[0] = new ShellViewModel(paced, now::get);
        s[0].chat().inputProperty().set("blender");
        s[0].chat().send();

        assertThat(seenMidway.get(0)).startsWith("Here");
        assertThat(seenMidway.get(1)).as("typing dots gone once text streams").isEqualTo("false");
        ChatEntry answer = s[0].chat().messages().get(s[0].chat().messages().size() - 1);
        ticker.runToEnd(1_000);
        assertThat(answer.text()).startsWith(seenMidway.get(0)).contains("blender");
        assertThat(answer.text().length()).isGreaterThan(seenMidway.get(0).length());
    }

    @Test
    void theIdleClockStartsWhenAnAnswerHasBeenShownNotWhenTheQuestionWasAsked() {
        shell.idle().activity();
        now.addAndGet(170_000); // a question asked long ago, its answer only now fully shown
        shell.chat().inputProperty().set("hello");
        shell.chat().send();
        shell.idle().tick();
        assertThat(shell.idle().phase()).isEqualTo(com.shopassist.app.ui.kiosk.IdleMonitor.Phase.ACTIVE);
        now.addAndGet(170_000);
        shell.idle().tick();
        assertThat(shell.idle().phase()).isEqualTo(com.shopassist.app.ui.kiosk.IdleMonitor.Phase.WARNING);
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
