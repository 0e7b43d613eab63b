package com.shopassist.core.customer;

import java.util.List;
import java.util.Optional;

/**
 * Accounts. Passwords: bcrypt cost 12, 8..72 bytes (longer is rejected, never truncated). The
 * store database checks sign-ins (decision 0081): by default 5 failures within 15 minutes at one
 * kiosk lock the account at that kiosk for 15 minutes, 15 from all kiosks together lock it
 * everywhere, and a kiosk with 20 failures in 15 minutes is throttled. A signed-in session is
 * what this app then presents to the database; without one, a kiosk sees no customer's data.
 */
public interface CustomerService {

    /** @throws com.shopassist.core.common.ValidationException naming the field that is wrong */
    Customer register(Registration registration);

    /**
     * Signs in and presents the new session from now on.
     *
     * @throws AuthenticationException BAD_CREDENTIALS (wrong, unknown or locked alike) or
     *     SIGN_IN_THROTTLED (this kiosk failed too often)
     */
    Session login(String email, char[] password);

    Optional<Customer> customerForToken(String token);

    void logout(String token);

    Optional<Customer> customer(long customerId);

    List<Address> addresses(long customerId);

    /** Case- and accent-insensitive label match ("rumah" finds "Rumah"). */
    Optional<Address> addressByLabel(long customerId, String label);

    Address addAddress(long customerId, Address address);

    /**
     * Clerk look-up by email (exact, case-insensitive), phone or name (partial), at most
     * {@code limit}; customers only. Needs a signed-in clerk (or the owner's role); each customer
     * found is recorded with the clerk's id.
     */
    List<Customer> lookup(String emailOrNameOrPhone, int limit);

    /**
     * The signed-in clerk serves this customer (one they looked up): from now on the database
     * shows this app that customer's cart, addresses and orders, and records the clerk's id.
     */
    void serve(long customerId);

    /** The signed-in clerk stops serving a customer. */
    void stopServing();
}
