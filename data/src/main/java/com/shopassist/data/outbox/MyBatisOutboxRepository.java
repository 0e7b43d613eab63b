package com.shopassist.data.outbox;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.money.Money;
import com.shopassist.core.outbox.CartChange;
import com.shopassist.core.outbox.ChangeOutcome;
import com.shopassist.core.outbox.LastKnownCart;
import com.shopassist.core.outbox.OutboxRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox in the kiosk's local PostgreSQL (the embedded server of its catalog replica, with the
 * same migrations): a change and its owner's base are written in one local transaction, and a
 * change is marked done by one statement.
 */
public final class MyBatisOutboxRepository implements OutboxRepository {

    private final OutboxMapper mapper;
    private final Transactions tx;

    /**
     * @param mapper the outbox mapper of the kiosk's local database
     * @param tx that database's transactions
     */
    public MyBatisOutboxRepository(OutboxMapper mapper, Transactions tx) {
        this.mapper = mapper;
        this.tx = tx;
    }

    static String ownerKey(CartOwner owner) {
        return owner.isGuest() ? "g:" + owner.guestKey() : "c:" + owner.customerId();
    }

    @Override
    public void append(CartChange c, LastKnownCart base) {
        tx.run(() -> {
            CartOwner owner = c.owner();
            if (!mapper.hasPending(owner.customerId(), owner.guestKey())) writeBase(base);
            mapper.insertChange(
                    c.changeId().toString(),
                    owner.customerId(),
                    owner.guestKey(),
                    c.kind().name(),
                    c.productId(),
                    c.quantity(),
                    c.voucherCode(),
                    c.priceSeen() == null ? null : c.priceSeen().amount(),
                    c.addressId(),
                    c.idempotencyKey(),
                    c.reference(),
                    c.queuedAt(),
                    c.session());
        });
    }

    @Override
    public List<CartChange> pending(int limit) {
        return mapper.pending(limit).stream()
                .map(MyBatisOutboxRepository::change)
                .toList();
    }

    @Override
    public List<CartChange> parkedFirst() {
        return mapper.parkedFirst().stream()
                .map(MyBatisOutboxRepository::change)
                .toList();
    }

    @Override
    public int park(CartOwner owner, String reason, Instant at) {
        if (owner.isGuest()) return 0;
        return mapper.park(owner.customerId(), reason, at);
    }

    @Override
    public void forgetSessions(CartOwner owner) {
        if (!owner.isGuest()) mapper.forgetParkedSessions(owner.customerId());
    }

    @Override
    public void unpark(CartOwner owner) {
        if (!owner.isGuest()) mapper.unpark(owner.customerId());
    }

    @Override
    public List<CartChange> pendingOf(CartOwner owner) {
        return mapper.pendingOf(owner.customerId(), owner.guestKey()).stream()
                .map(MyBatisOutboxRepository::change)
                .toList();
    }

    @Override
    public boolean hasPending(CartOwner owner) {
        return mapper.hasPending(owner.customerId(), owner.guestKey());
    }

    @Override
    public int pendingCount() {
        return mapper.pendingCount();
    }

    @Override
    public Optional<LastKnownCart> base(CartOwner owner) {
        String key = ownerKey(owner);
        return mapper.base(key)
                .map(b -> new LastKnownCart(
                        owner,
                        b.cartId(),
                        mapper.baseLines(key).stream()
                                .map(l -> new LastKnownCart.Line(l.productId(), l.quantity()))
                                .toList(),
                        b.voucherCode(),
                        b.asOf()));
    }

    @Override
    public Map<CartOwner, CartChange> latestPending() {
        Map<CartOwner, CartChange> out = new LinkedHashMap<>();
        for (OutboxMapper.ChangeRow r : mapper.latestPending()) {
            CartChange c = change(r);
            out.put(c.owner(), c);
        }
        return out;
    }

    @Override
    public void markDone(UUID changeId, ChangeOutcome outcome, Instant at, LastKnownCart baseAfter) {
        if (baseAfter == null) {
            mapper.markDone(changeId.toString(), outcome.status().name(), outcome.detail(), at);
            return;
        }
        tx.run(() -> {
            mapper.markDone(changeId.toString(), outcome.status().name(), outcome.detail(), at);
            writeBase(baseAfter);
        });
    }

    private void writeBase(LastKnownCart base) {
        String key = ownerKey(base.owner());
        mapper.upsertBase(key, base.cartId(), base.voucherCode(), base.asOf());
        mapper.deleteBaseLines(key);
        int position = 0;
        for (LastKnownCart.Line l : base.lines()) {
            mapper.insertBaseLine(key, position++, l.productId(), l.quantity());
        }
    }

    @Override
    public int recordFailure(UUID changeId, String error) {
        return mapper.recordFailure(changeId.toString(), error).orElse(0);
    }

    @Override
    public Summary summary() {
        OutboxMapper.SummaryRow r = mapper.summary();
        return new Summary(r.waiting(), r.oldest(), r.failing(), r.lastError());
    }

    @Override
    public void forgetDone(Instant before) {
        tx.run(() -> {
            mapper.deleteDoneBefore(before);
            mapper.deleteDrainedBases();
        });
    }

    private static CartChange change(OutboxMapper.ChangeRow r) {
        return new CartChange(
                UUID.fromString(r.changeId()),
                new CartOwner(r.customerId(), r.guestKey()),
                CartChange.Kind.valueOf(r.kind()),
                r.productId(),
                r.quantity(),
                r.voucherCode(),
                r.priceSeen() == null ? null : Money.of(r.priceSeen()),
                r.addressId(),
                r.idempotencyKey(),
                r.reference(),
                r.queuedAt(),
                r.sessionToken());
    }
}
