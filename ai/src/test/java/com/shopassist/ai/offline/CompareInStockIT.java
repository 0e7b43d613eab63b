package com.shopassist.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Comparing products when the cheaper one is sold out: the compare tool and the offline assistant
 * point at the lowest price that can be bought, as the compare screen does, and name the sold-out
 * one as sold out.
 */
class CompareInStockIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A product as the test picks it, straight from the table before anything is cached. */
    record Pick(long id, String name, Money price) {}

    @Test
    void theCheaperProductThatIsSoldOutIsNeverTheOneRecommended() throws Exception {
        try (OfflineWorld w = new OfflineWorld()) {
            List<Pick> three = threeRobotVacuumsTheCheapestSoldOut(w);
            Pick cheaper = three.get(0);
            Pick dearer = three.get(1);
            ChatContext ctx = w.guest();

            ToolResult r =
                    w.tools.call(ctx, "compare_products", Args.of("product_ids", List.of(dearer.id(), cheaper.id())));
            assertThat(r.ok()).isTrue();
            JsonNode out = JSON.readTree(r.forModel());
            assertThat(out.path("lowest_price_in_stock_ids").toString())
                    .as("only one can be bought: no lowest price to point at")
                    .isEqualTo("[]");
            assertThat(out.path("sold_out_ids").toString()).isEqualTo("[" + cheaper.id() + "]");
            assertThat(out.has("cheapest_id")).isFalse();
            assertThat(out.has("price_difference"))
                    .as("one can be bought: no gap to act on")
                    .isFalse();

            AssistantReply reply = w.say(ctx, "compare " + cheaper.name() + " and " + dearer.name());
            assertThat(reply.tools()).last().isEqualTo("compare_products");
            assertThat(reply.text())
                    .contains("Only " + dearer.name() + " is in stock.")
                    .contains(cheaper.name() + " costs less but is sold out.")
                    .doesNotContain(cheaper.name() + " is ")
                    .doesNotContain("cheaper");
        }
    }

    @Test
    void amongThreeTheLowestPriceInStockIsNamedAndTheSoldOutOneIsSaidToBe() throws Exception {
        try (OfflineWorld w = new OfflineWorld()) {
            List<Pick> three = threeRobotVacuumsTheCheapestSoldOut(w);
            Pick cheapest = three.get(0);
            Pick second = three.get(1);
            Pick dearest = three.get(2);
            ChatContext ctx = w.guest();

            ToolResult r = w.tools.call(
                    ctx, "compare_products", Args.of("product_ids", List.of(cheapest.id(), second.id(), dearest.id())));
            JsonNode out = JSON.readTree(r.forModel());
            assertThat(out.path("lowest_price_in_stock_ids").toString()).isEqualTo("[" + second.id() + "]");
            assertThat(out.path("price_difference").asLong())
                    .as("between the two that can be bought")
                    .isEqualTo(dearest.price().minus(second.price()).toLong());

            AssistantReply reply =
                    w.say(ctx, "compare " + cheapest.name() + " and " + second.name() + " and " + dearest.name());
            assertThat(reply.tools()).last().isEqualTo("compare_products");
            assertThat(reply.text())
                    .contains(second.name() + " has the lowest price in stock, "
                            + dearest.price().minus(second.price()).format() + " less than " + dearest.name() + ".")
                    .contains(cheapest.name() + " costs less but is sold out.");

            ChatContext indonesian = new ChatContext(
                    UUID.randomUUID(), CartOwner.guest("kiosk-" + UUID.randomUUID()), null, null, new Locale("id"));
            AssistantReply balasan = w.say(
                    indonesian, "bandingkan " + cheapest.name() + " dan " + second.name() + " dan " + dearest.name());
            assertThat(balasan.text())
                    .contains(second.name() + " termurah di antara yang tersedia")
                    .contains(cheapest.name() + " lebih murah, tetapi stoknya habis.");
        }
    }

    @Test
    void whenNoneCanBeBoughtNoneIsCalledCheaper() throws Exception {
        try (OfflineWorld w = new OfflineWorld()) {
            List<Pick> three = threeRobotVacuumsTheCheapestSoldOut(w);
            soldOut(w, three.get(1).id());
            AssistantReply reply = w.say(
                    w.guest(),
                    "compare " + three.get(0).name() + " and " + three.get(1).name());
            assertThat(reply.tools()).last().isEqualTo("compare_products");
            assertThat(reply.text())
                    .contains("None of them is in stock right now.")
                    .doesNotContain("costs less");
        }
    }

    /** Three robot vacuums at three different prices, cheapest first, the cheapest then sold out. */
    private static List<Pick> threeRobotVacuumsTheCheapestSoldOut(OfflineWorld w) throws Exception {
        List<Pick> picks = new ArrayList<>();
        try (Connection c = w.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT DISTINCT ON (retail_price) product_id, product_name, retail_price FROM tbl_product"
                                + " WHERE product_name ILIKE '%robot vacuum%' AND stock_quantity > 5 AND is_active"
                                + " ORDER BY retail_price, product_id LIMIT 3");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                picks.add(new Pick(
                        rs.getLong(1),
                        rs.getString(2),
                        Money.of(rs.getBigDecimal(3).longValue())));
            }
        }
        assertThat(picks).as("the seed's robot vacuums").hasSize(3);
        soldOut(w, picks.get(0).id());
        return picks;
    }

    private static void soldOut(OfflineWorld w, long productId) throws Exception {
        try (Connection c = w.db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE tbl_product SET stock_quantity = 0, reserved_quantity = 0 WHERE product_id = ?")) {
            ps.setLong(1, productId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
