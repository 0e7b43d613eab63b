package com.shopassist.data.checkout;

import com.shopassist.core.checkout.CheckoutRepository.CheckoutRecord;
import com.shopassist.data.db.SqlMapper;
import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.annotations.Param;

/** tbl_checkout_request. */
public interface CheckoutMapper extends SqlMapper {

    Optional<CheckoutRecord> find(@Param("key") String key);

    int insert(
            @Param("key") String key,
            @Param("customerId") long customerId,
            @Param("orderId") long orderId,
            @Param("now") Instant now);
}
