package com.shopassist.app.ui.account;

import atlantafx.base.theme.Styles;
import com.shopassist.app.ui.common.I18n;
import com.shopassist.app.ui.common.ShopSession;
import com.shopassist.app.ui.common.Views;
import com.shopassist.core.customer.Customer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Sign in / register for guests; the profile for customers; the clerk's customer lookup. */
public final class AccountView extends ScrollPane {

    /** Where the profile's buttons lead. */
    public interface Navigation {
        void orders();

        void privacy();
    }

    private final AccountViewModel vm;
    private final ShopSession session;
    private final I18n i18n;
    private final Navigation nav;
    private final VBox content = new VBox(18);

    public AccountView(AccountViewModel vm, ShopSession session, I18n i18n, Navigation nav) {
        this.vm = vm;
        this.session = session;
        this.i18n = i18n;
        this.nav = nav;
        setId("account-view");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.setPadding(new Insets(20, 24, 24, 24));
        content.setMaxWidth(720);
        setContent(content);
        session.customerProperty().addListener((o, a, b) -> render());
        session.clerkProperty().addListener((o, a, b) -> render());
        vm.found().addListener((ListChangeListener<Customer>) c -> render());
        render();
    }

    private void render() {
        content.getChildren().setAll(Views.title(i18n, "account.title"));
        if (session.isClerkMode()) content.getChildren().add(clerkPanel());
        if (session.customer() != null) content.getChildren().add(profile(session.customer()));
        else if (!session.isClerkMode()) content.getChildren().add(guestForms());
    }

    private Node guestForms() {
        TextField email = new TextField();
        email.setId("signin-email");
        email.promptTextProperty().bind(i18n.bind("account.email"));
        email.textProperty().bindBidirectional(vm.emailProperty());
        PasswordField password = new PasswordField();
        password.setId("signin-password");
        password.promptTextProperty().bind(i18n.bind("account.password"));
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setOnAction(e -> vm.signIn());
        Button signIn = Views.button(i18n, "account.signIn", Material2AL.LOGIN, Styles.ACCENT);
        signIn.setId("signin-button");
        signIn.setDefaultButton(false);
        signIn.setOnAction(e -> vm.signIn());
        Label guestHint = Views.label(i18n, "account.guestHint", Styles.TEXT_MUTED);
        guestHint.setWrapText(true);
        VBox signInBox = form(guestHint, email, password, signIn);

        TextField name = new TextField();
        name.promptTextProperty().bind(i18n.bind("account.fullName"));
        name.textProperty().bindBidirectional(vm.fullNameProperty());
        TextField email2 = new TextField();
        email2.promptTextProperty().bind(i18n.bind("account.email"));
        email2.textProperty().bindBidirectional(vm.emailProperty());
        TextField phone = new TextField();
        phone.promptTextProperty().bind(i18n.bind("account.phone"));
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        PasswordField password2 = new PasswordField();
        password2.promptTextProperty().bind(i18n.bind("account.passwordRule"));
        password2.textProperty().bindBidirectional(vm.passwordProperty());
        Button register = Views.button(i18n, "account.register", Material2MZ.PERSON_ADD, Styles.ACCENT);
        register.setId("register-button");
        register.setOnAction(e -> vm.register());
        VBox registerBox = form(name, email2, phone, password2, register);

        Tab t1 = new Tab();
        t1.textProperty().bind(i18n.bind("account.signIn"));
        t1.setContent(signInBox);
        Tab t2 = new Tab();
        t2.textProperty().bind(i18n.bind("account.register"));
        t2.setContent(registerBox);
        TabPane tabs = new TabPane(t1, t2);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("account-tabs");
        tabs.setMaxWidth(460);
        return tabs;
    }

    private static VBox form(Node... nodes) {
        VBox box = new VBox(12, nodes);
        box.setPadding(new Insets(18, 4, 8, 4));
        box.setMaxWidth(440);
        return box;
    }

