package com.shopassist.data.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartNotice;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.outbox.CheckoutQueuedException;
import com.shopassist.core.outbox.OfflineCheckout;
import com.shopassist.core.outbox.ReplayReport;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.PresentedSessions;
import com.shopassist.data.testing.TestDatabase;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox of a kiosk that reaches the store's database as a kiosk role (decision 0080): row-level
 * security shows a customer's cart only to a kiosk presenting their session. A customer who signs
 * out (or is reset for idleness) before the store comes back still gets the changes they made
 * offline, because each change keeps the session it was made under (decision 0087); one whose
 * session ended at the store meanwhile waits on the kiosk, and their cart says so.
 */
class OutboxAsKioskIT {

    final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    TestDatabase.Roles store;
    CommerceFixture fx;
    Database local;
    TestKiosk kiosk;
    PresentedSessions presented;
    long siti;
    CartOwner owner;
    long kettle;
    long pan;

    @BeforeEach
    void kioskRole() {
        store = TestDatabase.freshWithKiosk(8);
        fx = new CommerceFixture(store.owner());
        long category = fx.category("Kitchen", "Dapur");
        kettle = fx.product(category, "Kettle", "Brand", 300_000, 10);
        pan = fx.product(category, "Pan", "Brand", 200_000, 10);
        local = KioskDatabases.freshLocal();
        KioskDatabases.copyCatalog(store.owner(), local);
        kiosk = new TestKiosk(store.kiosk(), local, clock, "kiosk-k", OfflineCheckout.QUEUE);
        presented = store.kiosk().sessions();
        siti = fx.customer("Siti", "siti-" + UUID.randomUUID() + "@example.com");
        owner = CartOwner.customer(siti);
    }

    @AfterEach
    void close() {
        presented.present(null);
        local.close();
        store.close();
    }

    /** Signs Siti in at the kiosk as sign-in does: her new session is presented from now on. */
    String signIn() {
        String token = TestDatabase.sessionFor(store.owner(), siti);
        presented.present(token);
        return token;
    }

    /** What a departure does while offline: the holds' release is queued, the session withdrawn. */
    void signOutOffline(String token) {
        kiosk.carts.releaseHolds(owner);
        presented.withdraw(token);
    }

    /** Siti's cart at the store, read by another kiosk she signs in at. */
    Map<Long, Integer> storeCart() {
        CommerceServices other = CommerceServices.create(store.kiosk(), clock, CommerceSettings.defaults(), "kiosk-x");
        Cart cart = presented.as(
                TestDatabase.sessionFor(store.owner(), siti),
                () -> other.carts().cart(owner));
        return quantities(cart);
    }

    static Map<Long, Integer> quantities(Cart cart) {
        return cart.lines().stream()
                .filter(l -> l.quantity() > 0)
                .collect(Collectors.toMap(CartLine::productId, CartLine::quantity));
    }

    long applied() {
        return fx.queryLong("SELECT count(*) FROM tbl_cart_change_applied WHERE kiosk_id = ?", kiosk.kioskId);
    }

    @Test
    void changesOfACustomerWhoSignedOutBeforeTheStoreCameBackReachHerCartOnce() {
        String token = signIn();
        kiosk.carts.add(owner, kettle, 1); // online, as her session
        kiosk.offline();
        kiosk.carts.add(owner, pan, 2);
        kiosk.carts.add(owner, kettle, 1);
        signOutOffline(token);
        assertThat(presented.presentsAny()).isFalse();

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        assertThat(report.stoppedBecause()).isNull();
        assertThat(report.rejected()).isZero();
        assertThat(report.waiting()).isZero();
        assertThat(storeCart()).isEqualTo(Map.of(kettle, 2, pan, 2));
        long recorded = applied();
        assertThat(recorded).isEqualTo(3); // two adds and the release: nothing refused, nothing twice

        assertThat(kiosk.outbox.replay().replayed()).isZero();
        assertThat(applied()).isEqualTo(recorded);
        assertThat(storeCart()).isEqualTo(Map.of(kettle, 2, pan, 2));
        // the token is forgotten with the changes that needed it
        assertThat(localCount("SELECT count(*) FROM tbl_cart_outbox WHERE session_token IS NOT NULL"))
                .isZero();
    }

