package com.shopassist.app.ui.shell;

import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.UiContext;
import com.shopassist.app.ui.account.AccountView;
import com.shopassist.app.ui.account.PrivacyView;
import com.shopassist.app.ui.cart.CartView;
import com.shopassist.app.ui.catalog.CatalogView;
import com.shopassist.app.ui.catalog.CompareView;
import com.shopassist.app.ui.catalog.GiftFinderView;
import com.shopassist.app.ui.catalog.ProductDetailView;
import com.shopassist.app.ui.chat.ChatView;
import com.shopassist.app.ui.checkout.CheckoutView;
import com.shopassist.app.ui.checkout.OrdersView;
import com.shopassist.app.ui.clerk.ClerkCallsView;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.Views;
import com.shopassist.app.ui.history.HistoryView;
import com.shopassist.app.ui.kiosk.IdleMonitor;
import com.shopassist.app.ui.kiosk.OnScreenKeyboard;
import com.shopassist.app.ui.staff.StaffView;
import com.shopassist.app.ui.staff.StaffViewModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The main window: header (navigation, status badges, language, look, account, call a clerk),
 * the database banner, the page in the centre, the cart pane on the right, and in kiosk mode the
 * on-screen keyboard and the idle countdown.
 */
public final class MainWindow extends StackPane {

    public static final String STYLESHEET = "/com/shopassist/app/ui/shopassist.css";

    private final ShellViewModel vm;
    private final UiContext ui;
    private final I18n i18n;
    private final Appearance appearance;
    private final StackPane pageHost = new StackPane();
    private final Map<Page, Node> pages = new EnumMap<>(Page.class);
    private final Map<Page, Supplier<Node>> factories = new EnumMap<>(Page.class);
    private final ToastLane toasts = new ToastLane();
    private final ModalPane modal = new ModalPane();
    private final OnScreenKeyboard keyboard;
    private final BorderPane frame = new BorderPane();
    private final CartView cartView;
    private ChatView chatView;
    private CatalogView catalogView;
    private final Timeline ticker;

    public MainWindow(ShellViewModel vm, Appearance appearance) {
        this.vm = vm;
        this.ui = vm.ui();
        this.i18n = ui.i18n();
        this.appearance = appearance;
        setId("main-window");
        getStyleClass().add("main-window");
        if (ui.kiosk().enabled()) getStyleClass().add("kiosk");
        getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());

        cartView = new CartView(vm.cart(), i18n);
        keyboard = new OnScreenKeyboard(i18n);
        var cards = vm.cardActions();
        factories.put(Page.CHAT, () -> {
            chatView = new ChatView(vm.chat(), i18n, cards);
            if (ui.kiosk().enabled()) chatView.setAfterSend(() -> keyboard.show(false));
            return chatView;
        });
        factories.put(Page.BROWSE, () -> catalogView = new CatalogView(vm.catalog(), i18n, cards));
        factories.put(Page.PRODUCT, () -> new ProductDetailView(vm.catalog(), i18n, cards, vm::back));
        factories.put(Page.COMPARE, () -> new CompareView(vm.compare(), i18n, cards));
        factories.put(Page.GIFTS, () -> new GiftFinderView(vm.gifts(), i18n, cards));
        factories.put(
                Page.CHECKOUT,
                () -> new CheckoutView(vm.checkout(), ui.session(), i18n, new CheckoutView.Navigation() {
                    @Override
                    public void signIn() {
                        vm.navigate(Page.ACCOUNT);
                    }

                    @Override
                    public void continueShopping() {
                        vm.navigate(Page.CHAT);
                    }

                    @Override
                    public void orders() {
                        vm.navigate(Page.ORDERS);
                    }
                }));
        factories.put(Page.ORDERS, () -> new OrdersView(vm.orders(), i18n));
        factories.put(
                Page.ACCOUNT,
                () -> new AccountView(vm.account(), ui.session(), i18n, new AccountView.Navigation() {
                    @Override
                    public void orders() {
                        vm.navigate(Page.ORDERS);
                    }

                    @Override
                    public void privacy() {
                        vm.navigate(Page.PRIVACY);
                    }
                }));
        factories.put(
                Page.PRIVACY,
                () -> new PrivacyView(vm.privacy(), i18n, ui.kiosk().enabled(), vm::back));
        factories.put(Page.HISTORY, () -> new HistoryView(vm.chatHistory(), i18n));
        factories.put(Page.STAFF, () -> new StaffView(vm.staff(), i18n, java.time.ZoneId.systemDefault()));

