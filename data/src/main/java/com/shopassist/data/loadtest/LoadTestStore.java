package com.shopassist.data.loadtest;

import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.ShopException;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A load test's side of the store database: what it may ask for, the marks its rows carry, the
 * clean-up that removes them (putting back the stock and voucher uses its orders took, decision
 * 0085) and the check that nothing was oversold or ordered twice.
 */
public final class LoadTestStore {

    /** Every load-test customer's email ends so; {@code .invalid} is a domain no one can own. */
    public static final String EMAIL_DOMAIN = "@loadtest.invalid";

    /** Every load-test guest cart and chat has a key starting so. */
    public static final String GUEST_PREFIX = "loadtest-";

    // one run at a time per database: a second run's clean-up would remove the first one's rows
    private static final String LOCK = "select pg_try_advisory_lock(hashtext('shopassist.loadtest'))";

    private final Database db;
    private final Clock clock;

    public LoadTestStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private LoadTestMapper mapper() {
        return db.mapper(LoadTestMapper.class);
    }

    /** The email of the load test's customer {@code n} of run {@code runId}. */
    public static String customerEmail(String runId, int n) {
        return "loadtest-" + runId + "-" + n + EMAIL_DOMAIN;
    }

    /** The guest key of a guest shopper of the load test. */
    public static String guestKey(String runId, int kiosk, long session) {
        return GUEST_PREFIX + runId + "-" + kiosk + "-" + session;
    }

    public long realOrders() {
        return mapper().realOrders(EMAIL_DOMAIN);
    }

    public List<SampleProduct> sample(int limit, int minAvailable) {
        return mapper().sample(limit, minAvailable);
    }

    public List<String> unlimitedVouchers() {
        return mapper().unlimitedVouchers(clock.instant());
    }

    public StoreCounts counts() {
        return mapper().counts();
    }

    public LeftOvers leftOvers() {
        return mapper().leftOvers(EMAIL_DOMAIN, GUEST_PREFIX);
    }

    /** What a clean-up removed and put back. */
    public record Cleanup(
            int customers, int carts, int orders, int productsRestocked, int holdsReleasedOn, int vouchersReturned) {}

    /**
     * Removes every row the marks name, in one transaction: holds (off the reserved counters), the
     * stock and voucher uses its orders took (put back), movements, checkout keys, orders, carts,
     * chats and customers. Safe to run again; a run that was killed is cleaned up by the next one
     * (but for the movements of guest carts it had already discarded: they name carts no row marks).
     *
     * @param cartsUsed the ids of every cart the run used, discarded ones too
     */
    public Cleanup cleanUp(Collection<Long> cartsUsed) {
        List<String> used = cartsUsed.stream().map(String::valueOf).sorted().toList();
        return db.transactions().inTransaction(() -> {
            LoadTestMapper m = mapper();
            // a discarded guest cart is gone, but its hold and release movements name it
            for (int i = 0; i < used.size(); i += 1000) {
                m.deleteCartMovements(used.subList(i, Math.min(used.size(), i + 1000)));
            }
            int held = m.releaseHolds(EMAIL_DOMAIN, GUEST_PREFIX);
            int restocked = m.restoreStock(EMAIL_DOMAIN);
            int vouchers = m.returnVoucherUses(EMAIL_DOMAIN);
            m.deleteMovements(EMAIL_DOMAIN, GUEST_PREFIX);
            m.deleteCheckoutRequests(EMAIL_DOMAIN);
            int orders = m.deleteOrders(EMAIL_DOMAIN);
            int carts = m.deleteCarts(EMAIL_DOMAIN, GUEST_PREFIX);
            m.deleteChatTurns(EMAIL_DOMAIN, GUEST_PREFIX);
            m.deleteChats(EMAIL_DOMAIN, GUEST_PREFIX);
            int customers = m.deleteCustomers(EMAIL_DOMAIN);
            return new Cleanup(customers, carts, orders, restocked, held, vouchers);
        });
    }

