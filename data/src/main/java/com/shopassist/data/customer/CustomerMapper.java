package com.shopassist.data.customer;

import com.shopassist.core.customer.Address;
import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/**
 * tbl_customers and tbl_customer_address, and the store database's session functions (V100):
 * sign-in, registration, clerk look-ups. No statement here reads a password hash.
 */
public interface CustomerMapper extends SqlMapper {

    Optional<CustomerRow> register(
            @Param("fullName") String fullName,
            @Param("email") String email,
            @Param("password") String passwordHash,
            @Param("age") Integer age,
            @Param("gender") String gender,
            @Param("phone") String phone);

    Optional<CustomerRow> find(@Param("customerId") long customerId);

    Optional<CustomerRow> lockForAddressChange(@Param("customerId") long customerId);

    SignInRow signIn(
            @Param("email") String email, @Param("password") String password, @Param("ttlSeconds") int ttlSeconds);

    Optional<CustomerRow> customerForSession(@Param("token") String token);

    void signOut(@Param("token") String token);

    List<Address> addresses(@Param("customerId") long customerId);

    Optional<Address> address(@Param("customerId") long customerId, @Param("addressId") long addressId);

    Optional<Address> addressByLabel(@Param("customerId") long customerId, @Param("label") String label);

    Optional<Address> insertAddress(
            @Param("customerId") long customerId, @Param("a") Address address, @Param("now") Instant now);

    void clearDefaultAddress(@Param("customerId") long customerId);

    List<CustomerRow> lookup(@Param("query") String query, @Param("limit") int limit);

    void serve(@Param("customerId") long customerId);

    void stopServing();

    /**
     * Creates or updates a clerk account (the owner's {@code db add-clerk}); empty when the email
     * belongs to a customer, who is never turned into a clerk this way.
     */
    Optional<ClerkRow> upsertClerk(
            @Param("email") String email, @Param("fullName") String fullName, @Param("password") String passwordHash);

    /** What {@link #upsertClerk} did. */
    record ClerkRow(long customerId, boolean created) {}

    /** A customer row without the password. */
    record CustomerRow(
            long customerId,
            String fullName,
            String email,
            Integer age,
            String gender,
            String phone,
            String role,
            String tier,
            Instant createdAt) {}

    /** What sign_in() answered: OK with a token and the customer, BAD, or THROTTLED with retryAt. */
    record SignInRow(
            String outcome,
            String token,
            Instant expiresAt,
            Instant retryAt,
            Long customerId,
            String fullName,
            String email,
            Integer age,
            String gender,
            String phone,
            String role,
            String tier,
            Instant createdAt) {}
}
