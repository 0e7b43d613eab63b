package com.shopassist.ai.gemini;

import com.shopassist.ai.catalog.ProductDetailsTool;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolBox;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.catalog.Product;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the reply check also holds an answer against: the products earlier turns showed, as they are now. */
final class EarlierProducts {

    private static final Logger log = LoggerFactory.getLogger(EarlierProducts.class);
    private final ToolBox tools;

    EarlierProducts(ToolBox tools) {
        this.tools = tools;
    }

    /**
     * Products of the window's earlier tool rounds, read again now: an answer that repeats an
     * earlier price ("yes, the JBL is still Rp 699.000") is checked against today's data, not
     * against what the model remembers. Asked only once a sentence of the answer holds a digit.
     */
    List<ToolResult> reread(Turn turn, List<ToolResult> results) {
        Set<Long> have = new HashSet<>();
        for (ToolResult r : results) for (Product p : r.products()) have.add(p.id());
        LinkedHashSet<Long> ids = new LinkedHashSet<>();
        List<String> seen = turn.history.windowProducts();
        for (int i = seen.size() - 1; i >= 0 && ids.size() < 6; i--) {
            String head = seen.get(i).split(" ", 2)[0];
            try {
                long id = Long.parseLong(head);
                if (!have.contains(id)) ids.add(id);
            } catch (NumberFormatException ignored) {
                // not a product entry
            }
        }
        List<ToolResult> out = new ArrayList<>();
        for (long id : ids) {
            try {
                ToolResult r = tools.call(turn.ctx, ProductDetailsTool.NAME, Args.of("product_id", id));
                if (r != null && r.ok()) out.add(r);
            } catch (RuntimeException e) {
                log.debug("could not re-read product {}: {}", id, e.toString());
            }
        }
        return out;
    }
}
