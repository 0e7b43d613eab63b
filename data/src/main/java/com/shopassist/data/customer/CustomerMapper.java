package com.shopassist.data.customer;

import com.shopassist.core.customer.Address;
import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** tbl_customers, tbl_customer_session, tbl_customer_address. */
public interface CustomerMapper extends SqlMapper {

    Optional<CustomerRow> insert(
            @Param("fullName") String fullName,
            @Param("email") String email,
            @Param("password") String passwordHash,
            @Param("age") Integer age,
            @Param("gender") String gender,
            @Param("phone") String phone,
            @Param("now") Instant now);

    Optional<CustomerRow> find(@Param("customerId") long customerId);

    Optional<CustomerRow> lockForAddressChange(@Param("customerId") long customerId);

    Optional<CredentialsRow> credentials(@Param("email") String email, @Param("lock") boolean lock);

    void recordFailedLogin(
            @Param("customerId") long customerId,
            @Param("count") int count,
            @Param("first") Instant first,
            @Param("lockedUntil") Instant lockedUntil);

    void clearFailedLogins(@Param("customerId") long customerId);

    void insertSession(
            @Param("customerId") long customerId,
            @Param("token") String tokenDigest,
            @Param("createdAt") Instant createdAt,
            @Param("expiresAt") Instant expiresAt);

    Optional<CustomerRow> customerForSession(@Param("token") String tokenDigest, @Param("now") Instant now);

    void revokeSession(@Param("token") String tokenDigest, @Param("now") Instant now);

    List<Address> addresses(@Param("customerId") long customerId);

    Optional<Address> address(@Param("customerId") long customerId, @Param("addressId") long addressId);

    Optional<Address> addressByLabel(@Param("customerId") long customerId, @Param("label") String label);

    Optional<Address> insertAddress(
            @Param("customerId") long customerId, @Param("a") Address address, @Param("now") Instant now);

    void clearDefaultAddress(@Param("customerId") long customerId);

    List<CustomerRow> byEmail(@Param("email") String email);

    List<CustomerRow> byName(@Param("name") String name, @Param("limit") int limit);

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

    /** Sign-in state. */
    record CredentialsRow(
            long customerId,
            String password,
            int failedLoginCount,
            Instant firstFailedLoginAt,
            Instant lockedUntil,
            boolean anonymised) {}
}
