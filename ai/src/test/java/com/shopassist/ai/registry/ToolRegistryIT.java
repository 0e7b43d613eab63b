package com.shopassist.ai.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.ai.TestTools;
import com.shopassist.ai.tool.Args;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.customer.Customer;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tool layer over the real services, called by name as the assistants call it: proposals are safe, failures are results, JSON parses. */
class ToolRegistryIT {

    static Database db;
    static CommerceServices s;
    static ToolRegistry tools;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void up() {
        db = TestDatabase.freshSeeded();
        s = CommerceServices.create(db);
        tools = TestTools.over(s);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    static ChatContext customer(String email) {
        Customer c = s.customers().lookup(email, 1).get(0);
        return new ChatContext(UUID.randomUUID(), CartOwner.customer(c.id()), c, null, Locale.ENGLISH);
    }

    static ChatContext guest() {
        return new ChatContext(
                UUID.randomUUID(), CartOwner.guest("g-" + UUID.randomUUID()), null, null, Locale.ENGLISH);
    }

    static long orders(ChatContext ctx) throws Exception {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("SELECT count(*) FROM tbl_order WHERE customer_id = " + ctx.customerId())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long firstInStock(ChatContext ctx, String query) {
        return tools.call(ctx, "search_products", Args.of("query", query, "in_stock_only", true, "limit", 5))
                .products()
                .get(0)
                .id();
    }

    @Test
    void aCheckoutProposedForOneCustomerCannotBeCarriedOutByAnother() throws Exception {
        ChatContext budi = customer("budi@example.com");
        ChatContext andi = customer("andi@example.com");
        tools.call(budi, "add_to_cart", Args.of("product_id", firstInStock(budi, "drinking bottle"), "quantity", 1));
        tools.call(andi, "add_to_cart", Args.of("product_id", firstInStock(andi, "drinking bottle"), "quantity", 1));
        ProposedAction forBudi =
                tools.call(budi, "checkout", Args.of("address_label", "Rumah")).proposal();
        long andiBefore = orders(andi);
        long budiBefore = orders(budi);
        ToolResult stolen = tools.carryOut(andi, forBudi);
        assertThat(stolen.ok()).isFalse();
        assertThat(stolen.errorCode()).isEqualTo("NO_PROPOSAL");
        assertThat(orders(andi)).isEqualTo(andiBefore);
        assertThat(orders(budi)).isEqualTo(budiBefore);
    }

    @Test
    void aProposalWithChangedParametersIsRefused() throws Exception {
        ChatContext dewi = customer("dewi@example.com");
        tools.call(dewi, "add_to_cart", Args.of("product_id", firstInStock(dewi, "coffee beans"), "quantity", 1));
        ProposedAction a =
                tools.call(dewi, "checkout", Args.of("address_label", "Rumah")).proposal();
        Map<String, String> forged = new HashMap<>(a.params());
        forged.put("address_id", "1");
        long before = orders(dewi);
        ToolResult r = tools.carryOut(dewi, new ProposedAction(a.id(), a.kind(), a.summary(), forged));
        assertThat(r.errorCode()).isEqualTo("NO_PROPOSAL");
        assertThat(orders(dewi)).isEqualTo(before);
    }

    @Test
    void aConfirmedCheckoutPlacesOneOrderAndCannotBeReplayed() throws Exception {
        ChatContext made = customer("made@example.com");
        tools.call(made, "add_to_cart", Args.of("product_id", firstInStock(made, "robot vacuum"), "quantity", 1));
        ProposedAction a =
                tools.call(made, "checkout", Args.of("address_label", "kantor")).proposal();
        assertThat(a.kind()).isEqualTo(ProposedAction.Kind.CHECKOUT);
        assertThat(a.params().get("idempotency_key")).isNotBlank();
        long before = orders(made);
        ToolResult done = tools.carryOut(made, a);
        assertThat(done.ok()).as(done.forModel()).isTrue();
        assertThat(JSON.readTree(done.forModel()).get("order_number").asText()).startsWith("SA-");
        assertThat(tools.carryOut(made, a).errorCode()).isEqualTo("NO_PROPOSAL");
        assertThat(orders(made)).isEqualTo(before + 1);
        assertThat(tools.call(made, "get_cart", Args.none()).cart().isEmpty()).isTrue();
    }

    @Test
    void guestsAreAskedToSignInForCheckoutAddressesAndOrders() {
        ChatContext g = guest();
        for (ToolResult r : List.of(
                tools.call(g, "checkout", Args.of("address_label", "Rumah")),
                tools.call(g, "get_addresses", Args.none()),
                tools.call(g, "get_orders", Args.none()),
                tools.call(g, "get_order_details", Args.of("order", "latest")),
                tools.call(g, "find_address_by_label", Args.of("label", "Rumah")))) {
            assertThat(r.ok()).isFalse();
            assertThat(r.errorCode()).isEqualTo("SIGN_IN_REQUIRED");
        }
    }

    @Test
    void everyToolAnswersJunkWithAResultNotAnException() throws Exception {
        ChatContext g = guest();
        List<ToolResult> results = List.of(
                tools.call(
                        g,
                        "search_products",
                        Args.of(
                                "query", "'; DROP TABLE tbl_product; --",
                                "category", "%",
                                "brand", "\u0000",
                                "min_price", -5,
                                "max_price", -1,
                                "sort", "nonsense",
                                "limit", 9999)),
                tools.call(g, "get_product_details", Args.of("product_id", -1)),
                tools.call(g, "get_categories", Args.none()),
                tools.call(g, "get_products_by_category", Args.of("category", "no such category", "limit", -3)),
                tools.call(g, "get_brands", Args.none()),
                tools.call(g, "find_product_by_name", Args.of("name", "")),
                tools.call(g, "check_stock", Args.of("product_id", Long.MAX_VALUE)),
                tools.call(g, "check_stock_by_name", Args.of("name", "%%%")),
                tools.call(g, "get_cart", Args.none()),
                tools.call(g, "add_to_cart", Args.of("product_id", 1, "quantity", 0)),
                tools.call(g, "remove_from_cart", Args.of("product_id", 123456, "quantity", 2)),
                tools.call(g, "clear_cart", Args.none()),
                tools.call(g, "get_vouchers", Args.none()),
                tools.call(g, "apply_voucher", Args.of("code", "' OR 1=1")),
                tools.call(g, "remove_voucher", Args.none()),
                tools.call(g, "get_addresses", Args.none()),
                tools.call(g, "find_address_by_label", Args.none()),
                tools.call(g, "checkout", Args.none()),
                tools.call(g, "get_orders", Args.none()),
                tools.call(g, "get_order_details", Args.of("order", "#99999999999999999999")),
                tools.call(g, "compare_products", Args.of("product_ids", List.of(1L))),
                tools.call(g, "get_gift_suggestions", Args.of("recipient", "martian", "budget", -1)),
                tools.call(g, "no_such_tool", Args.none()),
                tools.call(g, "add_to_cart", "{not json"));
        assertThat(results.subList(0, 22))
                .extracting(ToolResult::tool)
                .containsExactlyInAnyOrderElementsOf(ToolRegistry.NAMES);
        for (ToolResult r : results) {
            assertThat(r.forModel()).as(r.tool()).isNotBlank();
            if (r.ok()) JSON.readTree(r.forModel());
            else assertThat(r.errorCode()).as(r.tool()).isNotBlank();
        }
        assertThat(tools.carryOut(g, null).errorCode()).isEqualTo("NO_PROPOSAL");
        assertThat(results.get(22).errorCode()).isEqualTo("BAD_ARGUMENTS");
        assertThat(results.get(23).errorCode()).isEqualTo("BAD_ARGUMENTS");
    }

    @Test
    void theVoucherProposalSaysWhatItSavesAndAppliesOnlyWhenConfirmed() throws Exception {
        ChatContext maria = customer("maria@example.com");
        tools.call(maria, "add_to_cart", Args.of("product_id", firstInStock(maria, "robot vacuum"), "quantity", 1));
        ToolResult p = tools.call(maria, "apply_voucher", Args.of("code", "diskon5"));
        assertThat(p.ok()).isTrue();
        assertThat(p.proposal().params()).containsEntry("code", "DISKON5");
        assertThat(tools.call(maria, "get_cart", Args.none()).cart().voucherCode())
                .isNull();
        assertThat(tools.carryOut(maria, p.proposal()).cart().voucherCode()).isEqualTo("DISKON5");
        ToolResult expired = tools.call(maria, "apply_voucher", Args.of("code", "LEBARAN30"));
        assertThat(expired.errorCode()).isEqualTo("VOUCHER_EXPIRED");
    }

    @Test
    void aNulByteInASearchArgumentIsReadAsASpaceNotSentToPostgres() {
        // PostgreSQL refuses 0x00 in a text parameter: before, this was an SQL error logged as a failure
        ToolResult r = tools.call(
                guest(), "search_products", Args.of("query", "head\u0000phones", "brand", "Sonora\u0000", "limit", 5));
        assertThat(r.ok()).as(r.forModel()).isTrue();
        assertThat(Args.of("brand", "So\u0000nora\u0007").str("brand")).isEqualTo("So nora");
    }
}
