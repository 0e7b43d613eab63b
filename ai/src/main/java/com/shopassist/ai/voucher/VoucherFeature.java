package com.shopassist.ai.voucher;

import com.shopassist.ai.lang.WordBook;
import com.shopassist.ai.tool.Route;
import com.shopassist.ai.tool.Tool;
import java.util.List;

/** The voucher feature: its tools, the words that route a turn to them, and its word lists. */
public final class VoucherFeature {
    private VoucherFeature() {}

    public static final WordBook WORDS = WordBook.load(VoucherFeature.class, "words");

    public static final List<Tool> TOOLS =
            List.of(new GetVouchersTool(), new ApplyVoucherTool(), new RemoveVoucherTool());

    public static final List<Route> ROUTES =
            List.of(Route.of(WORDS, GetVouchersTool.NAME, ApplyVoucherTool.NAME, RemoveVoucherTool.NAME));
}