    /**
     * What the end-of-run check found: every line of {@code violations} is a product sold or held
     * beyond its stock, or an order a checkout key did not account for.
     */
    public record Invariants(List<String> violations, int productsChecked, int productsUnchecked, int orders) {
        public Invariants {
            violations = List.copyOf(violations);
        }

        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /**
     * Checks the store after a run (before its clean-up).
     *
     * @param stockAtStart each product the shoppers were sent to, with its stock when the run began
     * @param checkouts every checkout key the kiosks confirmed, with the order number they were
     *     told (null when they were told none)
     */
    public Invariants check(Map<Long, Integer> stockAtStart, Map<String, String> checkouts) {
        List<String> violations = new ArrayList<>();
        for (ProductBreach b : mapper().heldBeyondStock(clock.instant())) {
            if (b.liveHeld() > b.stock()) {
                violations.add("product " + b.productId() + " (" + b.name() + "): " + b.liveHeld() + " held, only "
                        + b.stock() + " in stock");
            }
            if (b.allHeld() != b.reserved()) {
                violations.add("product " + b.productId() + " (" + b.name() + "): reserved counter " + b.reserved()
                        + ", but its holds add up to " + b.allHeld());
            }
        }
        int checked = 0;
        int unchecked = 0;
        for (ProductUse u : mapper().usedByLoadTest(EMAIL_DOMAIN, GUEST_PREFIX, clock.instant())) {
            Integer start = stockAtStart.get(u.productId());
            if (start == null) {
                unchecked++; // a product the shoppers reached by another way: its live holds were checked above
                continue;
            }
            checked++;
            if (u.sold() + u.held() > start) {
                violations.add("product " + u.productId() + " (" + u.name() + "): " + u.sold() + " sold and " + u.held()
                        + " held by the load test, but only " + start + " were in stock");
            }
            if (u.stockNow() > start - u.sold()) {
                // a sale that did not take its goods off the shelf (or the store restocked it meanwhile)
                violations.add("product " + u.productId() + " (" + u.name() + "): " + u.sold() + " sold, but stock"
                        + " went from " + start + " to " + u.stockNow() + ", not " + (start - u.sold()));
            }
        }
        List<KeyedOrder> keyed = mapper().keyedOrders(EMAIL_DOMAIN);
        Map<String, String> orderOfKey = new HashMap<>();
        for (KeyedOrder k : keyed) {
            if (!checkouts.containsKey(k.key())) {
                violations.add("order " + k.orderNumber() + " was placed with checkout key " + k.key()
                        + ", which no kiosk confirmed");
            }
            orderOfKey.put(k.key(), k.orderNumber());
        }
        for (String number : mapper().ordersWithoutKey(EMAIL_DOMAIN)) {
            violations.add("order " + number + " has no checkout key: a second order for one checkout");
        }
        for (Map.Entry<String, String> c : checkouts.entrySet()) {
            String told = c.getValue();
            if (told != null && !told.equals(orderOfKey.get(c.getKey()))) {
                violations.add("checkout key " + c.getKey() + ": the kiosk was told order " + told
                        + ", the database has " + orderOfKey.getOrDefault(c.getKey(), "none"));
            }
        }
        return new Invariants(violations, checked, unchecked, keyed.size());
    }

    /**
     * Takes this database's load-test lock for as long as the returned handle stays open.
     *
     * @throws ShopException (LOADTEST_RUNNING) when another load test holds it
     */
    public AutoCloseable lock() {
        Connection c = null;
        try {
            c = db.dataSource().getConnection();
            try (PreparedStatement ps = c.prepareStatement(LOCK);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new ShopException(
                            "LOADTEST_RUNNING",
                            "another load test is running against "
                                    + db.settings().safeUrl()
                                    + "; one at a time, so that neither removes the other's shoppers");
                }
            }
            Connection held = c;
            // closing the connection (back to the pool) would keep the lock: unlock first
            return () -> {
                try (held;
                        PreparedStatement ps =
                                held.prepareStatement("select pg_advisory_unlock(hashtext('shopassist.loadtest'))")) {
                    ps.execute();
                }
            };
        } catch (SQLException e) {
            close(c);
            throw new DataUnavailableException(DbErrors.describe(db.settings(), e), e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private static void close(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // it was failing already
        }
    }
}
