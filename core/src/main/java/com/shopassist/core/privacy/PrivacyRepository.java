package com.shopassist.core.privacy;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: what a privacy request reads and changes across the customer's data, chat included (the
 * chat belongs to the assistant, but erasure and retention are decisions about the customer).
 * Who may ask is the store database's to decide (decision 0080). Each method joins the caller's
 * transaction.
 */
public interface PrivacyRepository {

    /** What is asked of a customer's data. */
    enum Request {
        EXPORT,
        ERASE
    }

    /**
     * Lets the request through for the customer signed in on their own, for a clerk serving the
     * customer who gives the customer's password (recorded with the clerk's id), or for the store's
     * owner role with no session; refuses anyone else with a
     * {@link com.shopassist.core.common.ShopException}: {@link PrivacyService#CUSTOMER_PASSWORD_WRONG}
     * when a clerk's customer password is wrong or missing, NOT_ALLOWED otherwise.
     * {@code customerPassword} is only read for a clerk, and may be null otherwise.
     */
    void authorise(long customerId, Request request, char[] customerPassword);

    /**
     * Everything stored about the customer (profile, addresses, sessions, cart, orders with their
     * lines, chats with their messages, the guest chats attributed to them included) as one JSON
     * document stamped {@code exportedAt}; empty when there is no such customer. Instants are ISO-8601 text and amounts exact decimal text.
     */
    Optional<String> exportDocument(long customerId, Instant exportedAt);

    /**
     * Erases the customer's personal data, whole: addresses and sessions go, every chat message
     * reads {@code redacted} and chat titles and summaries go, orders keep no copy of a delivery
     * address (the orders themselves are kept: tax law), and the customer row keeps no name,
     * email, password, phone, age or gender. False when there is no such customer.
     */
    boolean erase(long customerId, String redacted);

    /**
     * Retention: messages written before {@code before} read {@code redacted} (the summaries and
     * titles of their chats go), and guest chats last written before it are deleted. The store may
     * keep a floor of its own (a day) under {@code before}.
     */
    ChatPurge purgeChatsBefore(Instant before, String redacted);

    /**
     * The guest chats of {@code guestKey} that this kiosk made and no one took yet count as the
     * customer's for export and erasure. The store database allows it only for the customer whose
     * session is presented (a kiosk cannot give a guest's chats to someone else).
     */
    void attributeGuestChats(String guestKey, long customerId);
}
