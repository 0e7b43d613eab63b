package com.shopassist.core.customer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: customers, their sessions and addresses. Sign-in, registration and clerk look-ups are
 * decided by the store database itself (decision 0081): a kiosk never reads a password hash.
 */
public interface CustomerRepository {

    /** Registers a customer (role CUSTOMER) with a bcrypt hash; empty when the email (any case) is taken. */
    Optional<Customer> register(Registration registration, String lowerCaseEmail, String passwordHash);

    Optional<Customer> find(long customerId);

    /**
     * The customer, with the row locked until the transaction ends, so that address changes of one
     * customer happen one after the other (exactly one default address, even under races).
     */
    Optional<Customer> lockForAddressChange(long customerId);

    /**
     * Checks the password in the store database and, when it is right, opens a session of at most
     * {@code ttl} that this app then presents. A wrong password, an unknown email and a locked
     * account give the same outcome.
     */
    SignIn signIn(String email, char[] password, Duration ttl);

    /** The customer of a live session with this token (its own customer, not one a clerk serves). */
    Optional<Customer> customerForSession(String token);

    /** Ends the session of this token; this app stops presenting it. */
    void revokeSession(String token);

    List<Address> addresses(long customerId);

    Optional<Address> address(long customerId, long addressId);

    Optional<Address> addressByLabel(long customerId, String label);

    /** Inserts the address; empty when the customer already has one with this label. */
    Optional<Address> insertAddress(long customerId, Address address, Instant now);

    void clearDefaultAddress(long customerId);

    /** Customers (role CUSTOMER) by email, phone or name, recorded against the presented clerk session. */
    List<Customer> lookup(String query, int limit);

    /** The presented clerk session serves this customer (one it looked up) from now on. */
    void serve(long customerId);

    /** The presented clerk session serves no customer any more. */
    void stopServing();

    /** What the store database said to a sign-in. */
    record SignIn(Outcome outcome, Session session, Instant retryAt) {
        public enum Outcome {
            /** {@link #session()} is set. */
            OK,
            /** Wrong password, unknown email or locked account: deliberately one answer. */
            REFUSED,
            /** This kiosk failed too often lately; {@link #retryAt()} says when it may try again. */
            THROTTLED
        }
    }
}
