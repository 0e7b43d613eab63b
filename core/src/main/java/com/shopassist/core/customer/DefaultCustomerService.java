package com.shopassist.core.customer;

import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.common.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link CustomerService}. Sign-in is the store database's (its failure counting, locks and the
 * bcrypt check live there, decision 0081); this validates what a person typed and words the
 * outcome.
 */
public final class DefaultCustomerService implements CustomerService {

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private final CustomerRepository customers;
    private final Transactions tx;
    private final Clock clock;
    private final CommerceSettings settings;

    public DefaultCustomerService(
            CustomerRepository customers, Transactions tx, Clock clock, CommerceSettings settings) {
        this.customers = customers;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    /** Lower-cased and trimmed, or a ValidationException naming the email field. */
    public static String normaliseEmail(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (e.length() < 3 || e.length() > 320 || !EMAIL.matcher(e).matches() || e.contains("..")) {
            throw new ValidationException("email", "That does not look like an email address");
        }
        return e;
    }

    @Override
    public Customer register(Registration r) {
        if (r == null) throw new ValidationException("registration", "Nothing to register");
        String name = r.fullName() == null ? "" : r.fullName().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new ValidationException("fullName", "The name must have 1 to 200 characters");
        }
        String email = normaliseEmail(r.email());
        if (email.endsWith(".invalid")) {
            // .invalid is reserved (RFC 6761): no one receives mail there, and the store's own
            // made-up addresses (load tests, erased customers) use it; a shopper never shares them
            throw new ValidationException(
                    "email", "email.reserved", "That address cannot receive email (.invalid is a reserved domain)");
        }
        if (r.age() != null && (r.age() < 0 || r.age() > 150)) {
            throw new ValidationException("age", "The age must be between 0 and 150");
        }
        String gender = r.gender() == null || r.gender().isBlank()
                ? null
                : r.gender().strip().toUpperCase(Locale.ROOT);
        if (gender != null && !List.of("F", "M", "X").contains(gender)) {
            throw new ValidationException("gender", "Gender is F, M or X (or left empty)");
        }
        String phone =
                r.phone() == null || r.phone().isBlank() ? null : r.phone().strip();
        if (phone != null && !phone.matches("\\+?[0-9 ()-]{6,20}")) {
            throw new ValidationException("phone", "That does not look like a phone number");
        }
        Passwords.checkRules(r.password());
        String hash = Passwords.hash(r.password());
        Registration clean = new Registration(name, email, null, r.age(), gender, phone);
        return customers
                .register(clean, email, hash)
                .orElseThrow(() ->
                        new ValidationException("email", "email.taken", "An account with this email already exists"));
    }

    @Override
    public Session login(String email, char[] password) {
        try {
            // a malformed email is asked of the database all the same: every refusal costs one bcrypt
            String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
            CustomerRepository.SignIn answer = customers.signIn(e, password, settings.sessionTtl());
            return switch (answer.outcome()) {
                case OK -> answer.session();
                case REFUSED -> throw AuthenticationException.badCredentials();
                case THROTTLED -> throw AuthenticationException.throttled(answer.retryAt());
            };
        } finally {
            if (password != null) java.util.Arrays.fill(password, '\0');
        }
    }

    @Override
    public Optional<Customer> customerForToken(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        return customers.customerForSession(token);
    }

    @Override
    public void logout(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return;
        customers.revokeSession(token);
    }

    @Override
    public Optional<Customer> customer(long customerId) {
        return customers.find(customerId);
    }

    @Override
    public List<Address> addresses(long customerId) {
        return customers.addresses(customerId);
    }

    @Override
    public Optional<Address> addressByLabel(long customerId, String label) {
        if (label == null || label.isBlank()) return Optional.empty();
        return customers.addressByLabel(customerId, label.strip());
    }

    @Override
    public Address addAddress(long customerId, Address a) {
        if (a == null) throw new ValidationException("address", "No address given");
        String label = a.label() == null ? "" : a.label().strip();
        if (label.isEmpty() || label.length() > 50) {
            throw new ValidationException("label", "The label must have 1 to 50 characters (e.g. Rumah)");
        }
        if (a.street() == null || a.street().isBlank() || a.street().length() > 500) {
            throw new ValidationException("street", "The street address must have 1 to 500 characters");
        }
        if (a.city() == null || a.city().isBlank()) throw new ValidationException("city", "The city is required");
        if (a.lat() != null && (a.lat().abs().compareTo(java.math.BigDecimal.valueOf(90)) > 0)) {
            throw new ValidationException("lat", "Latitude must be between -90 and 90");
        }
        if (a.lng() != null && (a.lng().abs().compareTo(java.math.BigDecimal.valueOf(180)) > 0)) {
            throw new ValidationException("lng", "Longitude must be between -180 and 180");
        }
        Address clean = new Address(
                0,
                customerId,
                label,
                trimToNull(a.recipientName()),
                trimToNull(a.phone()),
                a.street().strip(),
                a.city().strip(),
                trimToNull(a.state()),
                trimToNull(a.postalCode()),
                a.country() == null || a.country().isBlank()
                        ? "Indonesia"
                        : a.country().strip(),
                a.lat(),
                a.lng(),
                a.isDefault());
        return tx.inTransaction(() -> {
            customers.lockForAddressChange(customerId).orElseThrow(() -> new NotFoundException("Customer", customerId));
            boolean first = customers.addresses(customerId).isEmpty();
            if (clean.isDefault()) customers.clearDefaultAddress(customerId);
            Address toInsert = first && !clean.isDefault() ? withDefault(clean) : clean;
            return customers
                    .insertAddress(customerId, toInsert, clock.instant())
                    .orElseThrow(() -> new ValidationException(
                            "label", "label.taken", "You already have an address called " + label));
        });
    }

    private static Address withDefault(Address a) {
        return new Address(
                a.id(),
                a.customerId(),
                a.label(),
                a.recipientName(),
                a.phone(),
                a.street(),
                a.city(),
                a.state(),
                a.postalCode(),
                a.country(),
                a.lat(),
                a.lng(),
                true);
    }

    @Override
    public List<Customer> lookup(String emailOrNameOrPhone, int limit) {
        if (emailOrNameOrPhone == null || emailOrNameOrPhone.isBlank()) return List.of();
        String q = emailOrNameOrPhone.strip();
        if (q.length() > 200) q = q.substring(0, 200);
        return customers.lookup(q, Math.max(1, Math.min(limit, 50)));
    }

    @Override
    public void serve(long customerId) {
        customers.serve(customerId);
    }

    @Override
    public void stopServing() {
        customers.stopServing();
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** SHA-256 hex of the token: what is stored, so a database leak hands out no sessions. */
    public static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
