package com.shopassist.data.voucher;

import com.shopassist.data.db.SqlMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** tbl_voucher. */
public interface VoucherMapper extends SqlMapper {

    Optional<VoucherRow> byCode(@Param("code") String code);

    Optional<VoucherRow> byId(@Param("id") long id);

    List<VoucherRow> usableAt(@Param("now") Instant now);

    boolean countUse(@Param("id") long id);

    /** A voucher row. */
    record VoucherRow(
            long voucherId,
            String voucherCode,
            String description,
            String discountType,
            BigDecimal discountValue,
            BigDecimal minPurchase,
            BigDecimal maxDiscount,
            Integer usageLimit,
            int usedCount,
            Instant validFrom,
            Instant validUntil,
            boolean isActive) {}
}
