package com.shopassist.core.privacy;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: what a privacy request reads and changes across the customer's data, chat included (the
 * chat belongs to the assistant, but erasure and retention are decisions about the customer).
 * Each method joins the caller's transaction.
 */
public interface PrivacyRepository {

    /** Locks the customer row until the transaction ends; false when there is no such customer. */
    boolean lockCustomer(long customerId);

    /**
     * Everything stored about the customer (profile, addresses, sessions, cart, orders with their
     * lines, chats with their messages) as one JSON document stamped {@code exportedAt}; empty
     * when there is no such customer. Instants are ISO-8601 text and amounts exact decimal text.
     */
    Optional<String> exportDocument(long customerId, Instant exportedAt);

    void deleteAddresses(long customerId);

    /** Ends every sign-in session of the customer. */
    void deleteSessions(long customerId);

    /** Every chat message of the customer reads {@code redacted}; their chat titles and summaries go. */
    void redactChatsOf(long customerId, String redacted);

    /** Orders keep no copy of a delivery address (the orders themselves are kept: tax law). */
    void forgetOrderAddresses(long customerId);

    /** The customer row keeps no personal data: this email and name, no password, phone, age or gender. */
    void anonymise(long customerId, String email, String name, Instant now);

    /**
     * Chat summaries of sessions last updated before {@code before} go, and messages written
     * before it read {@code redacted}; returns how many messages were redacted.
     */
    int redactChatsBefore(Instant before, String redacted);
}
