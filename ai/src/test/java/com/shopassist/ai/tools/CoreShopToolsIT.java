package com.shopassist.ai.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.ai.TestTools;
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

/** The tool layer over the real services: proposals are safe, failures are results, JSON parses. */
class CoreShopToolsIT {

    static Database db;
    static CommerceServices s;
    static CoreShopTools tools;
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
        return tools.searchProducts(ctx, query, null, null, null, null, true, null, 5)
                .products()
                .get(0)
                .id();
    }

    @Test
    void aCheckoutProposedForOneCustomerCannotBeCarriedOutByAnother() throws Exception {
        ChatContext budi = customer("budi@example.com");
        ChatContext andi = customer("andi@example.com");
        tools.addToCart(budi, firstInStock(budi, "drinking bottle"), 1);
        tools.addToCart(andi, firstInStock(andi, "drinking bottle"), 1);
        ProposedAction forBudi = tools.checkout(budi, "Rumah").proposal();
        long andiBefore = orders(andi);
        long budiBefore = orders(budi);
        ToolResult stolen = tools.execute(andi, forBudi);
        assertThat(stolen.ok()).isFalse();
        assertThat(stolen.errorCode()).isEqualTo("NO_PROPOSAL");
        assertThat(orders(andi)).isEqualTo(andiBefore);
        assertThat(orders(budi)).isEqualTo(budiBefore);
    }

    @Test
    void aProposalWithChangedParametersIsRefused() throws Exception {
        ChatContext dewi = customer("dewi@example.com");
        tools.addToCart(dewi, firstInStock(dewi, "coffee beans"), 1);
        ProposedAction a = tools.checkout(dewi, "Rumah").proposal();
        Map<String, String> forged = new HashMap<>(a.params());
        forged.put("address_id", "1");
        long before = orders(dewi);
        ToolResult r = tools.execute(dewi, new ProposedAction(a.id(), a.kind(), a.summary(), forged));
        assertThat(r.errorCode()).isEqualTo("NO_PROPOSAL");
        assertThat(orders(dewi)).isEqualTo(before);
    }

    @Test
    void aConfirmedCheckoutPlacesOneOrderAndCannotBeReplayed() throws Exception {
        ChatContext made = customer("made@example.com");
        tools.addToCart(made, firstInStock(made, "robot vacuum"), 1);
        ProposedAction a = tools.checkout(made, "kantor").proposal();
        assertThat(a.kind()).isEqualTo(ProposedAction.Kind.CHECKOUT);
        assertThat(a.params().get("idempotency_key")).isNotBlank();
        long before = orders(made);
        ToolResult done = tools.execute(made, a);
        assertThat(done.ok()).as(done.forModel()).isTrue();
        assertThat(JSON.readTree(done.forModel()).get("order_number").asText()).startsWith("SA-");
        assertThat(tools.execute(made, a).errorCode()).isEqualTo("NO_PROPOSAL");
        assertThat(orders(made)).isEqualTo(before + 1);
        assertThat(tools.getCart(made).cart().isEmpty()).isTrue();
    }

    @Test
    void guestsAreAskedToSignInForCheckoutAddressesAndOrders() {
        ChatContext g = guest();
        for (ToolResult r : List.of(
                tools.checkout(g, "Rumah"),
                tools.getAddresses(g),
                tools.getOrders(g),
                tools.getOrderDetails(g, "latest"),
                tools.findAddressByLabel(g, "Rumah"))) {
            assertThat(r.ok()).isFalse();
            assertThat(r.errorCode()).isEqualTo("SIGN_IN_REQUIRED");
        }
    }

    @Test
    void everyToolAnswersJunkWithAResultNotAnException() throws Exception {
        ChatContext g = guest();
        List<ToolResult> results = List.of(
                tools.searchProducts(
                        g, "'; DROP TABLE tbl_product; --", "%", "\u0000", -5L, -1L, null, "nonsense", 9999),
                tools.getProductDetails(g, -1),
                tools.getCategories(g),
                tools.getProductsByCategory(g, "no such category", -3),
                tools.getBrands(g),
                tools.findProductByName(g, ""),
                tools.checkStock(g, Long.MAX_VALUE),
                tools.checkStockByName(g, "%%%"),
                tools.getCart(g),
                tools.addToCart(g, 1, 0),
                tools.removeFromCart(g, 123456, 2),
                tools.clearCart(g),
                tools.getVouchers(g),
                tools.applyVoucher(g, "' OR 1=1"),
                tools.removeVoucher(g),
                tools.getAddresses(g),
                tools.findAddressByLabel(g, null),
                tools.checkout(g, null),
                tools.getOrders(g),
                tools.getOrderDetails(g, "#99999999999999999999"),
                tools.compareProducts(g, List.of(1L)),
                tools.getGiftSuggestions(g, "martian", -1L, null));
        assertThat(results).extracting(ToolResult::tool).containsExactlyElementsOf(ShopTools.NAMES);
        for (ToolResult r : results) {
            assertThat(r.forModel()).as(r.tool()).isNotBlank();
            if (r.ok()) JSON.readTree(r.forModel());
            else assertThat(r.errorCode()).as(r.tool()).isNotBlank();
        }
        assertThat(tools.execute(g, null).errorCode()).isEqualTo("NO_PROPOSAL");
    }

    @Test
    void theVoucherProposalSaysWhatItSavesAndAppliesOnlyWhenConfirmed() throws Exception {
        ChatContext maria = customer("maria@example.com");
        tools.addToCart(maria, firstInStock(maria, "robot vacuum"), 1);
        ToolResult p = tools.applyVoucher(maria, "diskon5");
        assertThat(p.ok()).isTrue();
        assertThat(p.proposal().params()).containsEntry("code", "DISKON5");
        assertThat(tools.getCart(maria).cart().voucherCode()).isNull();
        assertThat(tools.execute(maria, p.proposal()).cart().voucherCode()).isEqualTo("DISKON5");
        ToolResult expired = tools.applyVoucher(maria, "LEBARAN30");
        assertThat(expired.errorCode()).isEqualTo("VOUCHER_EXPIRED");
    }
}