        VBox top = new VBox(header(), banner(), new ClerkCallsView(vm.clerkCalls(), i18n));
        // the feed waits for the services (a first start seeds first): never on the FX thread
        ui.tasks()
                .quietly(
                        () -> {
                            vm.clerkCalls().start(ui.services().clerkCallFeed(), java.time.Duration.ofSeconds(30));
                            return true;
                        },
                        started -> {});
        frame.setTop(top);
        // under the page: the messages' lane (never over the conversation), then the on-screen
        // keyboard, so the cart pane keeps its full height
        VBox center = new VBox(pageHost, toasts, keyboard);
        VBox.setVgrow(pageHost, Priority.ALWAYS);
        frame.setCenter(center);
        frame.setLeft(rail());
        pageHost.getStyleClass().add("page-host");
        frame.setRight(cartView);
        frame.setBottom(bottom());

        modal.setId("modal");
        getChildren().addAll(frame, modal);

        vm.pageProperty().addListener((o, a, now) -> show(now));
        // nothing of the previous shopper stays on screen, not even a "welcome back, Siti"
        ui.session().epochProperty().addListener((o, a, b) -> dismissToasts());
        show(vm.pageProperty().get());
        ui.feedback().latestProperty().addListener((o, a, note) -> {
            if (note != null) toasts.show(note);
        });
        vm.idle().phaseProperty().addListener((o, a, phase) -> {
            if (phase == IdleMonitor.Phase.WARNING) showIdleDialog();
            else modal.hide(true);
        });
        appearance.bind(this);

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private int seconds;

    /** How often the cards in the chat ask for their stock again. */
    static final int CARD_STOCK_SECONDS = 60;

    private void tick() {
        if (ui.kiosk().enabled()) vm.idle().tick();
        if (++seconds % 5 == 0) vm.checkDatabase();
        // stock changes under the cards shown in the chat (other kiosks, the till): show it
        if (seconds % CARD_STOCK_SECONDS == 0) vm.chat().refreshCardStock();
        if (seconds % StaffViewModel.REFRESH_SECONDS == 0 && vm.pageProperty().get() == Page.STAFF) {
            vm.staff().refresh();
        }
    }

    /** Wires what needs the scene: shortcuts, kiosk input (activity, scanner), the on-screen keyboard. */
    public void install(Scene scene) {
        new KioskInput(vm, ui.kiosk()).install(scene);
        if (ui.kiosk().enabled()) keyboard.attach(scene);
        shortcuts(scene);
    }

    /** Takes every message off the screen (a reset, or a screenshot of the page alone). */
    public void dismissToasts() {
        toasts.dismissAll();
    }

    public void stop() {
        ticker.stop();
        vm.clerkCalls().close();
    }

    public OnScreenKeyboard keyboard() {
        return keyboard;
    }

    public ShellViewModel viewModel() {
        return vm;
    }

    private void show(Page p) {
        Node n = pages.computeIfAbsent(p, k -> factories.get(k).get());
        pageHost.getChildren().setAll(n);
        frame.setRight(p == Page.CHECKOUT || p == Page.PRIVACY || p == Page.STAFF ? null : cartView);
    }

    // ------------------------------------------------------------------ header

