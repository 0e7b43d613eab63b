package com.shopassist.data.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartRepository;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Changes of cart lines may commit without waiting for the disk; only their own transaction (decision 0051). */
class CartCommitDurabilityIT {

    static Database db;
    static CommerceServices s;
    static CartMapper mapper;
    static CartRepository carts;
    static CommerceFixture fx;

    @BeforeAll
    static void up() {
        // the embedded test server runs with synchronous_commit off; this database runs it on, as production
        try (Database setup = TestDatabase.fresh(2)) {
            String url = setup.settings().jdbcUrl();
            String name = url.substring(url.lastIndexOf('/') + 1);
            new CommerceFixture(setup).exec("ALTER DATABASE " + name + " SET synchronous_commit = on");
            db = Database.open(TestDatabase.settingsFor(name), 4);
        }
        s = CommerceServices.create(db, MutableClock.at("2026-11-25T03:00:00Z"), CommerceSettings.defaults());
        mapper = db.mapper(CartMapper.class);
        carts = s.repositories().carts();
        fx = new CommerceFixture(db);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void theSettingHoldsForTheCartTransactionOnlyWhetherItCommitsOrRollsBack() {
        CartOwner owner = CartOwner.guest("durability-setting");
        assertThat(mapper.synchronousCommit()).isEqualTo("on");
        String inside = s.transactions().inTransaction(() -> {
            carts.lockOrCreateForLineChange(owner, Instant.now());
            return mapper.synchronousCommit();
        });
        assertThat(inside).isEqualTo("off");
        assertThat(mapper.synchronousCommit()).isEqualTo("on");
        assertThatThrownBy(() -> s.transactions().run(() -> {
                    assertThat(carts.lockForLineChange(owner)).isPresent();
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");
        for (int i = 0; i < 4; i++) assertThat(mapper.synchronousCommit()).isEqualTo("on");
    }

    @Test
    void changesOtherThanLinesStillWaitForTheDisk() {
        CartOwner owner = CartOwner.guest("durability-voucher");
        String inside = s.transactions().inTransaction(() -> {
            carts.lockOrCreate(owner, Instant.now());
            return mapper.synchronousCommit();
        });
        assertThat(inside).isEqualTo("on");
    }

    @Test
    void anAddStillCommitsItsLineAndHoldTogether() {
        long category = fx.category("Kitchen", "Dapur");
        long kettle = fx.product(category, "Kettle", "Philips", 300_000, 5);
        s.carts().add(CartOwner.guest("durability"), kettle, 2);
        assertThat(fx.reservedOf(kettle)).isEqualTo(2);
        assertThat(fx.queryLong("SELECT sum(quantity) FROM tbl_cart_item WHERE product_id = ?", kettle))
                .isEqualTo(2);
        assertThat(mapper.synchronousCommit()).isEqualTo("on");
    }
}
