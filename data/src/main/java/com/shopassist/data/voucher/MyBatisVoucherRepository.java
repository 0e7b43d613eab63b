package com.shopassist.data.voucher;

import com.shopassist.core.money.Money;
import com.shopassist.core.voucher.DiscountType;
import com.shopassist.core.voucher.Voucher;
import com.shopassist.core.voucher.VoucherRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Vouchers in PostgreSQL. */
public final class MyBatisVoucherRepository implements VoucherRepository {

    private final VoucherMapper mapper;

    public MyBatisVoucherRepository(VoucherMapper mapper) {
        this.mapper = mapper;
    }

    static Voucher toVoucher(VoucherMapper.VoucherRow r) {
        return new Voucher(
                r.voucherId(),
                r.voucherCode(),
                r.description(),
                DiscountType.valueOf(r.discountType()),
                plain(r.discountValue()),
                Money.of(r.minPurchase()),
                r.maxDiscount() == null ? null : Money.of(r.maxDiscount()),
                r.usageLimit(),
                r.usedCount(),
                r.validFrom(),
                r.validUntil(),
                r.isActive());
    }

    /** 10.00 becomes 10 and 12.50 becomes 12.5, never 1E+1. */
    static java.math.BigDecimal plain(java.math.BigDecimal v) {
        java.math.BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    @Override
    public Optional<Voucher> byCode(String upperCaseCode) {
        return mapper.byCode(upperCaseCode).map(MyBatisVoucherRepository::toVoucher);
    }

    @Override
    public Optional<Voucher> byId(long voucherId) {
        return mapper.byId(voucherId).map(MyBatisVoucherRepository::toVoucher);
    }

    @Override
    public List<Voucher> usableAt(Instant now) {
        return mapper.usableAt(now).stream()
                .map(MyBatisVoucherRepository::toVoucher)
                .toList();
    }

    @Override
    public boolean countUse(long voucherId) {
        return mapper.countUse(voucherId);
    }
}