    private Node header() {
        FontIcon logoIcon = new FontIcon(Material2MZ.STOREFRONT);
        logoIcon.getStyleClass().add("logo-icon");
        Label logo = new Label("ShopAssist", logoIcon);
        logo.getStyleClass().add("logo");
        logo.setMinWidth(Region.USE_PREF_SIZE);

        Label offline = warningPill(
                "assistant-offline-badge",
                i18n.bind("status.assistantOffline"),
                vm.chat().offlineProperty(),
                i18n.bind("status.assistantOfflineHint"));

        Button lang = new Button();
        lang.setId("language-toggle");
        lang.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> i18n.isIndonesian() ? "Bahasa Indonesia" : "English", i18n.localeProperty()));
        lang.setGraphic(new FontIcon(Material2MZ.TRANSLATE));
        lang.getStyleClass().addAll(Styles.FLAT, "header-button");
        lang.setOnAction(e -> i18n.toggle());
        tip(lang, "header.language");

        Button smaller = new Button("A−");
        smaller.setId("font-smaller");
        smaller.getStyleClass().addAll(Styles.FLAT, "header-button", "font-button", Styles.LEFT_PILL);
        smaller.setOnAction(e -> appearance.smaller());
        tip(smaller, "header.smaller");
        Button larger = new Button("A+");
        larger.setId("font-larger");
        larger.getStyleClass().addAll(Styles.FLAT, "header-button", "font-button", Styles.RIGHT_PILL);
        larger.setOnAction(e -> appearance.larger());
        tip(larger, "header.larger");
        HBox fontBox = new HBox(0, smaller, larger);

        ToggleButton dark = new ToggleButton(null, new FontIcon(Material2MZ.NIGHTS_STAY));
        dark.setId("theme-toggle");
        dark.getStyleClass().addAll(Styles.FLAT, "header-button");
        dark.selectedProperty().bindBidirectional(appearance.darkProperty());
        tip(dark, "header.dark");
        ToggleButton contrast = new ToggleButton(null, new FontIcon(Material2AL.INVERT_COLORS));
        contrast.setId("contrast-toggle");
        contrast.getStyleClass().addAll(Styles.FLAT, "header-button");
        contrast.selectedProperty().bindBidirectional(appearance.highContrastProperty());
        tip(contrast, "header.contrast");

        Button account = new Button();
        account.setId("account-button");
        account.textProperty().bind(vm.whoLabel());
        account.setGraphic(new FontIcon(Material2AL.ACCOUNT_CIRCLE));
        account.getStyleClass().addAll("header-button", "account-button");
        account.setOnAction(e -> vm.navigate(Page.ACCOUNT));

        Label replica = warningPill(
                "replica-badge", vm.replica().text(), vm.replica().showing(), i18n.bind("status.replicaHint"));

        HBox right = new HBox(8, replica, offline, lang, fontBox, dark, contrast, account);
        if (ui.kiosk().enabled()) {
            Button clerk = Views.button(i18n, "header.callClerk", Material2MZ.SUPPORT_AGENT, Styles.WARNING);
            clerk.setId("call-clerk");
            clerk.getStyleClass().add("call-clerk");
            clerk.setOnAction(e -> vm.callClerk());
            right.getChildren().add(clerk);
        }
        for (Node n : right.getChildren()) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        for (Node n : fontBox.getChildren()) ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        right.setAlignment(Pos.CENTER_RIGHT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(18, logo, grow, right);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("app-header");
        bar.setPadding(new Insets(10, 16, 10, 16));
        return bar;
    }

    /** The navigation rail on the left: big icon-over-label buttons, easy to hit on a touch screen. */
    private Node rail() {
        ToggleGroup nav = new ToggleGroup();
        VBox box = new VBox(
                6,
                navButton(nav, Page.CHAT, "nav.chat", Material2AL.CHAT),
                navButton(nav, Page.BROWSE, "nav.browse", Material2AL.CATEGORY),
                navButton(nav, Page.GIFTS, "nav.gifts", Material2AL.CARD_GIFTCARD),
                compareButton(nav),
                navButton(nav, Page.ORDERS, "nav.orders", Material2MZ.RECEIPT_LONG),
                shownWhile(
                        navButton(nav, Page.HISTORY, "nav.history", Material2AL.FORUM),
                        vm.chatHistory().offeredProperty()),
                shownWhile(
                        navButton(nav, Page.STAFF, "nav.staff", Material2AL.INSIGHTS),
                        ui.session().clerkProperty().isNotNull()));
        box.getStyleClass().add("nav-rail");
        box.setAlignment(Pos.TOP_CENTER);
        box.setPadding(new Insets(12, 8, 12, 8));
        return box;
    }

    private void tip(javafx.scene.control.Control c, String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(i18n.bind(key));
        c.setTooltip(t);
    }

    private ToggleButton navButton(ToggleGroup group, Page page, String key, Ikon icon) {
        ToggleButton b = new ToggleButton();
        b.setId("nav-" + page.name().toLowerCase(java.util.Locale.ROOT));
        b.textProperty().bind(i18n.bind(key));
        b.setGraphic(new FontIcon(icon));
        b.setToggleGroup(group);
        b.getStyleClass().addAll(Styles.FLAT, "nav-button");
        b.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setWrapText(true);
        b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        b.setSelected(vm.pageProperty().get() == page);
        b.setOnAction(e -> {
            b.setSelected(true);
            vm.navigate(page);
        });
        vm.pageProperty()
                .addListener((o, a, now) -> b.setSelected(now == page || (page == Page.BROWSE && now == Page.PRODUCT)));
        return b;
    }

    /** A rail button for one person's page: there only while it is theirs to open. */
    private static ToggleButton shownWhile(ToggleButton b, ObservableValue<Boolean> allowed) {
        b.visibleProperty().bind(allowed);
        b.managedProperty().bind(b.visibleProperty());
        return b;
    }

    private ToggleButton compareButton(ToggleGroup group) {
        ToggleButton b = navButton(group, Page.COMPARE, "nav.compare", Material2AL.COMPARE_ARROWS);
        b.textProperty().unbind();
        var compare = ui.session().compare();
        b.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> compare.isEmpty() ? i18n.t("nav.compare") : i18n.t("nav.compareCount", compare.size()),
                        compare,
                        i18n.localeProperty()));
        return b;
    }

    // ------------------------------------------------------------------ banner, progress, keyboard

    private Node banner() {
        FontIcon icon = new FontIcon(Material2AL.CLOUD_OFF);
        Label text = Views.label(i18n, "status.dbDown");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button retry = Views.button(i18n, "status.retry", Material2MZ.REFRESH, Styles.SMALL);
        retry.setOnAction(e -> vm.checkDatabase());
        HBox banner = new HBox(10, icon, text, retry);
        banner.setId("db-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("db-banner");
        banner.setPadding(new Insets(10, 16, 10, 16));
        // while the replica answers, its badge says so instead
        banner.visibleProperty()
                .bind(ui.db().upProperty().not().and(vm.replica().showing().not()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node bottom() {
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("busy-indicator");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.getStyleClass().add(Styles.SMALL);
        progress.visibleProperty().bind(ui.tasks().busyProperty());
        progress.managedProperty().set(true);
        progress.setPrefHeight(4);
        return progress;
    }

    // ------------------------------------------------------------------ toasts and dialogs

    private void showIdleDialog() {
        FontIcon icon = new FontIcon(Material2AL.HOURGLASS_TOP);
        icon.getStyleClass().add("icon-48");
        icon.getStyleClass().add("idle-icon");
        Label title = Views.label(i18n, "idle.title", Styles.TITLE_2);
        Label text = new Label();
        text.textProperty().bind(i18n.bind("idle.countdown", vm.idle().secondsLeftProperty()));
        text.setWrapText(true);
        text.setId("idle-countdown");
        Button stay = Views.button(i18n, "idle.stay", Material2MZ.PAN_TOOL, Styles.ACCENT, Styles.LARGE);
        stay.setId("idle-stay");
        stay.setOnAction(e -> vm.idle().activity());
        Button restart = Views.button(i18n, "idle.restart", Material2MZ.REPLAY, Styles.LARGE);
        restart.setOnAction(e -> vm.idle().resetNow());
        HBox buttons = new HBox(12, stay, restart);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(14, icon, title, text, buttons);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(28));
        box.setMaxSize(480, Region.USE_PREF_SIZE);
        box.getStyleClass().add("dialog-card");
        box.setId("idle-dialog");
        modal.show(box);
    }

    // ------------------------------------------------------------------ shortcuts

    private void shortcuts(Scene scene) {
        var acc = scene.getAccelerators();
        acc.put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> vm.navigate(Page.CHAT));
        acc.put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> vm.navigate(Page.BROWSE));
        acc.put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), () -> vm.navigate(Page.GIFTS));
        acc.put(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN), () -> vm.navigate(Page.COMPARE));
        acc.put(new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN), () -> vm.navigate(Page.ORDERS));
        acc.put(new KeyCodeCombination(KeyCode.DIGIT6, KeyCombination.SHORTCUT_DOWN), () -> vm.navigate(Page.ACCOUNT));
        acc.put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
            vm.navigate(Page.CHAT);
            if (chatView != null) chatView.input().requestFocus();
        });
        acc.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            vm.navigate(Page.BROWSE);
            if (catalogView != null) catalogView.searchField().requestFocus();
        });
        acc.put(
                new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                () -> vm.cart().checkout());
        acc.put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), appearance::larger);
        acc.put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), appearance::larger);
        acc.put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), appearance::smaller);
        acc.put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), appearance::smaller);
        acc.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), appearance::resetFont);
        acc.put(
                new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
                () -> appearance.darkProperty().set(!appearance.darkProperty().get()));
        acc.put(
                new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN),
                () -> appearance
                        .highContrastProperty()
                        .set(!appearance.highContrastProperty().get()));
        acc.put(
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                i18n::toggle);
        acc.put(new KeyCodeCombination(KeyCode.ESCAPE), vm::back);
    }

    /** A warning pill of the header: shown while {@code showing}, with {@code hint} on hover. */
    private static Label warningPill(
            String id, ObservableValue<String> text, ObservableValue<Boolean> showing, ObservableValue<String> hint) {
        Label pill = new Label();
        pill.setId(id);
        pill.textProperty().bind(text);
        pill.setGraphic(new FontIcon(Material2AL.CLOUD_OFF));
        pill.getStyleClass().addAll("status-pill", "warning-pill");
        pill.visibleProperty().bind(showing);
        pill.managedProperty().bind(pill.visibleProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(hint);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        pill.setTooltip(tip);
        return pill;
    }
}
