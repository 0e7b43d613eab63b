package com.shopassist.data.loadtest;

import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/**
 * What {@code loadtest} reads and removes. Its rows are known by marks no shopper can make: its
 * customers' emails end in {@value LoadTestStore#EMAIL_DOMAIN}, its guest carts and chats have keys
 * starting with {@value LoadTestStore#GUEST_PREFIX}.
 */
public interface LoadTestMapper extends SqlMapper {

    /** Orders no demo seed and no load test wrote (those after the latest seed, or all when never seeded). */
    long realOrders(@Param("domain") String domain);

    /**
     * Up to {@code limit} active products with at least {@code minAvailable} free and a name no other
     * active product has, picked at random.
     */
    List<SampleProduct> sample(@Param("limit") int limit, @Param("minAvailable") int minAvailable);

    /** Codes of the vouchers valid now with no usage limit (a load test never uses up a limited one). */
    List<String> unlimitedVouchers(@Param("now") Instant now);

    StoreCounts counts();

    /** Customers, carts, orders and holds the marks name, whatever run left them. */
    LeftOvers leftOvers(@Param("domain") String domain, @Param("guestPrefix") String guestPrefix);

    // ---------------------------------------------------------------- clean-up, in this order, in one transaction

    /** Deletes the marked carts' holds and takes them off the products' reserved counters. */
    int releaseHolds(@Param("domain") String domain, @Param("guestPrefix") String guestPrefix);

    /** Puts back on the shelf what the marked customers' orders (not cancelled ones) took. */
    int restoreStock(@Param("domain") String domain);

    /** Gives back the voucher uses the marked customers' orders counted. */
    int returnVoucherUses(@Param("domain") String domain);

    /** The stock movements of these carts (ids as the movements write them), discarded ones too. */
    int deleteCartMovements(@Param("cartIds") List<String> cartIds);

    /** The stock movements of the marked carts and orders. */
    int deleteMovements(@Param("domain") String domain, @Param("guestPrefix") String guestPrefix);

    int deleteCheckoutRequests(@Param("domain") String domain);

    int deleteOrders(@Param("domain") String domain);

    int deleteCarts(@Param("domain") String domain, @Param("guestPrefix") String guestPrefix);

    /** The store report's rows of the marked chats' turns. */
    int deleteChatTurns(@Param("domain") String domain, @Param("guestPrefix") String guestPrefix);

    int deleteChats(@Param("domain") String domain, @Param("guestPrefix") String guestPrefix);

    /** The marked customers (their sessions, addresses and sign-in failures go with them). */
    int deleteCustomers(@Param("domain") String domain);

    // ---------------------------------------------------------------- invariants

    /**
     * Products whose live holds exceed their stock, or whose reserved counter is not the sum of
     * their holds: either lets a product be sold twice.
     */
    List<ProductBreach> heldBeyondStock(@Param("now") Instant now);

    /** What the marked customers' orders sold and their carts hold now, per product. */
    List<ProductUse> usedByLoadTest(
            @Param("domain") String domain, @Param("guestPrefix") String guestPrefix, @Param("now") Instant now);

    /** The marked customers' orders that no checkout key names: a checkout that placed two orders. */
    List<String> ordersWithoutKey(@Param("domain") String domain);

    /** The marked customers' orders with the checkout key that placed each. */
    List<KeyedOrder> keyedOrders(@Param("domain") String domain);
}
