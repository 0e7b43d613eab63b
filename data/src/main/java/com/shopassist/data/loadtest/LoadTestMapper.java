package com.shopassist.data.loadtest;

import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * What {@code loadtest} reads, records and removes. Its rows are known by the ids it wrote to
 * {@code tbl_loadtest_run} and {@code tbl_loadtest_created} as it created them (its customers and
 * the carts it saw), and its guest carts and chats by the run's guest-key prefix, which a kiosk
 * makes and no shopper types: never by a pattern a shopper's email could match.
 */
public interface LoadTestMapper extends SqlMapper {

    /** Orders no demo seed and no recorded load test wrote (those after the latest seed, or all when never seeded). */
    long realOrders();

    /**
     * Up to {@code limit} active products with at least {@code minAvailable} free and a name no other
     * active product has, picked at random.
     */
    List<SampleProduct> sample(@Param("limit") int limit, @Param("minAvailable") int minAvailable);

    /** Codes of the vouchers valid now with no usage limit (a load test never uses up a limited one). */
    List<String> unlimitedVouchers(@Param("now") Instant now);

    StoreCounts counts();

    LoadTestStore.ConnectionRoom connectionRoom();

    /** Runs, customers, carts, orders and holds the recorded runs left. */
    LeftOvers leftOvers(@Param("guestPrefix") String guestPrefix);

    // ---------------------------------------------------------------- recording, as rows are created

    void startRun(@Param("runId") String runId);

    /** A customer with this password hash (the store's own registration function); its id, null when the email is taken. */
    Long registerCustomer(
            @Param("fullName") String fullName, @Param("email") String email, @Param("passwordHash") String hash);

    /** {@code kind} CUSTOMER or CART; recording one twice is harmless. */
    void remember(@Param("runId") String runId, @Param("kind") String kind, @Param("id") long id);

    // ---------------------------------------------------------------- what the run took, and what is left

    long heldUnits(@Param("guestPrefix") String guestPrefix);

    long soldUnits();

    List<Long> orderIds();

    List<Long> customerIds();

    /** Stock movements naming these carts or orders (ids as the movements write them; neither list empty). */
    long movementsNaming(@Param("cartIds") List<String> cartIds, @Param("orderIds") List<String> orderIds);

    /** Rows of these ids still there, and the run's record (no list empty). */
    long remaining(
            @Param("runId") String runId,
            @Param("customerIds") List<Long> customerIds,
            @Param("orderIds") List<Long> orderIds,
            @Param("cartIds") List<Long> cartIds);

    // ---------------------------------------------------------------- clean-up, in this order, in one transaction

    /** Deletes the recorded carts' holds and takes them off the products' reserved counters; the units released. */
    long releaseHolds(@Param("guestPrefix") String guestPrefix);

    /** Puts back on the shelf what the recorded customers' orders (not cancelled ones) took; the units. */
    long restoreStock();

    /** Gives back the voucher uses the recorded customers' orders counted. */
    int returnVoucherUses();

    /** The stock movements of the recorded carts (discarded ones too) and orders. */
    int deleteMovements(@Param("guestPrefix") String guestPrefix);

    int deleteCheckoutRequests();

    int deleteOrders();

    int deleteCarts(@Param("guestPrefix") String guestPrefix);

    /** The store report's rows of the recorded chats' turns. */
    int deleteChatTurns(@Param("guestPrefix") String guestPrefix);

    int deleteChats(@Param("guestPrefix") String guestPrefix);

    /** The recorded customers (their sessions, addresses and sign-in failures go with them). */
    int deleteCustomers();

    /** The record itself, once what it names is gone. */
    int forgetRuns();

    // ---------------------------------------------------------------- invariants

    /**
     * Products whose live holds exceed their stock, or whose reserved counter is not the sum of
     * their holds (none counts as zero): either lets a product be sold twice.
     */
    List<ProductBreach> heldBeyondStock(@Param("now") Instant now);

    /** What the recorded customers' orders sold and their carts hold now, per product. */
    List<ProductUse> usedByLoadTest(@Param("guestPrefix") String guestPrefix, @Param("now") Instant now);

    /** The recorded customers' orders that no checkout key names: a checkout that placed two orders. */
    List<String> ordersWithoutKey();

    /** The recorded customers' orders with the checkout key that placed each. */
    List<KeyedOrder> keyedOrders();
}
