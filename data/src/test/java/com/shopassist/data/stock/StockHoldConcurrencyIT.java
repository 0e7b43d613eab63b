package com.shopassist.data.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Races for stock as the owner role; {@link StockHoldConcurrencyAsKioskIT} runs them as a kiosk role. */
class StockHoldConcurrencyIT {

    static final int THREADS = 16;
    static TestDatabase.Roles roles;
    static CommerceFixture fx;
    static CommerceServices services;
    static long category;

    @BeforeAll
    static void up() {
        setUp(TestDatabase.freshOwnerOnly(THREADS + 4));
    }

    static void setUp(TestDatabase.Roles databases) {
        roles = databases;
        fx = new CommerceFixture(roles.owner());
        category = fx.category("Hot", null);
        services = CommerceServices.create(roles.kiosk(), Clock.systemUTC(), CommerceSettings.defaults());
    }

    @AfterAll
    static void down() {
        roles.close();
    }

    @Test
    void thousandConcurrentAddsOfTheLastHundredUnitsSucceedExactlyHundredTimes() throws Exception {
        long hot = fx.product(category, "Hot Item", "Brand", 100_000, 100);
        fx.product(category, "Other Item", "Brand", 110_000, 10);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger insufficient = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            CartOwner owner = CartOwner.guest("race-" + i);
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    services.carts().add(owner, hot, 1);
                    ok.incrementAndGet();
                } catch (InsufficientStockException e) {
                    if (e.available() == 0 && !e.alternatives().isEmpty()) insufficient.incrementAndGet();
                    else other.incrementAndGet();
                } catch (RuntimeException e) {
                    other.incrementAndGet();
                    throw e;
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) f.get(120, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(ok.get()).isEqualTo(100);
        assertThat(insufficient.get()).isEqualTo(900);
        assertThat(other.get()).isZero();
        assertThat(services.stock().stock(hot).orElseThrow().available()).isZero();
        assertThat(fx.reservedOf(hot)).isEqualTo(100);
        assertThat(fx.stockOf(hot)).isEqualTo(100);
        assertThat(fx.movements(hot, "HOLD")).isEqualTo(100);
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_stock_hold WHERE product_id = ?", hot))
                .isEqualTo(100);
    }

    @Test
    void twoHundredCartsTakingTwoProductsInOppositeOrdersNeverDeadlock() throws Exception {
        long a = fx.product(category, "Pair A", "Brand", 50_000, 1_000);
        long b = fx.product(category, "Pair B", "Brand", 60_000, 1_000);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                CartOwner owner = CartOwner.guest("pair-" + n);
                long first = n % 2 == 0 ? a : b;
                long second = n % 2 == 0 ? b : a;
                services.carts().add(owner, first, 1);
                services.carts().add(owner, second, 1);
                services.carts().add(owner, first, 1); // grows an existing hold: locks product first
                services.carts().setQuantity(owner, second, 2);
                if (n % 3 == 0) services.carts().clear(owner);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) f.get(120, TimeUnit.SECONDS); // a deadlock would surface here
        pool.shutdown();

        long cleared = (200 + 2) / 3;
        assertThat(fx.reservedOf(a)).isEqualTo((200 - cleared) * 2);
        assertThat(fx.reservedOf(b)).isEqualTo((200 - cleared) * 2);
        assertThat(fx.queryLong("SELECT COALESCE(sum(quantity),0) FROM tbl_stock_hold WHERE product_id = ?", a))
                .isEqualTo(fx.reservedOf(a));
    }
}
