package com.shopassist.data.cart;

import com.shopassist.core.cart.CartItemDetail;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartRecord;
import com.shopassist.core.cart.CartRepository;
import com.shopassist.core.money.Money;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Carts in PostgreSQL: one row per customer and per guest key (unique indexes make sure). */
public final class MyBatisCartRepository implements CartRepository {

    private final CartMapper mapper;

    public MyBatisCartRepository(CartMapper mapper) {
        this.mapper = mapper;
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
        } catch (org.apache.ibatis.exceptions.PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException sql && "23503".equals(sql.getSQLState())) {
                    throw new com.shopassist.core.common.NotFoundException("Product", productId);
                }
            }
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
}
