package com.shopassist.data.customer;

import com.shopassist.core.customer.Address;
import com.shopassist.core.customer.Customer;
import com.shopassist.core.customer.CustomerRepository;
import com.shopassist.core.customer.Registration;
import com.shopassist.core.customer.Session;
import com.shopassist.data.db.PresentedSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Customers and addresses in PostgreSQL; sign-in, registration and clerk look-ups through the
 * store database's functions (V100). A session opened here is the one this app presents from
 * then on; a session ended here is no longer presented.
 */
public final class MyBatisCustomerRepository implements CustomerRepository {

    private final CustomerMapper mapper;
    private final PresentedSessions presented;

    public MyBatisCustomerRepository(CustomerMapper mapper, PresentedSessions presented) {
        this.mapper = mapper;
        this.presented = presented;
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
    public Optional<Customer> register(Registration r, String lowerCaseEmail, String passwordHash) {
        return mapper.register(r.fullName(), lowerCaseEmail, passwordHash, r.age(), r.gender(), r.phone())
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
    public SignIn signIn(String email, char[] password, Duration ttl) {
        // the driver sends text: the password exists as a String for this one call
        String typed = password == null ? "" : new String(password);
        int ttlSeconds = (int) Math.min(Integer.MAX_VALUE, Math.max(60, ttl.toSeconds()));
        CustomerMapper.SignInRow row = mapper.signIn(email == null ? "" : email, typed, ttlSeconds);
        if (row == null) return new SignIn(SignIn.Outcome.REFUSED, null, null);
        return switch (row.outcome()) {
            case "OK" -> {
                Customer customer = new Customer(
                        row.customerId(),
                        row.fullName(),
                        row.email(),
                        row.age(),
                        row.gender(),
                        row.phone(),
                        Customer.Role.valueOf(row.role()),
                        Customer.Tier.valueOf(row.tier()),
                        row.createdAt());
                presented.present(row.token());
                yield new SignIn(SignIn.Outcome.OK, new Session(row.token(), customer, row.expiresAt()), null);
            }
            case "THROTTLED" -> new SignIn(SignIn.Outcome.THROTTLED, null, row.retryAt());
            default -> new SignIn(SignIn.Outcome.REFUSED, null, null);
        };
    }

    @Override
    public Optional<Customer> customerForSession(String token) {
        return mapper.customerForSession(token).map(MyBatisCustomerRepository::toCustomer);
    }

    @Override
    public void revokeSession(String token) {
        try {
            mapper.signOut(token);
        } finally {
            presented.withdraw(token);
        }
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
    public List<Customer> lookup(String query, int limit) {
        return mapper.lookup(query, limit).stream()
                .map(MyBatisCustomerRepository::toCustomer)
                .toList();
    }

    @Override
    public void serve(long customerId) {
        mapper.serve(customerId);
    }

    @Override
    public void stopServing() {
        mapper.stopServing();
    }
}
