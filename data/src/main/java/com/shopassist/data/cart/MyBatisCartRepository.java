package com.shopassist.data.cart;

import com.shopassist.core.cart.CartItemDetail;
import com.shopassist.core.cart.CartNotice;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartRecord;
import com.shopassist.core.cart.CartRepository;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.money.Money;
import com.shopassist.core.stock.Hold;
import com.shopassist.data.db.DbErrors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.ibatis.exceptions.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carts in PostgreSQL: one row per customer and per guest key (unique indexes make sure). A line
 * change commits without waiting for the disk (decision 0051): the hot product row a reservation
 * locks stays locked until commit, and waiting there for a WAL flush would cap reservations on
 * one product near 500/s. Set {@link #LINE_CHANGES_WAIT_FOR_DISK} to make them durable again.
 */
public final class MyBatisCartRepository implements CartRepository {

    /** Decision 0051 in one place: false lets a line change commit before its WAL is on disk. */
    static final boolean LINE_CHANGES_WAIT_FOR_DISK = false;

    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String UNIQUE_VIOLATION = "23505";
    /** Raised by stock_first_line_declined() (V65) and stock_line_change_declined() (V160). */
    private static final String DECLINED = "SAH01";

    private static final Logger LOG = LoggerFactory.getLogger(MyBatisCartRepository.class);
    private static final Set<String> UNKNOWN_KINDS_LOGGED = ConcurrentHashMap.newKeySet();

    private final CartMapper mapper;
    private final LongConsumer stockChanged;
    private final BooleanSupplier inTransaction;

    /**
     * @param stockChanged told of each product whose reserved count a first add changed (the wiring
     *     invalidates its caches after commit)
     * @param inTransaction whether a transaction is open on this thread: the first add commits, so
     *     it declines inside one
     */
    public MyBatisCartRepository(CartMapper mapper, LongConsumer stockChanged, BooleanSupplier inTransaction) {
        this.mapper = mapper;
        this.stockChanged = stockChanged;
        this.inTransaction = inTransaction;
    }

    @Override
    public CartRecord lockOrCreate(CartOwner owner, Instant now) {
        return owner.isGuest()
                ? mapper.upsertGuestCart(owner.guestKey(), now)
                : mapper.upsertCustomerCart(owner.customerId(), now);
    }

    @Override
    public Optional<CartRecord> lock(CartOwner owner) {
        return mapper.find(owner.customerId(), owner.guestKey(), true);
    }

    @Override
    public CartRecord lockOrCreateForLineChange(CartOwner owner, Instant now) {
        lineChange();
        return lockOrCreate(owner, now);
    }

    @Override
    public Optional<CartRecord> lockForLineChange(CartOwner owner) {
        Optional<CartRecord> cart = lock(owner);
        if (cart.isPresent()) lineChange();
        return cart;
    }

    private void lineChange() {
        if (!LINE_CHANGES_WAIT_FOR_DISK) mapper.commitWithoutWaitingForDisk();
    }

    @Override
    public Optional<Hold> addFirstLine(
            CartOwner owner, long productId, int quantity, Instant now, Instant holdExpiresAt, String kioskId) {
        if (quantity <= 0 || inTransaction.getAsBoolean()) return Optional.empty();
        Optional<Hold> hold;
        try {
            hold = mapper.addFirstLineAndCommit(
                    owner.customerId(),
                    owner.guestKey(),
                    productId,
                    quantity,
                    now,
                    holdExpiresAt,
                    kioskId,
                    LINE_CHANGES_WAIT_FOR_DISK);
        } catch (PersistenceException e) {
            // too little free stock (or an inactive product) after the line and hold were written,
            // or a hold left without its line: the statement failed, so nothing of it was
            // committed; the ordinary path gives the answer under the product lock
            if (DbErrors.hasSqlState(e, DECLINED) || DbErrors.hasSqlState(e, UNIQUE_VIOLATION)) {
                return Optional.empty();
            }
            throw e;
        }
        hold.ifPresent(h -> stockChanged.accept(productId));
        return hold;
    }

    @Override
    public Optional<Hold> addToHeldLine(
            CartOwner owner, long productId, int quantity, Instant now, Instant holdExpiresAt, String kioskId) {
        return changeHeldLine(owner, productId, quantity, true, now, holdExpiresAt, kioskId);
    }

    @Override
    public Optional<Hold> setHeldLine(
            CartOwner owner, long productId, int quantity, Instant now, Instant holdExpiresAt, String kioskId) {
        return changeHeldLine(owner, productId, quantity, false, now, holdExpiresAt, kioskId);
    }

    private Optional<Hold> changeHeldLine(
            CartOwner owner,
            long productId,
            int quantity,
            boolean add,
            Instant now,
            Instant holdExpiresAt,
            String kioskId) {
        if (quantity <= 0 || inTransaction.getAsBoolean()) return Optional.empty();
        Optional<Hold> hold;
        try {
            hold = mapper.changeHeldLineAndCommit(
                    owner.customerId(),
                    owner.guestKey(),
                    productId,
                    quantity,
                    add,
                    now,
                    holdExpiresAt,
                    kioskId,
                    LINE_CHANGES_WAIT_FOR_DISK);
        } catch (PersistenceException e) {
            // too little free stock (or an inactive product) after the line and hold were changed:
            // the statement failed whole; the ordinary path gives the answer under its locks
            if (DbErrors.hasSqlState(e, DECLINED)) return Optional.empty();
            throw e;
        }
        // the hold's size or expiry changed: a cached level counts it from the database again
        hold.ifPresent(h -> stockChanged.accept(productId));
        return hold;
    }

    @Override
    public Optional<CartRecord> find(CartOwner owner) {
        return mapper.find(owner.customerId(), owner.guestKey(), false);
    }

    @Override
    public Map<Long, Integer> quantities(long cartId) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        for (CartMapper.QuantityRow r : mapper.quantities(cartId)) out.put(r.productId(), r.quantity());
        return out;
    }

    @Override
    public List<CartItemDetail> details(long cartId, Instant now) {
        return mapper.details(cartId, now).stream()
                .map(r -> new CartItemDetail(
                        r.productId(),
                        r.productName(),
                        r.productBrand(),
                        Money.of(r.retailPrice()),
                        r.quantity(),
                        Math.max(0, r.available()),
                        r.imageRef(),
                        r.isActive()))
                .toList();
    }

    @Override
    public void upsertItem(long cartId, long productId, int quantity, Instant now) {
        try {
            mapper.upsertItem(cartId, productId, quantity, now);
        } catch (PersistenceException e) {
            if (DbErrors.hasSqlState(e, FOREIGN_KEY_VIOLATION)) throw new NotFoundException("Product", productId);
            throw e;
        }
    }

    @Override
    public void deleteItem(long cartId, long productId) {
        mapper.deleteItem(cartId, productId);
    }

    @Override
    public void deleteItems(long cartId) {
        mapper.deleteItems(cartId);
    }

    @Override
    public void setVoucher(long cartId, Long voucherId, Instant now) {
        mapper.setVoucher(cartId, voucherId, now);
    }

    @Override
    public void delete(long cartId) {
        mapper.delete(cartId);
    }

    @Override
    public void addNotice(long cartId, CartNotice n) {
        mapper.addNotice(
                cartId,
                n.kind().name(),
                n.productId(),
                n.requested(),
                n.kept(),
                n.priceSeen() == null ? null : n.priceSeen().amount(),
                n.priceNow() == null ? null : n.priceNow().amount(),
                n.voucherCode(),
                n.reference(),
                n.reason(),
                n.createdAt());
    }

    @Override
    public List<CartNotice> notices(long cartId) {
        return toNotices(mapper.notices(cartId));
    }

    /**
     * The notices this build knows how to tell. A kind added by a newer release (a store database
     * migrated by it while this kiosk still runs the old one: a rolling upgrade) is skipped, and
     * logged once per kind, instead of failing every read of that cart.
     */
    static List<CartNotice> toNotices(List<CartMapper.NoticeRow> rows) {
        List<CartNotice> notices = new ArrayList<>(rows.size());
        for (CartMapper.NoticeRow r : rows) {
            CartNotice.Kind kind = kindOf(r.kind());
            if (kind == null) continue;
            notices.add(new CartNotice(
                    kind,
                    r.productId(),
                    r.productName(),
                    r.requested(),
                    r.kept(),
                    r.priceSeen() == null ? null : Money.of(r.priceSeen()),
                    r.priceNow() == null ? null : Money.of(r.priceNow()),
                    r.voucherCode(),
                    r.reference(),
                    r.reason(),
                    r.createdAt()));
        }
        return List.copyOf(notices);
    }

    private static CartNotice.Kind kindOf(String name) {
        try {
            return CartNotice.Kind.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            if (UNKNOWN_KINDS_LOGGED.add(String.valueOf(name))) {
                LOG.warn("A cart notice of kind {} is not known to this release: it is not shown", name);
            }
            return null;
        }
    }

    @Override
    public void deleteNotices(long cartId, long productId) {
        mapper.deleteNoticesOfProduct(cartId, productId);
    }

    @Override
    public void deleteNotices(long cartId) {
        mapper.deleteNotices(cartId);
    }
}
