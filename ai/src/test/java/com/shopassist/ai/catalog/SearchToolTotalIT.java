package com.shopassist.ai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.ai.TestTools;
import com.shopassist.ai.registry.ToolRegistry;
import com.shopassist.ai.tool.Args;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.db.Database;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model is told a bounded total as it is (decision 0109): "more than 1000", never a number the
 * search did not count. 1,200 kettles and 3 teapots.
 */
class SearchToolTotalIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static ToolRegistry tools;
    static Database db;

    @BeforeAll
    static void up() {
        db = CommerceFixture.kettles(1200);
        CommerceFixture fx = new CommerceFixture(db);
        long kitchen = fx.queryLong("SELECT min(product_category_id) FROM tbl_product_category");
        for (int i = 1; i <= 3; i++) fx.product(kitchen, "Teapot " + i, "Prima", 90000, 5);
        tools = TestTools.over(CommerceServices.create(db));
    }

    @AfterAll
    static void down() {
        db.close();
    }

    static JsonNode search(String query) throws Exception {
        ChatContext guest = new ChatContext(
                UUID.randomUUID(), CartOwner.guest("g-" + UUID.randomUUID()), null, null, Locale.ENGLISH);
        return JSON.readTree(
                tools.call(guest, "search_products", Args.of("query", query)).forModel());
    }

    @Test
    void aSearchWithMoreHitsThanTheBoundTellsTheModelMoreThanTheBound() throws Exception {
        assertThat(search("kettle").get("total").asText()).isEqualTo("more than 1000");
    }

    @Test
    void aSearchBelowTheBoundTellsTheModelTheExactNumber() throws Exception {
        JsonNode total = search("teapot").get("total");

        assertThat(total.isNumber()).isTrue();
        assertThat(total.asLong()).isEqualTo(3);
    }
}
