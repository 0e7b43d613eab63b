package com.shopassist.app.loadtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the simulated shoppers did that the end of the run needs: every checkout they confirmed, by
 * its idempotency key, with the order number the kiosk was told (the check holds the database's
 * orders against it), and every cart they used (a guest cart is gone after its idle reset, but its
 * stock movements name it, and the clean-up removes them).
 */
final class RunLedger {

    private static final Logger LOG = LoggerFactory.getLogger(RunLedger.class);

    private static final String NONE = "";

    private final Map<String, String> byKey = new ConcurrentHashMap<>();
    private final Set<Long> carts = ConcurrentHashMap.newKeySet();
    private final List<String> conflicts = new ArrayList<>();
    private volatile LongConsumer newCart = id -> {};

    /** Where a cart seen for the first time is recorded (the store's record of the run), as it is seen. */
    void recordCartsWith(LongConsumer recorder) {
        newCart = recorder;
    }

    void confirmed(String key) {
        byKey.putIfAbsent(key, NONE);
    }

    void placed(String key, String orderNumber) {
        byKey.put(key, orderNumber);
    }

    /** The order number told for {@code key}, or null. */
    String placed(String key) {
        String n = byKey.get(key);
        return n == null || n.isEmpty() ? null : n;
    }

    /** The same key asked again was answered with another order. */
    synchronized void conflict(String key, String first, String second) {
        conflicts.add("checkout key " + key + " placed order " + first + ", and asked again, order " + second);
    }

    synchronized List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    /** Key to order number (null where none was told). */
    Map<String, String> checkouts() {
        Map<String, String> out = new HashMap<>();
        byKey.forEach((k, v) -> out.put(k, v.isEmpty() ? null : v));
        return out;
    }

    void cart(long cartId) {
        if (!carts.add(cartId)) return;
        try {
            newCart.accept(cartId);
        } catch (RuntimeException e) {
            // the shopper's turn goes on; the end of this run still knows the cart from here
            LOG.warn("recording cart {} of the load test failed: {}", cartId, e.toString());
        }
    }

    Set<Long> carts() {
        return Set.copyOf(carts);
    }

    long placedCount() {
        return byKey.values().stream().filter(v -> !v.isEmpty()).count();
    }
}
