package com.shopassist.core.privacy;

/** What a customer can ask of their data. */
public interface PrivacyService {

    /** What redacted chat content reads as (chat_details.chat_content is NOT NULL). */
    String REDACTED = "[redacted]";

    /**
     * The {@link com.shopassist.core.common.ShopException#code()} of a clerk's request whose
     * customer password is wrong or missing: nothing was exported or changed.
     */
    String CUSTOMER_PASSWORD_WRONG = "CUSTOMER_PASSWORD_WRONG";

    /**
     * Everything stored about the customer, as a JSON document (profile, addresses, orders, chats).
     * Asked by the customer signed in on their own ({@code customerPassword} null), or by a clerk
     * serving them with the customer's password; the clerk's request is recorded. A wrong or
     * missing password is refused with {@link #CUSTOMER_PASSWORD_WRONG}, anyone else's request with
     * NOT_ALLOWED.
     */
    String exportJson(long customerId, char[] customerPassword);

    /**
     * Right to be forgotten: anonymise the customer row, delete addresses and sessions, redact chat
     * content, release the cart; orders are kept (tax law) without personal data. Who may ask: as
     * for {@link #exportJson}.
     */
    void deleteAccount(long customerId, char[] customerPassword);

    /**
     * Retention (default 90 days): chat content written before it is redacted, and guest chats
     * last written before it are deleted whole. Returns what went.
     */
    ChatPurge purgeOldChats();

    /**
     * The customer signed in at a kiosk whose guest session was {@code guestKey}: the chats of that
     * guest session count as the customer's for an export and an erasure from now on.
     */
    void attributeGuestChats(String guestKey, long customerId);
}
