package com.shopassist.app.ui.account;

import com.shopassist.app.ui.UiContext;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.KioskDeparture;
import com.shopassist.core.customer.Customer;
import com.shopassist.core.customer.Registration;
import com.shopassist.core.customer.Session;
import java.util.Arrays;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guest by default; sign in and register; clerk mode (a clerk signs in, finds a customer by email
 * or name, acts for them, stops, signs out). A shopper who signs in brings the kiosk cart along.
 */
public final class AccountViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AccountViewModel.class);

    private final UiContext ui;
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty fullName = new SimpleStringProperty("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty lookup = new SimpleStringProperty("");
    private final ObservableList<Customer> found = FXCollections.observableArrayList();
    private Runnable afterSignIn = () -> {};

    public AccountViewModel(UiContext ui) {
        this.ui = ui;
    }

    public void setAfterSignIn(Runnable r) {
        afterSignIn = r == null ? () -> {} : r;
    }

    public void signIn() {
        String mail = text(email);
        char[] pass = password.get() == null ? new char[0] : password.get().toCharArray();
        if (mail.isEmpty() || pass.length == 0) {
            ui.feedback().warning("account.fillBoth");
            return;
        }
        if (ui.refuseWriteWhenOffline()) return;
        String guestKey = ui.session().guestKey();
        boolean acting = ui.session().isClerkMode();
        ui.tasks()
                .run(
                        () -> {
                            Session s = ui.services().customers().login(mail, pass);
                            Arrays.fill(pass, '\0');
                            Cart cart = s.customer().role() == Customer.Role.CLERK || acting
                                    ? null
                                    : ui.services()
                                            .carts()
                                            .mergeGuestIntoCustomer(
                                                    guestKey, s.customer().id());
                            if (cart != null)
                                attributeGuestChats(guestKey, s.customer().id());
                            return new Object[] {s, cart};
                        },
                        done -> {
                            Session s = (Session) done[0];
                            password.set("");
                            if (s.customer().role() == Customer.Role.CLERK) {
                                ui.session().clerkSignedIn(s.customer(), s.token());
                                ui.feedback()
                                        .success(
                                                "account.clerkWelcome",
                                                s.customer().fullName());
                            } else {
                                ui.session().signedIn(s.customer(), s.token());
                                ui.session().setCart((Cart) done[1]);
                                ui.feedback().success("account.welcome", firstName(s.customer()));
                            }
                            afterSignIn.run();
                        },
                        e -> {
                            password.set("");
                            ui.feedback().error(e);
                        });
    }

    /**
     * What they asked as a guest is theirs to export or erase. The sign-in has happened: a failure
     * here is logged, never shown as a failed sign-in.
     */
    private void attributeGuestChats(String guestKey, long customerId) {
        try {
            ui.services().privacy().attributeGuestChats(guestKey, customerId);
        } catch (RuntimeException e) {
            LOG.warn(
                    "the guest chats of this kiosk session were not given to the customer who signed in: {}",
                    e.getClass().getSimpleName());
        }
    }

    public void register() {
        String name = text(fullName);
        String mail = text(email);
        String pass = password.get() == null ? "" : password.get();
        if (name.isEmpty() || mail.isEmpty() || pass.isEmpty()) {
            ui.feedback().warning("account.fillAll");
            return;
        }
        if (ui.refuseWriteWhenOffline()) return;
        String ph = text(phone).isEmpty() ? null : text(phone);
        ui.tasks()
                .run(
                        () -> ui.services()
                                .customers()
                                .register(new Registration(name, mail, pass.toCharArray(), null, null, ph)),
                        created -> {
                            ui.feedback().success("account.registered", firstName(created));
                            signIn();
                        },
                        e -> {
                            password.set("");
                            ui.feedback().error(e);
                        });
    }

    /**
     * Signs the shopper (or the clerk) out; the kiosk is a fresh guest session again. The cart
     * left behind gives its stock back (decision 0045).
     */
    public void signOut() {
        String customerToken = ui.session().customerToken();
        String clerkToken = ui.session().clerkToken();
        var owner = ui.session().owner();
        var ctx = ui.session().chatContext(ui.i18n().locale());
        ui.session().resetToGuest();
        ui.tasks()
                .runThen(
                        () -> {
                            KioskDeparture.releaseCart(ui.services().carts(), owner);
                            ui.services().assistant().forget(ctx);
                            if (customerToken != null) ui.services().customers().logout(customerToken);
                            if (clerkToken != null) ui.services().customers().logout(clerkToken);
                        },
                        () -> ui.feedback().info("account.signedOut"),
                        e -> {});
    }

    public void findCustomers() {
        String q = text(lookup);
        if (q.isEmpty() || !ui.session().isClerkMode()) return;
        ui.tasks()
                .run(
                        () -> ui.services().customers().lookup(q, 20),
                        list -> {
                            found.setAll(list.stream()
                                    .filter(c -> c.role() == Customer.Role.CUSTOMER)
                                    .toList());
                            if (found.isEmpty()) ui.feedback().info("clerk.noneFound", q);
                        },
                        ui.feedback()::error);
    }

    /**
     * The clerk serves this customer now: their cart, addresses and orders. The store database
     * records it and from then on shows this kiosk that customer's rows under the clerk's session.
     */
    public void actFor(Customer c) {
        if (!ui.session().isClerkMode()) return;
        ui.session().actFor(c);
        var owner = ui.session().owner();
        ui.tasks()
                .run(
                        () -> {
                            ui.services().customers().serve(c.id());
                            return ui.services().carts().cart(owner);
                        },
                        ui.session()::setCart,
                        ui.feedback()::error);
        ui.feedback().info("clerk.actingFor", c.fullName());
    }

    /** The clerk is done with this customer: their cart stays theirs, its stock goes back. */
    public void stopActing() {
        var owner = ui.session().owner();
        var ctx = ui.session().chatContext(ui.i18n().locale());
        ui.session().stopActing();
        found.clear();
        lookup.set("");
        ui.tasks()
                .runThen(
                        () -> {
                            KioskDeparture.releaseCart(ui.services().carts(), owner);
                            ui.services().assistant().forget(ctx);
                            ui.services().customers().stopServing();
                        },
                        () -> {},
                        e -> {});
    }

    private static String firstName(Customer c) {
        String n = c.fullName() == null ? "" : c.fullName().strip();
        int space = n.indexOf(' ');
        return space > 0 ? n.substring(0, space) : n;
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    public StringProperty emailProperty() {
        return email;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty fullNameProperty() {
        return fullName;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty lookupProperty() {
        return lookup;
    }

    public ObservableList<Customer> found() {
        return found;
    }
}
