package com.shopassist.app.archcontrol;

import com.shopassist.core.voucher.DefaultVoucherService;
import com.shopassist.core.voucher.VoucherService;
import java.time.Clock;

/** A control for ArchitectureTest: a service built outside the composition root. Never used. */
public final class SecondWiring {
    VoucherService vouchers() {
        return new DefaultVoucherService(null, Clock.systemUTC());
    }
}
