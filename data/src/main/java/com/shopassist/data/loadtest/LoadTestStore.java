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
 * A load test's side of the store database: what it may ask for, the record of what it created
 * (written as it creates it), the clean-up that removes exactly that (putting back the stock and voucher uses its orders took, decision
 * 0085) and the check that nothing was oversold or ordered twice.
 */
public final class LoadTestStore {

    /**
     * Every load-test customer's email ends so: {@code .invalid} is a domain no one can own, and
     * registration refuses it, so no shopper shares an address with a load test. The clean-up does
     * not rely on it: it removes the customers the run recorded by id.
     */
    public static final String EMAIL_DOMAIN = "@loadtest.invalid";

    /** Every load-test guest cart and chat has a key starting so, then the run's id. */
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
        return mapper().realOrders();
    }

    public List<SampleProduct> sample(int limit, int minAvailable) {
        return mapper().sample(limit, minAvailable);
    }

    public List<String> unlimitedVouchers() {
        return mapper().unlimitedVouchers(clock.instant());
    }

    /** Store-wide counts: information only (on a store in use they move with its shoppers). */
    public StoreCounts counts() {
        return mapper().counts();
    }

    public LeftOvers leftOvers() {
        return mapper().leftOvers(GUEST_PREFIX);
    }

    /**
     * The server's room for more connections: {@code max_connections} less the slots kept for
     * superusers and the client connections open now (to every database of the server).
     */
    public record ConnectionRoom(int maxConnections, int reserved, int inUse) {
        public int free() {
            return maxConnections - reserved - inUse;
        }
    }

    public ConnectionRoom connectionRoom() {
        return mapper().connectionRoom();
    }

    /** Records the run before it creates anything: whatever it creates is found through this record. */
    public void startRun(String runId) {
        mapper().startRun(runId);
    }

    /**
     * Registers a customer of run {@code runId} and records its id in the same transaction: a run
     * killed at any moment leaves no customer its record does not name.
     */
    public long registerCustomer(String runId, String fullName, String email, String passwordHash) {
        return db.transactions().inTransaction(() -> {
            Long id = mapper().registerCustomer(fullName, email, passwordHash);
            if (id == null) {
                throw new ShopException("LOADTEST_CUSTOMER", "loadtest: a customer " + email + " exists already");
            }
            mapper().remember(runId, "CUSTOMER", id);
            return id;
        });
    }

    /** Records a cart the run used (a discarded guest cart's stock movements still name it). */
    public void rememberCart(String runId, long cartId) {
        mapper().remember(runId, "CART", cartId);
    }

    /** What the recorded runs took, read before their clean-up. */
    public record Taken(long unitsSold, long unitsHeld, List<Long> orderIds, List<Long> customerIds) {
        public Taken {
            orderIds = List.copyOf(orderIds);
            customerIds = List.copyOf(customerIds);
        }
    }

    public Taken taken() {
        LoadTestMapper m = mapper();
        return new Taken(m.soldUnits(), m.heldUnits(GUEST_PREFIX), m.orderIds(), m.customerIds());
    }

    /** What a clean-up removed and put back. */
    public record Cleanup(
            int customers, int carts, int orders, long unitsRestocked, long unitsReleased, int vouchersReturned) {}

    /**
     * Removes every row the recorded runs created, in one transaction: holds (off the reserved
     * counters), the stock and voucher uses their orders took (put back), movements, checkout keys,
     * orders, carts, chats, customers and the record itself. Safe to run again; a run that was
     * killed is cleaned up by the next one.
     */
    public Cleanup cleanUp() {
        return db.transactions().inTransaction(() -> {
            LoadTestMapper m = mapper();
            long released = m.releaseHolds(GUEST_PREFIX);
            long restocked = m.restoreStock();
            int vouchers = m.returnVoucherUses();
            m.deleteMovements(GUEST_PREFIX);
            m.deleteCheckoutRequests();
            int orders = m.deleteOrders();
            int carts = m.deleteCarts(GUEST_PREFIX);
            m.deleteChatTurns(GUEST_PREFIX);
            m.deleteChats(GUEST_PREFIX);
            int customers = m.deleteCustomers();
            m.forgetRuns();
            return new Cleanup(customers, carts, orders, restocked, released, vouchers);
        });
    }

    /**
     * Whether the clean-up left the store as the run found it, as far as the run is concerned: on a
     * store in use the store-wide counts move with its shoppers, so this looks only at the run's
     * own rows and its own stock change.
     *
     * @param rowsLeft the run's customers, orders, carts and record still there
     * @param movementsLeft stock movements still naming the run's carts or orders
     */
    public record Restoration(
            long unitsSold,
            long unitsRestocked,
            long unitsHeld,
            long unitsReleased,
            long rowsLeft,
            long movementsLeft) {

        public boolean ok() {
            return rowsLeft == 0 && movementsLeft == 0 && unitsSold == unitsRestocked && unitsHeld == unitsReleased;
        }

        @Override
        public String toString() {
            return unitsSold + " units sold and " + unitsRestocked + " put back, " + unitsHeld + " held and "
                    + unitsReleased + " released, " + rowsLeft + " of its rows and " + movementsLeft
                    + " of its stock movements left";
        }
    }

    /** Checks, after {@link #cleanUp()}, what run {@code runId} took ({@code taken}) and used ({@code cartIds}). */
    public Restoration restoration(String runId, Taken taken, Collection<Long> cartIds, Cleanup cleanup) {
        List<Long> carts = orNone(List.copyOf(cartIds));
        List<Long> orders = orNone(taken.orderIds());
        long rows = mapper().remaining(runId, orNone(taken.customerIds()), orders, carts);
        long movements = mapper().movementsNaming(text(carts), text(orders));
        return new Restoration(
                taken.unitsSold(),
                cleanup.unitsRestocked(),
                taken.unitsHeld(),
                cleanup.unitsReleased(),
                rows,
                movements);
    }

    // "in ()" is not SQL: an id no row has stands in for none
    private static List<Long> orNone(List<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    private static List<String> text(List<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
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
        for (ProductUse u : mapper().usedByLoadTest(GUEST_PREFIX, clock.instant())) {
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
        List<KeyedOrder> keyed = mapper().keyedOrders();
        Map<String, String> orderOfKey = new HashMap<>();
        for (KeyedOrder k : keyed) {
            if (!checkouts.containsKey(k.key())) {
                violations.add("order " + k.orderNumber() + " was placed with checkout key " + k.key()
                        + ", which no kiosk confirmed");
            }
            orderOfKey.put(k.key(), k.orderNumber());
        }
        for (String number : mapper().ordersWithoutKey()) {
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
