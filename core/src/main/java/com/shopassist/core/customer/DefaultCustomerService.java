package com.shopassist.core.customer;

import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.common.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link CustomerService}. Sign-in counts failures per account inside a window; the count and
 * the lock are updated under the account's row lock, so parallel guesses cannot slip past it.
 */
public final class DefaultCustomerService implements CustomerService {

    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final SecureRandom RANDOM = new SecureRandom();

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
                .insert(clean, email, hash, clock.instant())
                .orElseThrow(() ->
                        new ValidationException("email", "email.taken", "An account with this email already exists"));
    }

    @Override
    public Session login(String email, char[] password) {
        String normalised;
        try {
            normalised = normaliseEmail(email);
        } catch (ValidationException e) {
            Passwords.burn(password);
            throw AuthenticationException.badCredentials();
        }
        Optional<CustomerRepository.Credentials> peek = customers.credentials(normalised);
        if (peek.isEmpty() || peek.get().anonymised()) {
            Passwords.burn(password);
            throw AuthenticationException.badCredentials();
        }
        Instant now = clock.instant();
        if (peek.get().lockedUntil() != null && now.isBefore(peek.get().lockedUntil())) {
            throw AuthenticationException.locked(peek.get().lockedUntil());
        }
        // bcrypt (a quarter second) runs before the row lock, so it never holds the lock
        boolean ok = Passwords.matches(password, peek.get().passwordHash());
        // a failed attempt must commit its count, so failures come back as values, thrown after commit
        Outcome outcome = tx.inTransaction(() -> {
            CustomerRepository.Credentials c =
                    customers.lockCredentials(normalised).orElse(null);
            if (c == null) return new Outcome(null, AuthenticationException.badCredentials());
            Instant at = clock.instant();
            if (c.lockedUntil() != null && at.isBefore(c.lockedUntil())) {
                return new Outcome(null, AuthenticationException.locked(c.lockedUntil()));
            }
            if (!ok
                    || c.passwordHash() == null
                    || !c.passwordHash().equals(peek.get().passwordHash())) {
                return new Outcome(null, failed(c, at));
            }
            customers.clearFailedLogins(c.customerId());
            String token = newToken();
            Instant expires = at.plus(settings.sessionTtl());
            customers.insertSession(c.customerId(), digest(token), at, expires);
            Customer customer = customers.find(c.customerId()).orElseThrow();
            return new Outcome(new Session(token, customer, expires), null);
        });
        if (outcome.failure() != null) throw outcome.failure();
        return outcome.session();
    }

    private record Outcome(Session session, AuthenticationException failure) {}

    private AuthenticationException failed(CustomerRepository.Credentials c, Instant now) {
        boolean inWindow = c.firstFailedLoginAt() != null
                && now.isBefore(c.firstFailedLoginAt().plus(settings.failedLoginWindow()));
        int count = inWindow ? c.failedLoginCount() + 1 : 1;
        Instant first = inWindow ? c.firstFailedLoginAt() : now;
        if (count >= settings.maxFailedLogins()) {
            Instant until = now.plus(settings.lockoutDuration());
            // the count starts afresh once the lock is over
            customers.recordFailedLogin(c.customerId(), 0, null, until);
            return AuthenticationException.locked(until);
        }
        customers.recordFailedLogin(c.customerId(), count, first, null);
        return AuthenticationException.badCredentials();
    }

    @Override
    public Optional<Customer> customerForToken(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return Optional.empty();
        return customers.customerForSession(digest(token), clock.instant());
    }

    @Override
    public void logout(String token) {
        if (token == null || token.isBlank() || token.length() > 200) return;
        customers.revokeSession(digest(token), clock.instant());
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
    public List<Customer> lookup(String emailOrName, int limit) {
        if (emailOrName == null || emailOrName.isBlank()) return List.of();
        String q = emailOrName.strip();
        int n = Math.max(1, Math.min(limit, 50));
        if (q.contains("@")) {
            return customers.byEmail(q.toLowerCase(Locale.ROOT)).stream()
                    .limit(n)
                    .toList();
        }
        if (q.length() > 200) q = q.substring(0, 200);
        return customers.byName(q, n);
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
