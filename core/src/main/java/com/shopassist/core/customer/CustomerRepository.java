package com.shopassist.core.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: tbl_customers, tbl_customer_session, tbl_customer_address. */
public interface CustomerRepository {

    /** Inserts the customer; empty when the email (case-insensitive) is taken. */
    Optional<Customer> insert(Registration registration, String lowerCaseEmail, String passwordHash, Instant now);

    Optional<Customer> find(long customerId);

    /**
     * The customer, with the row locked until the transaction ends, so that address changes of one
     * customer happen one after the other (exactly one default address, even under races).
     */
    Optional<Customer> lockForAddressChange(long customerId);

    /** The sign-in state of the account with this email, locked until the transaction ends. */
    Optional<Credentials> lockCredentials(String lowerCaseEmail);

    Optional<Credentials> credentials(String lowerCaseEmail);

    void recordFailedLogin(long customerId, int failedCount, Instant firstFailedAt, Instant lockedUntil);

    void clearFailedLogins(long customerId);

    void insertSession(long customerId, String tokenDigest, Instant createdAt, Instant expiresAt);

    /** The customer of a live, unrevoked session with this token digest. */
    Optional<Customer> customerForSession(String tokenDigest, Instant now);

    void revokeSession(String tokenDigest, Instant now);

    List<Address> addresses(long customerId);

    Optional<Address> address(long customerId, long addressId);

    Optional<Address> addressByLabel(long customerId, String label);

    /** Inserts the address; empty when the customer already has one with this label. */
    Optional<Address> insertAddress(long customerId, Address address, Instant now);

    void clearDefaultAddress(long customerId);

    List<Customer> byEmail(String lowerCaseEmail);

    List<Customer> byName(String name, int limit);

    /** What sign-in needs: never leaves the customer package's service. */
    record Credentials(
            long customerId,
            String passwordHash,
            int failedLoginCount,
            Instant firstFailedLoginAt,
            Instant lockedUntil,
            boolean anonymised) {}
}
