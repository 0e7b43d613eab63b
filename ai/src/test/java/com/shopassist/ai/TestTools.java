package com.shopassist.ai;

import com.shopassist.ai.registry.ToolRegistry;
import com.shopassist.ai.tool.ProposalStore;
import com.shopassist.ai.tool.SessionProposals;
import com.shopassist.ai.tool.ShopServices;
import com.shopassist.core.catalog.DefaultSearchService;
import com.shopassist.core.catalog.SearchService;
import com.shopassist.core.catalog.SemanticIndex;
import com.shopassist.core.chat.ChatRepository;
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

    /** Proposals kept with the chat sessions in {@code chats}, expiring by {@code clock}. */
    public static ToolRegistry over(CommerceServices s, ChatRepository chats, Clock clock) {
        return new ToolRegistry(services(s, null, new SessionProposals(chats, clock), clock));
    }

    public static ShopServices services(CommerceServices s, SemanticIndex semanticOrNull) {
        return services(s, semanticOrNull, new SessionProposals(Clock.systemUTC()), Clock.systemUTC());
    }

    static ShopServices services(
            CommerceServices s, SemanticIndex semanticOrNull, ProposalStore proposals, Clock clock) {
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
                proposals,
                clock);
    }
}
