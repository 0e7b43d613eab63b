package com.shopassist.app.ui;

import com.shopassist.app.ui.kiosk.KioskSettings;
import com.shopassist.core.voucher.VoucherService;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.input.KeyCode;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Takes the screenshots in docs/screenshots of the real window (seeded PostgreSQL, real services,
 * offline assistant), headless. Not part of the test run (its name ends in neither Test nor IT);
 * run it with the command in CONTRIBUTING.md, which writes the PNGs to {@code -Dscreenshots.dir}.
 */
class ScreenshotTour extends UiTestBase {

    private static final Path DIR = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private Database own;
    private String current;

    @Override
    protected UiOptions options(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName();
        current = name;
        UiOptions o = UiOptions.defaults();
        return switch (name) {
            case "dark" -> new UiOptions(o.kiosk(), Locale.ENGLISH, true, false, 1.0, false, false);
            case "highContrast" -> new UiOptions(o.kiosk(), Locale.ENGLISH, false, true, 1.0, false, false);
            case "kiosk" -> o.withKiosk(KioskSettings.kiosk());
            case "kioskStillThere" ->
                o.withKiosk(new KioskSettings(true, Duration.ofSeconds(14), Duration.ofSeconds(9), 50, null));
            case "indonesian", "indonesianVoucher" -> o.withLocale(Locale.forLanguageTag("id"));
            case "history", "staff" -> o.withKiosk(KioskSettings.kiosk());
            case "historyDark", "staffDark" ->
                new UiOptions(KioskSettings.kiosk(), Locale.ENGLISH, true, false, 1.0, false, false);
            default -> o;
        };
    }

    /** The window's services with the app's assistant, whose turns are stored (past chats need them). */
    private static UiServices stored;

    @Override
    protected UiServices services() {
        if (current.startsWith("history")) {
            if (stored == null) {
                var app = com.shopassist.app.wiring.AppWiring.over(db, java.time.Clock.systemUTC());
                stored = app.uiServices(
                        app.assistant(com.shopassist.app.wiring.AppWiring.AssistantMode.OFFLINE_ONLY), false);
            }
            return stored;
        }
        if ("offlineBanner".equals(current)) {
            // a database of its own, closed under the running window
            own = TestDatabase.freshSeeded(4);
            return offlineServices(own);
        }
        return services;
    }