    @Test
    void changesWhoseSessionEndedAtTheStoreWaitForHerAreNoticedAndGoWhenSheSignsInAgain() {
        long address = fx.address(siti, "Rumah");
        String token = signIn();
        kiosk.offline();
        kiosk.carts.add(owner, pan, 2);
        assertThatThrownBy(() -> kiosk.checkout.checkout(siti, address, "co-parked-" + UUID.randomUUID()))
                .isInstanceOf(CheckoutQueuedException.class);
        signOutOffline(token);
        fx.exec("UPDATE tbl_customer_session SET revoked_at = now() WHERE customer_id = " + siti); // ended there
        fx.queryLong("SELECT upkeep_delete_ended_sessions()"); // the store's hourly upkeep keeps it
        CartOwner guest = CartOwner.guest("guest-" + UUID.randomUUID());
        kiosk.carts.add(guest, kettle, 1); // the next shopper, a guest

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        // the guest's change went; Siti's wait: not refused, not given up, no order, no rejection
        assertThat(report.stoppedBecause()).isNull();
        assertThat(report.rejected()).isZero();
        assertThat(kiosk.carts.cart(guest).lines())
                .extracting(CartLine::quantity)
                .containsExactly(1);
        assertThat(kiosk.outbox.pendingOf(owner)).hasSize(3);
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_order WHERE customer_id = ?", siti))
                .isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_checkout_rejection WHERE customer_id = ?", siti))
                .isZero();
        assertThat(localCount("SELECT count(*) FROM tbl_cart_outbox WHERE attempts > 0"))
                .isZero();
        assertThat(kiosk.outbox.summary().lastError()).contains("sign in again");
        // the store has been told: the kiosk keeps no token of hers any longer
        assertThat(localCount("SELECT count(*) FROM tbl_cart_outbox WHERE session_token IS NOT NULL"))
                .isZero();
        kiosk.outbox.replay(); // a later replay leaves them waiting, and says so once
        assertThat(fx.queryLong(
                        "SELECT count(*) FROM tbl_cart_notice n JOIN tbl_cart c USING (cart_id)"
                                + " WHERE c.customer_id = ? AND n.kind = 'CHANGES_WAITING'",
                        siti))
                .isEqualTo(1);

        // at any kiosk her cart tells her where her changes wait
        CommerceServices other = CommerceServices.create(store.kiosk(), clock, CommerceSettings.defaults(), "kiosk-x");
        Cart elsewhere = presented.as(
                TestDatabase.sessionFor(store.owner(), siti),
                () -> other.carts().cart(owner));
        assertThat(elsewhere.notices()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(CartNotice.Kind.CHANGES_WAITING);
            assertThat(n.requested()).isEqualTo(3);
            assertThat(n.reference()).isEqualTo("kiosk-k");
            assertThat(n.message()).contains("kiosk-k");
        });

        signIn(); // back at this kiosk: signing in replays what waited for her
        Cart merged = kiosk.carts.mergeGuestIntoCustomer("guest-none-" + UUID.randomUUID(), siti);

        assertThat(kiosk.outbox.pendingOf(owner)).isEmpty();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_order WHERE customer_id = ?", siti))
                .isEqualTo(1);
        assertThat(merged.notices()).noneMatch(n -> n.kind() == CartNotice.Kind.CHANGES_WAITING);
        assertThat(fx.queryLong(
                        "SELECT count(*) FROM tbl_cart_notice n JOIN tbl_cart c USING (cart_id)"
                                + " WHERE c.customer_id = ? AND n.kind = 'CHANGES_WAITING'",
                        siti))
                .isZero();
    }

    long waitingNotices() {
        return fx.queryLong(
                "SELECT count(*) FROM tbl_cart_notice n JOIN tbl_cart c USING (cart_id)"
                        + " WHERE c.customer_id = ? AND n.kind = 'CHANGES_WAITING'",
                siti);
    }

    @Test
    void aSessionThatExpiredDuringALongOutageAndWasSweptStillLeavesHerTheNotice() {
        String token = signIn();
        kiosk.offline();
        kiosk.carts.add(owner, pan, 2);
        signOutOffline(token);
        // the outage outlasted her session (12 hours), and the store's upkeep ran meanwhile
        fx.exec("UPDATE tbl_customer_session SET created_at = now() - interval '25 hours',"
                + " expires_at = now() - interval '13 hours' WHERE customer_id = " + siti);
        fx.queryLong("SELECT upkeep_delete_ended_sessions()");

        kiosk.online();
        ReplayReport report = kiosk.outbox.replay();

        assertThat(report.stoppedBecause()).isNull();
        assertThat(kiosk.outbox.pendingOf(owner)).isNotEmpty();
        assertThat(waitingNotices()).isEqualTo(1);
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_customer_session WHERE customer_id = ?", siti))
                .isEqualTo(1); // kept, though it opens nothing
    }

    @Test
    void aSessionThatEndedMoreThanThirtyDaysAgoLeavesNoNoticeAndIsSwept() {
        String ended = TestDatabase.sessionFor(store.owner(), siti);
        fx.exec("UPDATE tbl_customer_session SET revoked_at = now() - interval '31 days' WHERE customer_id = " + siti);

        boolean told = presented.as(
                ended,
                () -> store.kiosk()
                        .transactions()
                        .inTransaction(() -> kiosk.store
                                .repositories()
                                .appliedChanges()
                                .noteChangesWaiting(siti, 2, "kiosk-k", clock.instant())));

        assertThat(told).isFalse();
        assertThat(waitingNotices()).isZero();
        fx.queryLong("SELECT upkeep_delete_ended_sessions()");
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_customer_session WHERE customer_id = ?", siti))
                .isZero();
    }

    @Test
    void aKioskHoldingNoSessionOfTheCustomerCannotLeaveHerANotice() {
        String other = TestDatabase.sessionFor(
                store.owner(), fx.customer("Budi", "budi-" + UUID.randomUUID() + "@example.com"));
        boolean told = presented.as(
                other,
                () -> store.kiosk()
                        .transactions()
                        .inTransaction(() -> kiosk.store
                                .repositories()
                                .appliedChanges()
                                .noteChangesWaiting(siti, 2, "kiosk-k", clock.instant())));

        assertThat(told).isFalse();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_cart_notice")).isZero();
    }

    long localCount(String sql) {
        try (var c = local.dataSource().getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