    private Node profile(Customer c) {
        FontIcon icon = new FontIcon(Material2AL.ACCOUNT_CIRCLE);
        icon.getStyleClass().add("icon-56");
        icon.getStyleClass().add("profile-icon");
        Label name = new Label(c.fullName());
        name.getStyleClass().add(Styles.TITLE_3);
        Label email = new Label(c.email());
        email.getStyleClass().add(Styles.TEXT_MUTED);
        VBox who = new VBox(4, name, email);
        if (session.isClerkMode()) who.getChildren().add(Views.label(i18n, "clerk.servingThis", Styles.WARNING));
        HBox head = new HBox(14, icon, who);
        head.setAlignment(Pos.CENTER_LEFT);
        Button orders = Views.button(i18n, "nav.orders", Material2MZ.RECEIPT_LONG);
        orders.setOnAction(e -> nav.orders());
        Button privacy = Views.button(i18n, "nav.privacy", Material2MZ.PRIVACY_TIP);
        privacy.setId("privacy-button");
        privacy.setOnAction(e -> nav.privacy());
        HBox buttons = new HBox(10, orders, privacy);
        if (session.isClerkMode()) {
            Button stop = Views.button(i18n, "clerk.stopServing", Material2MZ.PERSON_REMOVE, Styles.WARNING);
            stop.setOnAction(e -> vm.stopActing());
            buttons.getChildren().add(stop);
        } else {
            Button out = Views.button(i18n, "account.signOut", Material2AL.EXIT_TO_APP, Styles.DANGER, Styles.FLAT);
            out.setId("signout-button");
            out.setOnAction(e -> vm.signOut());
            buttons.getChildren().add(out);
        }
        VBox box = new VBox(16, head, buttons);
        box.getStyleClass().add("profile-card");
        box.setPadding(new Insets(18));
        return box;
    }

    private Node clerkPanel() {
        Customer clerk = session.clerk();
        Label title = new Label(i18n.t("clerk.mode", clerk.fullName()));
        title.getStyleClass().add(Styles.TITLE_4);
        title.setGraphic(new FontIcon(Material2MZ.SUPPORT_AGENT));
        Button out = Views.button(i18n, "account.signOut", Material2AL.EXIT_TO_APP, Styles.FLAT);
        out.setId("clerk-signout");
        out.setOnAction(e -> vm.signOut());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(10, title, grow, out);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(12, head);
        box.getStyleClass().add("clerk-panel");
        box.setPadding(new Insets(16));
        if (session.customer() == null) {
            TextField q = new TextField();
            q.setId("clerk-lookup");
            q.promptTextProperty().bind(i18n.bind("clerk.lookupPrompt"));
            q.textProperty().bindBidirectional(vm.lookupProperty());
            q.setOnAction(e -> vm.findCustomers());
            HBox.setHgrow(q, Priority.ALWAYS);
            Button find = Views.button(i18n, "clerk.find", Material2MZ.PERSON_SEARCH, Styles.ACCENT);
            find.setOnAction(e -> vm.findCustomers());
            box.getChildren().add(new HBox(8, q, find));
            for (Customer c : vm.found()) {
                Label n = new Label(c.fullName());
                n.getStyleClass().add(Styles.TEXT_BOLD);
                Label m = new Label(c.email());
                m.getStyleClass().add(Styles.TEXT_MUTED);
                Region g = new Region();
                HBox.setHgrow(g, Priority.ALWAYS);
                Button serve = Views.button(i18n, "clerk.serve", Material2AL.ARROW_FORWARD, Styles.SMALL);
                serve.setOnAction(e -> vm.actFor(c));
                HBox row = new HBox(10, new VBox(2, n, m), g, serve);
                row.setAlignment(Pos.CENTER_LEFT);
                row.getStyleClass().add("lookup-row");
                box.getChildren().add(row);
            }
        }
        return box;
    }
}
