package com.shopassist.ai;

import com.shopassist.ai.registry.ToolRegistry;
import com.shopassist.ai.tool.SessionProposals;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.core.catalog.DefaultSearchService;
import com.shopassist.core.catalog.SearchService;
import com.shopassist.core.catalog.SemanticIndex;
import com.shopassist.core.gift.DefaultGiftService;
import com.shopassist.data.CommerceServices;
import java.time.Clock;

/** The tool layer over real services, as the app builds it, for tests and benchmarks. */
public final class TestTools {
    private TestTools() {}

    public static ToolRegistry over(CommerceServices s) {
        return over(s, null);
    }

    /** {@code semanticOrNull}: meaning-based ranking, or none. */
    public static ToolRegistry over(CommerceServices s, SemanticIndex semanticOrNull) {
        return new ToolRegistry(services(s, semanticOrNull));
    }

    public static ShopServices services(CommerceServices s, SemanticIndex semanticOrNull) {
        SearchService search = new DefaultSearchService(s.catalog(), semanticOrNull);
        return new ShopServices(
                s.catalog(),
                search,
                new DefaultGiftService(s.catalog(), search),
                s.stock(),
                s.carts(),
                s.vouchers(),
                s.checkout(),
                s.orders(),
                s.customers(),
                new SessionProposals(Clock.systemUTC()),
                Clock.systemUTC());
    }
}
