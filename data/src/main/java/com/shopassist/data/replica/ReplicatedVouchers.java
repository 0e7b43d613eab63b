package com.shopassist.data.replica;

import com.shopassist.core.voucher.Voucher;
import com.shopassist.core.voucher.VoucherRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Vouchers read from the shared database, or from the replica while it does not answer. Counting a
 * use is the shared database's alone: a checkout never counts against the replica.
 */
public final class ReplicatedVouchers implements VoucherRepository {

    private final VoucherRepository shared;
    private final StoreSwitch store;
    private final BooleanSupplier inSharedTransaction;

    public ReplicatedVouchers(VoucherRepository shared, StoreSwitch store, BooleanSupplier inSharedTransaction) {
        this.shared = shared;
        this.store = store;
        this.inSharedTransaction = inSharedTransaction;
    }

    @Override
    public Optional<Voucher> byCode(String upperCaseCode) {
        return store.read(
                inSharedTransaction.getAsBoolean(),
                () -> shared.byCode(upperCaseCode),
                local -> local.vouchers().byCode(upperCaseCode));
    }

    @Override
    public Optional<Voucher> byId(long voucherId) {
        return store.read(
                inSharedTransaction.getAsBoolean(),
                () -> shared.byId(voucherId),
                local -> local.vouchers().byId(voucherId));
    }

    @Override
    public List<Voucher> usableAt(Instant now) {
        return store.read(
                inSharedTransaction.getAsBoolean(),
                () -> shared.usableAt(now),
                local -> local.vouchers().usableAt(now));
    }

    @Override
    public boolean countUse(long voucherId) {
        return shared.countUse(voucherId);
    }
}
