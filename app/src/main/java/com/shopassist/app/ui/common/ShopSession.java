package com.shopassist.app.ui.common;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.customer.Customer;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Who is being served at this kiosk right now: a guest (the default), a signed-in customer, or a
 * customer a clerk acts for. The cart owner and the assistant's context come from here and only
 * from here, never from anything typed. Holds the cart snapshot every pane shows.
 */
public final class ShopSession {

    public static final int MAX_COMPARE = 4;

    private String guestKey;
    private UUID chatSessionId;
    private String customerToken;
    private String clerkToken;
    private final ObjectProperty<Customer> customer = new SimpleObjectProperty<>();
    private final ObjectProperty<Customer> clerk = new SimpleObjectProperty<>();
    private final ObjectProperty<Cart> cart = new SimpleObjectProperty<>();
    private final ObservableList<Long> compare = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper epoch = new ReadOnlyIntegerWrapper();

    private final Consumer<String> guestStarted;

    public ShopSession() {
        this(key -> {});
    }

    /**
     * @param guestStarted told of each guest key made here (a new key has an empty cart: a kiosk
     *     with an outbox then adds to it without reading it first)
     */
    public ShopSession(Consumer<String> guestStarted) {
        this.guestStarted = Objects.requireNonNull(guestStarted, "guestStarted");
        newGuest();
    }

    private void newGuest() {
        guestKey = "kiosk-" + UUID.randomUUID();
        chatSessionId = UUID.randomUUID();
        guestStarted.accept(guestKey);
    }

    public String guestKey() {
        return guestKey;
    }

    public UUID chatSessionId() {
        return chatSessionId;
    }

    /** The cart being filled: the served customer's, or this kiosk session's guest cart. */
    public CartOwner owner() {
        Customer c = customer.get();
        return c == null ? CartOwner.guest(guestKey) : CartOwner.customer(c.id());
    }

    public ChatContext chatContext(Locale locale) {
        Customer cl = clerk.get();
        return new ChatContext(chatSessionId, owner(), customer.get(), cl == null ? null : cl.id(), locale);
    }

    public ObjectProperty<Customer> customerProperty() {
        return customer;
    }

    public Customer customer() {
        return customer.get();
    }

    public boolean isGuest() {
        return customer.get() == null;
    }

    public ObjectProperty<Customer> clerkProperty() {
        return clerk;
    }

    public Customer clerk() {
        return clerk.get();
    }

    public boolean isClerkMode() {
        return clerk.get() != null;
    }

    public ObjectProperty<Cart> cartProperty() {
        return cart;
    }

    public Cart cart() {
        return cart.get();
    }

    public void setCart(Cart c) {
        cart.set(c);
    }

    public ObservableList<Long> compare() {
        return compare;
    }

    /** Increases on every change of who is served: views clear what belonged to the previous one. */
    public ReadOnlyIntegerProperty epochProperty() {
        return epoch.getReadOnlyProperty();
    }

    /** A customer signed in on their own. Starts a new conversation (the guest one is not theirs). */
    public void signedIn(Customer c, String token) {
        customerToken = token;
        chatSessionId = UUID.randomUUID();
        customer.set(c);
        epoch.set(epoch.get() + 1);
    }

    /**
     * The signed-in customer goes on with one of their earlier chats: the next turn is that
     * session's, so its summary and any proposal still waiting apply. Who is served does not change.
     */
    public void resumeChat(UUID earlierChat) {
        if (customer.get() == null || earlierChat == null) return;
        chatSessionId = earlierChat;
    }

    /** A new conversation for whoever is served now (the open one was deleted, or they asked). */
    public void newChat() {
        chatSessionId = UUID.randomUUID();
    }

    public void clerkSignedIn(Customer c, String token) {
        clerkToken = token;
        clerk.set(c);
    }

    /** The clerk now serves this customer (their cart, orders, addresses). */
    public void actFor(Customer c) {
        customerToken = null;
        chatSessionId = UUID.randomUUID();
        customer.set(c);
        cart.set(null);
        epoch.set(epoch.get() + 1);
    }

    /** Back to an anonymous guest: new guest cart key, new chat, nothing of the previous shopper. */
    public void resetToGuest() {
        customerToken = null;
        clerkToken = null;
        newGuest();
        clerk.set(null);
        customer.set(null);
        cart.set(null);
        compare.clear();
        epoch.set(epoch.get() + 1);
    }

    /** The clerk stops acting for a customer but stays signed in. */
    public void stopActing() {
        customerToken = null;
        newGuest();
        customer.set(null);
        cart.set(null);
        compare.clear();
        epoch.set(epoch.get() + 1);
    }

    public String customerToken() {
        return customerToken;
    }

    public String clerkToken() {
        return clerkToken;
    }

    /** Adds to the comparison (at most four); false when full or already there. */
    public boolean addToCompare(long productId) {
        if (compare.contains(productId) || compare.size() >= MAX_COMPARE) return false;
        compare.add(productId);
        return true;
    }
}
