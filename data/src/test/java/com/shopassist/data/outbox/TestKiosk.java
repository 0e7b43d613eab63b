package com.shopassist.data.outbox;

import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.outbox.ChangeReplayer;
import com.shopassist.core.outbox.OfflineCheckout;
import com.shopassist.core.outbox.Outbox;
import com.shopassist.core.outbox.OutboxCartService;
import com.shopassist.core.outbox.OutboxCheckoutService;
import com.shopassist.core.outbox.OutboxRepository;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.core.voucher.VoucherRules;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.StoreRepositories;
import com.shopassist.data.db.Database;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * One kiosk wired the way the app's composition root wires it: the store's services over the
 * shared database, its outbox over its local database, and the outbox's cart and checkout services
 * in front, reading the catalog of the local database (its replica) while offline.
 */
final class TestKiosk {

    final String kioskId;
    final Database local;
    final CommerceServices store;
    final CommerceServices replica;
    final OutboxRepository outboxRows;
    final ChangeReplayer replayer;
    final Outbox outbox;
    final SwitchedStoreStatus status;
    final OutboxCartService carts;
    final OutboxCheckoutService checkout;

    TestKiosk(Database shared, Database local, Clock clock, String kioskId, OfflineCheckout mode) {
        this(shared, local, clock, kioskId, mode, Runnable::run, StoreRepositories.outbox(local));
    }

    TestKiosk(
            Database shared,
            Database local,
            Clock clock,
            String kioskId,
            OfflineCheckout mode,
            Executor background,
            OutboxRepository outboxRows) {
        this.kioskId = kioskId;
        this.local = local;
        CommerceSettings settings = CommerceSettings.defaults();
        this.store = CommerceServices.create(shared, clock, settings, kioskId);
        this.replica = CommerceServices.create(local, clock, settings, kioskId);
        this.outboxRows = outboxRows;
        StoreRepositories r = store.repositories();
        this.replayer = new ChangeReplayer(
                store.carts(),
                store.checkout(),
                r.carts(),
                r.checkout(),
                r.appliedChanges(),
                r.checkoutRejections(),
                store.transactions(),
                clock,
                kioskId,
                r.replaySessions());
        this.outbox = new Outbox(outboxRows, replayer, background, clock);
        this.status = new SwitchedStoreStatus();
        VoucherRules rules = new VoucherRules(settings.storeZone());
        this.carts = new OutboxCartService(
                store.carts(), outbox, status, replica.catalog(), replica.vouchers(), rules, clock);
        this.checkout = new OutboxCheckoutService(store.checkout(), carts, outbox, status, mode, clock);
    }

    void offline() {
        status.set(StoreStatus.Source.LOCAL);
    }

    void online() {
        status.set(StoreStatus.Source.SHARED);
    }
}