    @org.junit.jupiter.api.BeforeEach
    void kioskScreen() throws Exception {
        if (ui.kiosk().enabled()) {
            // a kiosk is a full HD touch screen
            WaitForAsyncUtils.asyncFx(() -> {
                        stage.setX(0);
                        stage.setY(0);
                        stage.setWidth(1920);
                        stage.setHeight(1080);
                    })
                    .get();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void closeOwn() {
        if (own != null) own.close();
        own = null;
    }

    private void shot(String name) throws Exception {
        shot(name, false);
    }

    private void shot(String name, boolean keepMessages) throws Exception {
        waitUntil("quiet", () -> ui.tasks().running() == 0);
        waitUntil(
                "answers fully shown",
                () -> shell.chat().messages().stream()
                        .noneMatch(e -> e.streamingProperty().get()));
        if (!keepMessages) WaitForAsyncUtils.asyncFx(window::dismissToasts).get();
        WaitForAsyncUtils.sleep(700, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        var img =
                WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        Files.createDirectories(DIR);
        ImageIO.write(
                SwingFXUtils.fromFXImage(img, null),
                "png",
                DIR.resolve(name + ".png").toFile());
    }

    private void chatAndAdd(FxRobot robot, String question) {
        robot.clickOn("#chat-input").write(question).type(KeyCode.ENTER);
        waitUntil("cards", () -> exists(robot, ".chat-cards .product-card"));
        robot.clickOn(firstAddButton(robot, ".chat-cards"));
        waitUntil("cart", () -> !shell.cart().lines().isEmpty());
    }

    private void signIn(FxRobot robot, String email, String password) {
        robot.clickOn("#account-button");
        robot.clickOn("#signin-email").write(email);
        robot.clickOn("#signin-password").write(password);
        robot.clickOn("#signin-button");
        waitUntil(
                "signed in",
                () -> ui.session().customer() != null || ui.session().isClerkMode());
    }

    @Test
    void light(FxRobot robot) throws Exception {
        chatAndAdd(robot, "running shoes under 1 juta");
        shot("01-chat-light");
    }

    @Test
    void streaming(FxRobot robot) throws Exception {
        robot.clickOn("#chat-input").write("gift for my dad who likes coffee").type(KeyCode.ENTER);
        waitUntil("an answer half shown", () -> {
            var m = shell.chat().messages();
            var last = m.get(m.size() - 1);
            return last.streamingProperty().get()
                    && last.text().length() > 30
                    && last.text().length() < last.fullTextProperty().get().length() * 2 / 3;
        });
        var img =
                WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        Files.createDirectories(DIR);
        ImageIO.write(
                SwingFXUtils.fromFXImage(img, null),
                "png",
                DIR.resolve("19-chat-streaming.png").toFile());
    }

    @Test
    void dark(FxRobot robot) throws Exception {
        chatAndAdd(robot, "wireless headphones");
        shot("02-chat-dark");
    }

    @Test
    void kiosk(FxRobot robot) throws Exception {
        chatAndAdd(robot, "rice cooker");
        robot.clickOn("#chat-input").write("ada voucher");
        shot("03-kiosk-keyboard");
    }

    @Test
    void kioskStillThere(FxRobot robot) throws Exception {
        chatAndAdd(robot, "blender");
        waitUntil("the countdown", () -> showing(robot, "#idle-dialog"));
        shot("04-kiosk-still-there");
    }

    @Test
    void indonesian(FxRobot robot) throws Exception {
        chatAndAdd(robot, "sepatu lari di bawah 1 juta");
        shot("05-indonesian-chat");
        robot.clickOn("#nav-browse");
        waitUntil("grid", () -> exists(robot, ".product-grid .product-card"));
        shot("06-indonesian-browse");
    }

    @Test
    void indonesianVoucher(FxRobot robot) throws Exception {
        var p = commerce.catalog()
                .search(com.shopassist.core.catalog.ProductQuery.text("headphones")
                        .withPrice(
                                com.shopassist.core.money.Money.of(150_000),
                                com.shopassist.core.money.Money.of(400_000))
                        .withInStockOnly(true))
                .items()
                .get(0);
        WaitForAsyncUtils.asyncFx(() -> shell.cart().add(p.id(), p.name())).get();
        waitUntil("cart", () -> !shell.cart().lines().isEmpty());
        robot.clickOn("#voucher-input").write("HEMAT50K");
        robot.clickOn("#voucher-apply");
        waitUntil(
                "the refusal",
                () -> ui.feedback().latest() != null
                        && ui.feedback().latest().text().contains("HEMAT50K"));
        shot("18-indonesian-voucher-refused", true);
    }

    @Test
    void browseDetailCompare(FxRobot robot) throws Exception {
        robot.clickOn("#nav-browse");
        waitUntil("grid", () -> exists(robot, ".product-grid .product-card"));
        robot.clickOn("#catalog-search").write("headphones");
        robot.clickOn("#catalog-search-button");
        waitUntil(
                "results",
                () -> exists(robot, ".product-grid .product-card") && ui.tasks().running() == 0);
        shot("07-browse-search");
        var cards = shell.catalog().results();
        for (int i = 0; i < Math.min(3, cards.size()); i++) {
            var p = cards.get(i);
            WaitForAsyncUtils.asyncFx(() -> shell.compare().add(p.id(), p.name()))
                    .get();
        }
        long first = cards.get(0).id();
        WaitForAsyncUtils.asyncFx(() -> shell.showProduct(first)).get();
        waitUntil("detail", () -> exists(robot, "#detail-add"));
        shot("08-product-detail");
        robot.clickOn("#nav-compare");
        waitUntil("compare", () -> shell.compare().products().size() >= 2);
        shot("09-compare");
    }

    @Test
    void giftFinder(FxRobot robot) throws Exception {
        robot.clickOn("#nav-gifts");
        WaitForAsyncUtils.asyncFx(() -> {
                    shell.gifts().recipientProperty().set("dad");
                    shell.gifts().budgetProperty().set("750.000");
                    shell.gifts().interestsProperty().set("coffee");
                })
                .get();
        robot.clickOn("#gift-find");
        waitUntil("ideas", () -> !shell.gifts().ideas().isEmpty() || ui.tasks().running() == 0);
        shot("10-gift-finder");
    }

    @Test
    void checkout(FxRobot robot) throws Exception {
        signIn(robot, "budi@example.com", "belanja123");
        chatAndAdd(robot, "running shoes");
        robot.clickOn("#nav-browse");
        waitUntil("grid", () -> exists(robot, ".product-grid .product-card"));
        robot.clickOn(firstAddButton(robot, ".product-grid"));
        waitUntil("two lines", () -> shell.cart().lines().size() >= 2);
        var owner = ui.session().owner();
        var voucher = commerce.carts().voucherOptions(owner).stream()
                .filter(VoucherService.VoucherOption::applies)
                .findFirst();
        if (voucher.isPresent()) {
            robot.clickOn("#voucher-input").write(voucher.get().voucher().code());
            robot.clickOn("#voucher-apply");
            waitUntil(
                    "voucher",
                    () -> !shell.cart().appliedVoucherProperty().get().isEmpty());
        }
        robot.clickOn("#checkout-button");
        waitUntil("address", () -> shell.checkout().addressProperty().get() != null);
        shot("11-checkout");
        robot.clickOn("#checkout-confirm");
        waitUntil("confirmation", () -> exists(robot, "#order-number"));
        shot("12-order-confirmation");
        robot.clickOn("#nav-orders");
        waitUntil("orders", () -> !shell.orders().orders().isEmpty());
        shot("13-orders");
    }

    @Test
    void clerk(FxRobot robot) throws Exception {
        signIn(robot, "kasir@example.com", "kasir123");
        robot.clickOn("#clerk-lookup").write("budi");
        robot.type(KeyCode.ENTER);
        waitUntil("found", () -> !shell.account().found().isEmpty());
        shot("14-clerk-lookup");
    }

    @Test
    void privacy(FxRobot robot) throws Exception {
        signIn(robot, "siti@example.com", "belanja123");
        robot.clickOn("#account-button");
        robot.clickOn("#privacy-button");
        robot.clickOn("#privacy-export");
        waitUntil("export", () -> !shell.privacy().exportedProperty().get().isEmpty());
        shot("15-privacy");
    }

    @Test
    void highContrast(FxRobot robot) throws Exception {
        chatAndAdd(robot, "smartphone");
        shot("16-high-contrast");
    }

    @Test
    void offlineBanner(FxRobot robot) throws Exception {
        robot.clickOn("#nav-browse");
        waitUntil("grid", () -> exists(robot, ".product-grid .product-card"));
        own.close();
        waitUntil("banner", () -> showing(robot, "#db-banner"));
        robot.clickOn(firstAddButton(robot, ".product-grid"));
        waitUntil("the refusal", () -> ui.feedback().latest() != null);
        shot("17-database-unreachable", true);
    }

    @Test
    void history(FxRobot robot) throws Exception {
        pastChats(robot, "20-chat-history-kiosk");
    }

    @Test
    void historyDark(FxRobot robot) throws Exception {
        pastChats(robot, null);
        robot.clickOn("#history-delete");
        waitUntil("the question", () -> showing(robot, "#history-delete-ask"));
        shot("21-chat-history-delete-kiosk-dark");
    }

    @Test
    void staff(FxRobot robot) throws Exception {
        staffPanel(robot, "22-staff-panel-kiosk");
    }

    @Test
    void staffDark(FxRobot robot) throws Exception {
        staffPanel(robot, "23-staff-panel-kiosk-dark");
    }

    /** Budi's chats (made once for both shots), the second one open to read; a shot unless {@code name} is null. */
    private void pastChats(FxRobot robot, String name) throws Exception {
        signIn(robot, "budi@example.com", "belanja123");
        long budi = ui.session().customer().id();
        if (services().history().chats(budi, 10).isEmpty()) {
            for (String ask : new String[] {
                "rice cooker for a family of four", "running shoes under 1 juta", "a gift for my dad who likes coffee"
            }) {
                WaitForAsyncUtils.asyncFx(() -> shell.chat().startNewChat()).get();
                robot.clickOn("#nav-chat");
                robot.clickOn("#chat-input").write(ask).type(KeyCode.ENTER);
                waitUntil(
                        "the answer",
                        () -> !shell.chat().waitingProperty().get()
                                && shell.chat().messages().size() >= 3);
            }
        }
        robot.clickOn("#nav-history");
        waitUntil("the list", () -> shell.chatHistory().chats().size() >= 3);
        var second = shell.chatHistory().chats().get(1);
        WaitForAsyncUtils.asyncFx(() -> shell.chatHistory().select(second)).get();
        waitUntil(
                "its messages",
                () -> shell.chatHistory().transcriptProperty().get() != null && exists(robot, "#history-continue"));
        WaitForAsyncUtils.asyncFx(() -> window.keyboard().show(false)).get();
        if (name != null) shot(name);
    }

    /** A store's morning: turns of every layer, what they cost against the cap, two kiosks calling for a clerk. */
    private void staffPanel(FxRobot robot, String name) throws Exception {
        try (var c = db.dataSource().getConnection();
                var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT count(*) FROM aichatbot.chat_turn");
            rs.next();
            if (rs.getLong(1) == 0) {
                st.execute("INSERT INTO aichatbot.chat_session (chat_session_id, guest_key)"
                        + " VALUES ('00000000-0000-0000-0000-0000000000a1', 'kiosk-tour')");
                st.execute("INSERT INTO aichatbot.chat_turn (chat_session_id, assistant, latency_ms)"
                        + " SELECT '00000000-0000-0000-0000-0000000000a1',"
                        + " CASE WHEN i % 20 < 13 THEN 'gemini-flash' WHEN i % 20 < 15 THEN 'gemini-pro'"
                        + " WHEN i % 20 < 19 THEN 'offline' ELSE 'fallback' END,"
                        + " CASE WHEN i % 20 < 13 THEN 900 + (i * 137) % 1900 WHEN i % 20 < 15 THEN 3500 + (i * 211) % 4000"
                        + " WHEN i % 20 < 19 THEN 40 + (i * 17) % 160 ELSE 6 END"
                        + " FROM generate_series(1, 164) AS i");
                // the store's ledger: two kiosks' model calls today against a US$ 5 daily cap
                st.execute("INSERT INTO aichatbot.ai_spend_day (day, kiosk_id, tokens, cost_usd) VALUES"
                        + " ((now() AT TIME ZONE 'Asia/Jakarta')::date, 'kiosk-lantai-2', 1840000, 2.21),"
                        + " ((now() AT TIME ZONE 'Asia/Jakarta')::date, 'till-3', 1170000, 1.39)");
                st.execute("UPDATE aichatbot.ai_spend_cap SET daily_usd = 5, updated_at = now()");
            }
        }
        if (commerce.clerkCalls().open().isEmpty()) {
            commerce.clerkCalls().call("Kiosk Lantai 2");
            commerce.clerkCalls().call("Till 3");
        }
        signIn(robot, "kasir@example.com", "kasir123");
        // the calls strip moves the rail down when it appears: aim once it is there
        waitUntil("the calls strip", () -> shell.clerkCalls().open().size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nav-staff");
        waitUntil("the figures", () -> shell.staff().todayProperty().get() != null);
        shot(name);
    }
}
