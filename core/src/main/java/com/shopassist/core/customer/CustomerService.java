package com.shopassist.core.customer;

import java.util.List;
import java.util.Optional;

/**
 * Accounts. Passwords: bcrypt cost 12, 8..72 bytes (longer is rejected, never truncated). After
 * 5 failed sign-ins within 15 minutes the account is locked for 15 minutes, even for the right
 * password.
 */
public interface CustomerService {

    /** @throws com.shopassist.core.common.ValidationException naming the field that is wrong */
    Customer register(Registration registration);

    /** @throws AuthenticationException bad credentials or locked */
    Session login(String email, char[] password);

    Optional<Customer> customerForToken(String token);

    void logout(String token);

    Optional<Customer> customer(long customerId);

    List<Address> addresses(long customerId);

    /** Case- and accent-insensitive label match ("rumah" finds "Rumah"). */
    Optional<Address> addressByLabel(long customerId, String label);

    Address addAddress(long customerId, Address address);

    /** Clerk lookup by email (exact, case-insensitive) or by name (partial), at most {@code limit}. */
    List<Customer> lookup(String emailOrName, int limit);
}
