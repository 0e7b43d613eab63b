package com.shopassist.data.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.money.Money;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CartServiceIT {

    static Database db;
    static CommerceFixture fx;
    static CommerceFixture.Catalog cat;
    static MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    static CommerceServices services;
    static CartService carts;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(8);
        fx = new CommerceFixture(db);
        cat = fx.smallCatalog();
        services = CommerceServices.create(db, clock, CommerceSettings.defaults());
        carts = services.carts();
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void addingTwiceGrowsOneLineAndHoldsStockForIt() {
        CartOwner owner = CartOwner.guest("kiosk-add-twice");
        carts.add(owner, cat.blender, 1);
        Cart cart = carts.add(owner, cat.blender, 2);

        assertThat(cart.lines()).hasSize(1);
        assertThat(cart.lines().get(0).quantity()).isEqualTo(3);
        assertThat(cart.lines().get(0).lineTotal()).isEqualTo(Money.of(1_800_000));
        assertThat(cart.subtotal()).isEqualTo(Money.of(1_800_000));
        assertThat(cart.total()).isEqualTo(Money.of(1_800_000));
        assertThat(fx.liveHeld(cat.blender, clock.instant())).isEqualTo(3);
        assertThat(services.stock().stock(cat.blender).orElseThrow().available())
                .isEqualTo(7);
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_stock_hold WHERE product_id = ?", cat.blender))
                .isEqualTo(1);
    }

    @Test
    void removingAndClearingReleaseTheHolds() {
        CartOwner owner = CartOwner.guest("kiosk-remove");
        carts.add(owner, cat.phone, 2);
        carts.add(owner, cat.miniCooker, 4);
        int phoneBefore = services.stock().stock(cat.phone).orElseThrow().available();

        Cart afterRemove = carts.remove(owner, cat.phone);
        assertThat(afterRemove.lines()).extracting(l -> l.productId()).containsExactly(cat.miniCooker);
        assertThat(services.stock().stock(cat.phone).orElseThrow().available()).isEqualTo(phoneBefore + 2);

        Cart cleared = carts.clear(owner);
        assertThat(cleared.isEmpty()).isTrue();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_stock_hold WHERE cart_id = ?", cleared.cartId()))
                .isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_cart_item WHERE cart_id = ?", cleared.cartId()))
                .isZero();
        assertThat(fx.movements(cat.miniCooker, "RELEASE")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void askingForMoreThanAvailableSaysHowManyAndOffersAlternatives() {
        CartOwner owner = CartOwner.guest("kiosk-too-many");
        assertThatThrownBy(() -> carts.add(owner, cat.boots, 6))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.available()).isEqualTo(5);
                    assertThat(e.requested()).isEqualTo(6);
                    assertThat(e.alternatives())
                            .isNotEmpty()
                            .hasSizeLessThanOrEqualTo(3)
                            .allSatisfy(p -> {
                                assertThat(p.categoryId()).isEqualTo(cat.shoes);
                                assertThat(p.available()).isPositive();
                            })
                            .extracting(Product::id)
                            .doesNotContain(cat.boots, cat.sandals);
                    // nearest price to Rp 1.100.000 first: the Rp 1.250.000 running shoes
                    assertThat(e.alternatives().get(0).id()).isEqualTo(cat.runningShoes);
                    assertThat(e.getMessage()).contains("Only 5");
                });
        assertThat(carts.cart(owner).isEmpty()).isTrue();
        assertThat(fx.reservedOf(cat.boots)).isZero();
    }

    @Test
    void soldOutProductIsRefusedWithZeroAvailable() {
        assertThatThrownBy(() -> carts.add(CartOwner.guest("kiosk-sandals"), cat.sandals, 1))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.available()).isZero();
                    assertThat(e.getMessage()).contains("sold out");
                });
    }

    @Test
    void unknownProductAndBadQuantityAreClearErrors() {
        CartOwner owner = CartOwner.guest("kiosk-bad");
        assertThatThrownBy(() -> carts.add(owner, 999_999, 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> carts.add(owner, cat.blender, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> carts.add(owner, cat.blender, 1000)).isInstanceOf(ValidationException.class);
    }

    @Test
    void setQuantityShrinksTheHoldAndZeroRemovesTheLine() {
        CartOwner owner = CartOwner.guest("kiosk-set");
        carts.add(owner, cat.kidsShoes, 5);
        Cart smaller = carts.setQuantity(owner, cat.kidsShoes, 2);
        assertThat(smaller.lines().get(0).quantity()).isEqualTo(2);
        assertThat(fx.liveHeld(cat.kidsShoes, clock.instant())).isEqualTo(2);
        Cart gone = carts.setQuantity(owner, cat.kidsShoes, 0);
        assertThat(gone.isEmpty()).isTrue();
        assertThat(fx.liveHeld(cat.kidsShoes, clock.instant())).isZero();
    }

    @Test
    void aCustomerCartIsKeptInTheDatabaseAndFoundAgain() {
        long customer = fx.customer("Ani", "ani-cart@example.com");
        carts.add(CartOwner.customer(customer), cat.riceCooker, 1);
        CommerceServices another = CommerceServices.create(db, clock, CommerceSettings.defaults());
        Cart again = another.carts().cart(CartOwner.customer(customer));
        assertThat(again.lines()).extracting(l -> l.productId()).containsExactly(cat.riceCooker);
    }

    @Test
    void guestCartMergesIntoTheCustomerCartOnSignIn() {
        long customer = fx.customer("Budi", "budi-merge@example.com");
        carts.add(CartOwner.customer(customer), cat.sneakers, 1);
        carts.add(CartOwner.guest("kiosk-merge"), cat.sneakers, 2);
        carts.add(CartOwner.guest("kiosk-merge"), cat.miniCooker, 1);

        Cart merged = carts.mergeGuestIntoCustomer("kiosk-merge", customer);

        assertThat(merged.lines()).hasSize(2);
        assertThat(merged.lines().stream()
                        .filter(l -> l.productId() == cat.sneakers)
                        .findFirst()
                        .orElseThrow()
                        .quantity())
                .isEqualTo(3);
        assertThat(carts.cart(CartOwner.guest("kiosk-merge")).isEmpty()).isTrue();
        assertThat(fx.liveHeld(cat.sneakers, clock.instant())).isEqualTo(3);
    }

    @Test
    void aLineWhoseHoldExpiredIsHeldAgainWhenChanged() {
        CartOwner owner = CartOwner.guest("kiosk-expired-line");
        carts.add(owner, cat.phone2, 2);
        clock.advance(Duration.ofMinutes(31));
        try {
            assertThat(carts.cart(owner).lines().get(0).available()).isEqualTo(3);
            carts.add(owner, cat.phone2, 1);
            assertThat(fx.liveHeld(cat.phone2, clock.instant())).isEqualTo(3);
            assertThat(fx.movements(cat.phone2, "EXPIRE")).isEqualTo(1);
        } finally {
            carts.discard(owner);
        }
        assertThat(fx.reservedOf(cat.phone2)).isZero();
    }

    @Test
    void stockIsFoundByIdAndByATypedName() {
        assertThat(services.stock().stock(cat.sandals).orElseThrow().inStock()).isFalse();
        assertThat(services.stock().stock(424_242)).isEmpty();
        assertThat(services.stock().stockByName("blendr", 3))
                .extracting(l -> l.productId())
                .contains(cat.blender);
        assertThat(services.stock().stockByName("   ", 3)).isEmpty();
    }

    static Instant now() {
        return clock.instant();
    }
}
