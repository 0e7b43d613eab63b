package com.shopassist.data.customer;

import com.shopassist.core.customer.Address;
import com.shopassist.core.customer.Customer;
import com.shopassist.core.customer.CustomerRepository;
import com.shopassist.core.customer.Registration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Customers, sessions and addresses in PostgreSQL. */
public final class MyBatisCustomerRepository implements CustomerRepository {

    private final CustomerMapper mapper;

    public MyBatisCustomerRepository(CustomerMapper mapper) {
        this.mapper = mapper;
    }

    static Customer toCustomer(CustomerMapper.CustomerRow r) {
        return new Customer(
                r.customerId(),
                r.fullName(),
                r.email(),
                r.age(),
                r.gender(),
                r.phone(),
                Customer.Role.valueOf(r.role()),
                Customer.Tier.valueOf(r.tier()),
                r.createdAt());
    }

    @Override
    public Optional<Customer> insert(Registration r, String lowerCaseEmail, String passwordHash, Instant now) {
        return mapper.insert(r.fullName(), lowerCaseEmail, passwordHash, r.age(), r.gender(), r.phone(), now)
                .map(MyBatisCustomerRepository::toCustomer);
    }

    @Override
    public Optional<Customer> find(long customerId) {
        return mapper.find(customerId).map(MyBatisCustomerRepository::toCustomer);
    }

    @Override
    public Optional<Customer> lockForAddressChange(long customerId) {
        return mapper.lockForAddressChange(customerId).map(MyBatisCustomerRepository::toCustomer);
    }

    @Override
    public Optional<Credentials> lockCredentials(String lowerCaseEmail) {
        return mapper.credentials(lowerCaseEmail, true).map(MyBatisCustomerRepository::toCredentials);
    }

    @Override
    public Optional<Credentials> credentials(String lowerCaseEmail) {
        return mapper.credentials(lowerCaseEmail, false).map(MyBatisCustomerRepository::toCredentials);
    }

    private static Credentials toCredentials(CustomerMapper.CredentialsRow r) {
        return new Credentials(
                r.customerId(),
                r.password(),
                r.failedLoginCount(),
                r.firstFailedLoginAt(),
                r.lockedUntil(),
                r.anonymised());
    }

    @Override
    public void recordFailedLogin(long customerId, int failedCount, Instant firstFailedAt, Instant lockedUntil) {
        mapper.recordFailedLogin(customerId, failedCount, firstFailedAt, lockedUntil);
    }

    @Override
    public void clearFailedLogins(long customerId) {
        mapper.clearFailedLogins(customerId);
    }

    @Override
    public void insertSession(long customerId, String tokenDigest, Instant createdAt, Instant expiresAt) {
        mapper.insertSession(customerId, tokenDigest, createdAt, expiresAt);
    }

    @Override
    public Optional<Customer> customerForSession(String tokenDigest, Instant now) {
        return mapper.customerForSession(tokenDigest, now).map(MyBatisCustomerRepository::toCustomer);
    }

    @Override
    public void revokeSession(String tokenDigest, Instant now) {
        mapper.revokeSession(tokenDigest, now);
    }

    @Override
    public List<Address> addresses(long customerId) {
        return mapper.addresses(customerId);
    }

    @Override
    public Optional<Address> address(long customerId, long addressId) {
        return mapper.address(customerId, addressId);
    }

    @Override
    public Optional<Address> addressByLabel(long customerId, String label) {
        return mapper.addressByLabel(customerId, label);
    }

    @Override
    public Optional<Address> insertAddress(long customerId, Address address, Instant now) {
        return mapper.insertAddress(customerId, address, now);
    }

    @Override
    public void clearDefaultAddress(long customerId) {
        mapper.clearDefaultAddress(customerId);
    }

    @Override
    public List<Customer> byEmail(String lowerCaseEmail) {
        return mapper.byEmail(lowerCaseEmail).stream()
                .map(MyBatisCustomerRepository::toCustomer)
                .toList();
    }

    @Override
    public List<Customer> byName(String name, int limit) {
        return mapper.byName(name, limit).stream()
                .map(MyBatisCustomerRepository::toCustomer)
                .toList();
    }
}
