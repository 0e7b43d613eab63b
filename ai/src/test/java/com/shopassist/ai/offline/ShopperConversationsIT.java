package com.shopassist.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.ProductCard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestFactory;

/**
 * Whole shopper conversations with the offline assistant over the seeded PostgreSQL and the real
 * commerce services, each in a fresh database, each ending in a database state checked with
 * plain SQL: what is in the cart, which order was placed and where to, which voucher is on the
 * cart, and that nothing was written when the shopper said no.
 */
class ShopperConversationsIT {

    static int passed;
    static int run;

    /** One conversation: a shopper (null = guest kiosk), and the turns with their checks. */
    record Conversation(String name, String email, Consumer<Chat> script) {}

    /** The conversation being played: say things, look at replies, query the database. */
    static final class Chat {
        final OfflineWorld w;
        final ChatContext ctx;
        AssistantReply last;

        Chat(OfflineWorld w, ChatContext ctx) {
            this.w = w;
            this.ctx = ctx;
        }

        final StringBuilder transcript = new StringBuilder();

        AssistantReply say(String text) {
            last = w.say(ctx, text);
            transcript
                    .append("> ")
                    .append(text)
                    .append('\n')
                    .append(last.text())
                    .append("\n  tools=")
                    .append(last.tools())
                    .append(" action=")
                    .append(last.action() == null ? null : last.action().summary())
                    .append('\n');
            assertThat(last.text()).as("reply to \"%s\"", text).isNotBlank();
            assertThat(last.assistant()).isEqualTo("offline");
            return last;
        }

        List<ProductCard> shown() {
            return last.products();
        }

        String ownerWhere() {
            return ctx.owner().isGuest()
                    ? "c.guest_key = '" + ctx.owner().guestKey().replace("'", "") + "'"
                    : "c.customer_id = " + ctx.owner().customerId();
        }

        /** product id -> quantity in this shopper's cart, straight from the tables. */
        Map<Long, Long> cart() {
            Map<Long, Long> m = new java.util.TreeMap<>();
            List<Long> ids =
                    ids("SELECT ci.product_id FROM tbl_cart c JOIN tbl_cart_item ci ON ci.cart_id = c.cart_id WHERE "
                            + ownerWhere() + " ORDER BY ci.product_id");
            for (Long id : ids) {
                m.put(
                        id,
                        w.count(
                                "SELECT ci.quantity FROM tbl_cart c JOIN tbl_cart_item ci ON ci.cart_id = c.cart_id WHERE "
                                        + ownerWhere() + " AND ci.product_id = ?",
                                id));
            }
            return m;
        }

        String cartVoucher() {
            return w.string(
                    "SELECT v.voucher_code FROM tbl_cart c LEFT JOIN tbl_voucher v ON v.voucher_id = c.voucher_id WHERE "
                            + ownerWhere());
        }

        long orders() {
            return ctx.isGuest()
                    ? 0
                    : w.count("SELECT count(*) FROM tbl_order WHERE customer_id = ?", ctx.customerId());
        }

        String newestOrderAddress() {
            return w.string(
                    "SELECT shipping_address_text FROM tbl_order WHERE customer_id = ? ORDER BY order_id DESC LIMIT 1",
                    ctx.customerId());
        }

        List<Long> ids(String sql) {
            List<Long> out = new ArrayList<>();
            try (var c = w.db.dataSource().getConnection();
                    var s = c.createStatement();
                    var rs = s.executeQuery(sql)) {
                while (rs.next()) out.add(rs.getLong(1));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        }
    }

    /** Stands for a seeded customer with exactly one saved address (looked up in the database). */
    static final String SINGLE_ADDRESS = "<one address>";

    static final List<Conversation> CONVERSATIONS = List.of(
            new Conversation("guest searches headphones under 500k and adds the second result", null, c -> {
                c.say("headphones under 500k");
                assertThat(c.shown())
                        .hasSizeGreaterThanOrEqualTo(2)
                        .allMatch(p -> p.price().toLong() <= 500_000);
                long second = c.shown().get(1).id();
                c.say("add the second one");
                assertThat(c.last.tools()).containsExactly("add_to_cart");
                assertThat(c.cart()).isEqualTo(Map.of(second, 1L));
            }),
            new Conversation("guest in Indonesian adds two of the first running shoes under 1 juta", null, c -> {
                c.say("sepatu lari di bawah 1 juta");
                assertThat(c.last.language()).isEqualTo("id");
                // searched in the catalog's English, quoted back in the shopper's words
                assertThat(c.last.text()).startsWith("Ini hasil untuk \"sepatu lari\" di bawah Rp 1.000.000");
                assertThat(c.shown()).isNotEmpty().allMatch(p -> p.price().toLong() <= 1_000_000);
                long first = c.shown().get(0).id();
                c.say("tambah 2 yang pertama");
                assertThat(c.last.text()).contains("ditambahkan");
                assertThat(c.cart()).isEqualTo(Map.of(first, 2L));
            }),
            new Conversation("guest asks for the cheap ones and adds the cheapest shown", null, c -> {
                c.say("cari botol minum");
                c.say("yang murah");
                List<ProductCard> shown = c.shown();
                assertThat(shown).isNotEmpty();
                for (int i = 1; i < shown.size(); i++)
                    assertThat(shown.get(i).price())
                            .isGreaterThanOrEqualTo(shown.get(i - 1).price());
                c.say("masukin yang pertama");
                assertThat(c.cart()).isEqualTo(Map.of(shown.get(0).id(), 1L));
            }),
            new Conversation("customer checks out to Rumah after being asked which address", "budi@example.com", c -> {
                long before = c.orders();
                c.say("vacuum cleaner");
                c.say("add the first one");
                c.say("checkout");
                assertThat(c.last.text()).contains("Rumah").contains("Kantor");
                assertThat(c.last.action()).isNull();
                c.say("rumah");
                assertThat(c.last.action()).isNotNull();
                assertThat(c.last.action().summary()).contains("Rumah");
                assertThat(c.orders()).isEqualTo(before);
                c.say("yes");
                assertThat(c.orders()).isEqualTo(before + 1);
                assertThat(c.newestOrderAddress()).contains("Kemang");
                assertThat(c.cart()).isEmpty();
            }),
            new Conversation("customer says no to the checkout: nothing is written", "budi@example.com", c -> {
                long before = c.orders();
                c.say("drinking bottle");
                c.say("add the first one");
                Map<Long, Long> cart = c.cart();
                c.say("kirim ke kantor");
                assertThat(c.last.action()).isNotNull();
                c.say("tidak");
                assertThat(c.last.text()).contains("tidak ada yang diubah");
                assertThat(c.orders()).isEqualTo(before);
                assertThat(c.cart()).isEqualTo(cart);
            }),
            new Conversation("customer applies WELCOME10 after confirming", "andi@example.com", c -> {
                c.say("smart tv");
                c.say("add the first one");
                c.say("use voucher WELCOME10");
                assertThat(c.last.action()).isNotNull();
                assertThat(c.cartVoucher()).isNull();
                c.say("yes");
                assertThat(c.cartVoucher()).isEqualTo("WELCOME10");
                assertThat(c.last.cart().discount().isZero()).isFalse();
            }),
            new Conversation(
                    "a voucher below its minimum purchase is refused and not applied", "andi@example.com", c -> {
                        c.say("dog food");
                        c.say("add the first one");
                        c.say("pakai voucher BELANJA200K");
                        assertThat(c.last.action()).isNull();
                        assertThat(c.last.text()).contains("minimum");
                        assertThat(c.cartVoucher()).isNull();
                    }),
            new Conversation("shopper declines the voucher: none applied", "dewi@example.com", c -> {
                c.say("tote bag");
                c.say("add the first one");
                c.say("apply DISKON5");
                assertThat(c.last.action()).isNotNull();
                c.say("no");
                assertThat(c.cartVoucher()).isNull();
            }),
            new Conversation("guest clears the cart after saying yes", null, c -> {
                c.say("coffee beans");
                c.say("add the first one");
                c.say("add 2 of the second one");
                assertThat(c.cart()).hasSize(2);
                c.say("clear my cart");
                assertThat(c.last.action()).isNotNull();
                assertThat(c.cart()).hasSize(2);
                c.say("yes");
                assertThat(c.cart()).isEmpty();
            }),
            new Conversation("guest says tidak to clearing: the cart stays", null, c -> {
                c.say("kopi");
                c.say("tambah yang pertama");
                Map<Long, Long> cart = c.cart();
                c.say("kosongkan keranjang");
                c.say("tidak");
                assertThat(c.cart()).isEqualTo(cart).isNotEmpty();
            }),
            new Conversation("guest removes the first cart line after viewing the cart", null, c -> {
                c.say("running shoes");
                long a = c.shown().get(0).id();
                long b = c.shown().get(1).id();
                c.say("add the first one");
                c.say("add the second one");
                c.say("show my cart");
                assertThat(c.last.cart().lines()).hasSize(2);
                long firstLine = c.last.cart().lines().get(0).productId();
                c.say("remove the first one");
                Map<Long, Long> cart = c.cart();
                assertThat(cart).hasSize(1).doesNotContainKey(firstLine);
                assertThat(List.of(a, b)).containsAll(cart.keySet());
            }),
            new Conversation("guest lowers a quantity by one", null, c -> {
                c.say("coffee beans");
                long first = c.shown().get(0).id();
                c.say("add 3 of the first one");
                c.say("remove 1 of it");
                assertThat(c.cart()).isEqualTo(Map.of(first, 2L));
            }),
            new Conversation("a guest asking to check out is told to sign in, and nothing is ordered", null, c -> {
                c.say("drinking bottle");
                c.say("add the first one");
                Map<Long, Long> cart = c.cart();
                c.say("checkout");
                assertThat(c.last.text()).containsIgnoringCase("sign in");
                assertThat(c.last.action()).isNull();
                assertThat(c.w.count("SELECT count(*) FROM tbl_checkout_request"))
                        .isZero();
                assertThat(c.cart()).isEqualTo(cart);
            }),
            new Conversation("customer lists orders without writing anything", "budi@example.com", c -> {
                long before = c.orders();
                c.say("my orders");
                String newest = c.w.string(
                        "SELECT order_number FROM tbl_order WHERE customer_id = ? ORDER BY created_at DESC LIMIT 1",
                        c.ctx.customerId());
                assertThat(c.last.text()).contains(newest);
                assertThat(c.orders()).isEqualTo(before);
            }),
            new Conversation("customer asks where the latest order is", "siti@example.com", c -> {
                c.say("where is my order");
                String newest = c.w.string(
                        "SELECT order_number FROM tbl_order WHERE customer_id = ? ORDER BY created_at DESC LIMIT 1",
                        c.ctx.customerId());
                assertThat(c.last.text()).contains(newest);
                assertThat(c.last.tools()).containsExactly("get_order_details");
            }),
            new Conversation(
                    "customer asks the status of one order by number, in Indonesian", "budi@example.com", c -> {
                        String number = c.w.string(
                                "SELECT order_number FROM tbl_order WHERE customer_id = ? ORDER BY created_at LIMIT 1",
                                c.ctx.customerId());
                        c.say("status pesanan " + number);
                        assertThat(c.last.text()).contains(number).contains("Pesanan");
                    }),
            new Conversation("another customer's order number is not found", "dewi@example.com", c -> {
                String other = c.w.string(
                        "SELECT o.order_number FROM tbl_order o JOIN tbl_customers u ON u.customer_id = o.customer_id"
                                + " WHERE u.email = 'budi@example.com' LIMIT 1");
                c.say("status of order " + other);
                assertThat(c.last.text()).contains("couldn't find");
            }),
            new Conversation("guest compares the first two results", null, c -> {
                c.say("robot vacuum");
                List<Long> two = List.of(c.shown().get(0).id(), c.shown().get(1).id());
                c.say("compare the first and the second");
                assertThat(c.last.tools()).containsExactly("compare_products");
                assertThat(c.shown()).extracting(ProductCard::id).containsExactlyInAnyOrderElementsOf(two);
                assertThat(c.cart()).isEmpty();
            }),
            new Conversation("gift ideas for dad stay inside the budget", null, c -> {
                c.say("gift ideas for my dad under 500k");
                assertThat(c.last.tools()).containsExactly("get_gift_suggestions");
                assertThat(c.shown()).isNotEmpty().allMatch(p -> p.price().toLong() <= 500_000 && p.available() > 0);
            }),
            new Conversation("stock of the second result, as the database has it", null, c -> {
                c.say("smart tv");
                ProductCard second = c.shown().get(1);
                c.say("is the second one in stock?");
                assertThat(c.last.tools()).containsExactly("check_stock");
                long available = c.w.count(
                        "SELECT stock_quantity - reserved_quantity FROM tbl_product WHERE product_id = ?", second.id());
                assertThat(c.last.text()).contains(available <= 0 ? "sold out" : String.valueOf(available));
            }),
            new Conversation("stock by name in Indonesian", null, c -> {
                String name = c.w.string(
                        "SELECT product_name FROM tbl_product WHERE product_name LIKE '%Robot Vacuum%' ORDER BY product_id LIMIT 1");
                c.say("stok " + name + " masih ada?");
                // named in full: looked up once, then its own stock is read
                assertThat(c.last.tools()).containsExactly("find_product_by_name", "check_stock");
                assertThat(c.last.text()).contains(name);
            }),
            new Conversation("a second yes after checkout places no second order", SINGLE_ADDRESS, c -> {
                long before = c.orders();
                c.say("dog food");
                c.say("add the first one");
                c.say("checkout");
                assertThat(c.last.action()).as("one address: proposed at once").isNotNull();
                c.say("ya");
                c.say("ya");
                assertThat(c.last.text()).contains("Tidak ada yang perlu dikonfirmasi");
                assertThat(c.orders()).isEqualTo(before + 1);
            }),
            new Conversation(
                    "changing the cart after the proposal drops it: a later yes orders nothing",
                    "putri@example.com",
                    c -> {
                        long before = c.orders();
                        c.say("coffee beans");
                        c.say("add the first one");
                        c.say("checkout to Rumah");
                        assertThat(c.last.action()).isNotNull();
                        c.say("add one more");
                        c.say("yes");
                        assertThat(c.orders()).isEqualTo(before);
                    }),
            new Conversation("the confirm button places the order", "hendra@example.com", c -> {
                long before = c.orders();
                c.say("drinking bottle");
                c.say("add 2 of the first one");
                c.say("ship to Kantor");
                String id = c.last.action().id();
                c.last = c.w.assistant.confirm(c.ctx, id, true);
                assertThat(c.last.text()).contains("SA-");
                assertThat(c.orders()).isEqualTo(before + 1);
                assertThat(c.cart()).isEmpty();
            }),
            new Conversation("the cancel button orders nothing", "hendra@example.com", c -> {
                long before = c.orders();
                c.say("drinking bottle");
                c.say("add the first one");
                c.say("ship to Kantor");
                c.last = c.w.assistant.confirm(c.ctx, c.last.action().id(), false);
                assertThat(c.orders()).isEqualTo(before);
                assertThat(c.cart()).hasSize(1);
            }),
            new Conversation("typos everywhere still fill the cart", null, c -> {
                c.say("hedphones undr 500rb");
                assertThat(c.shown()).isNotEmpty();
                long second = c.shown().get(1).id();
                c.say("ad the secnd one to crat");
                assertThat(c.cart()).isEqualTo(Map.of(second, 1L));
            }),
            new Conversation("adding by a product name that has several variants asks which one", null, c -> {
                c.say("add Kicau Studio 8 Kids Headphones");
                if (c.cart().isEmpty()) {
                    assertThat(c.last.text()).contains("Which one");
                    long first = c.shown().get(0).id();
                    c.say("the first one please, add it");
                    assertThat(c.cart()).isEqualTo(Map.of(first, 1L));
                } else {
                    assertThat(c.cart()).hasSize(1);
                }
                String name = c.w.string(
                        "SELECT p.product_name FROM tbl_cart c JOIN tbl_cart_item ci ON ci.cart_id = c.cart_id"
                                + " JOIN tbl_product p ON p.product_id = ci.product_id WHERE " + c.ownerWhere());
                assertThat(name).contains("Kicau Studio 8 Kids Headphones");
            }),
            new Conversation("voucher on, then off again", "maria@example.com", c -> {
                c.say("robot vacuum");
                c.say("add the first one");
                c.say("remove the voucher");
                assertThat(c.last.text()).contains("No voucher");
                c.say("pakai DISKON5");
                c.say("iya");
                assertThat(c.cartVoucher()).isEqualTo("DISKON5");
                c.say("hapus voucher");
                assertThat(c.cartVoucher()).isNull();
            }),
            new Conversation("asking for more than the stock adds nothing", null, c -> {
                c.say("robot vacuum");
                c.say("add 999 of the first one");
                assertThat(c.last.text()).containsAnyOf("Only", "sold out");
                assertThat(c.cart()).isEmpty();
            }),
            new Conversation("an Indonesian customer buys a bottle and ships it home", "siti@example.com", c -> {
                long before = c.orders();
                c.say("halo");
                c.say("cari botol minum");
                c.say("tambah yang pertama");
                c.say("kirim ke rumah");
                assertThat(c.last.action().summary()).contains("Rumah");
                c.say("ya");
                assertThat(c.orders()).isEqualTo(before + 1);
                assertThat(c.newestOrderAddress()).contains("Dago");
            }),
            new Conversation("small talk, a clerk and nonsense write nothing", null, c -> {
                c.say("hi");
                c.say("asdkjh qwe 😀😀 ;; DROP TABLE tbl_product; --");
                c.say("terima kasih");
                c.say("call a clerk");
                assertThat(c.last.text()).contains("clerk");
                c.say("what's the weather today");
                assertThat(c.cart()).isEmpty();
                assertThat(c.w.count("SELECT count(*) FROM tbl_product")).isEqualTo(1200);
            }),
            new Conversation("checking out an empty cart is refused", "rizky@example.com", c -> {
                long before = c.orders();
                c.say("checkout");
                assertThat(c.last.text()).contains("empty");
                assertThat(c.orders()).isEqualTo(before);
            }),
            new Conversation("an unknown address label is asked about, then Kantor is used", "rizky@example.com", c -> {
                long before = c.orders();
                c.say("coffee beans");
                c.say("add the first one");
                c.say("checkout ke alamat vila");
                assertThat(c.last.action()).isNull();
                assertThat(c.last.text()).contains("vila");
                c.say("kantor");
                assertThat(c.last.action()).isNotNull();
                c.say("ya");
                assertThat(c.orders()).isEqualTo(before + 1);
                String kantor = c.w.string(
                        "SELECT street_address FROM tbl_customer_address WHERE customer_id = ? AND label = 'Kantor'",
                        c.ctx.customerId());
                assertThat(c.newestOrderAddress()).contains(kantor);
            }),
            new Conversation("the kos address by its label", "rizky@example.com", c -> {
                c.say("drinking bottle");
                c.say("add the first one");
                c.say("kirim ke kos");
                assertThat(c.last.action().summary()).contains("Kos");
                c.say("ok");
                String kos = c.w.string(
                        "SELECT street_address FROM tbl_customer_address WHERE customer_id = ? AND label = 'Kos'",
                        c.ctx.customerId());
                assertThat(c.newestOrderAddress()).contains(kos);
            }),
            new Conversation("a category browse, then details of one product", null, c -> {
                c.say("what categories do you have");
                assertThat(c.last.tools()).containsExactly("get_categories");
                assertThat(c.last.text()).contains("Footwear");
                c.say("footwear under 500k");
                assertThat(c.shown()).isNotEmpty().allMatch(p -> p.price().toLong() <= 500_000);
                ProductCard third = c.shown().get(Math.min(2, c.shown().size() - 1));
                c.say("tell me more about the " + (c.shown().size() >= 3 ? "third" : "last") + " one");
                assertThat(c.last.tools()).containsExactly("get_product_details");
                assertThat(c.shown()).extracting(ProductCard::id).containsExactly(third.id());
            }));

    @TestFactory
    Stream<org.junit.jupiter.api.DynamicTest> shopperConversationsEndInTheRightDatabaseState() {
        assertThat(CONVERSATIONS).hasSizeGreaterThanOrEqualTo(30);
        return CONVERSATIONS.stream()
                .map(conv -> dynamicTest(conv.name(), () -> {
                    run++;
                    try (OfflineWorld w = new OfflineWorld()) {
                        String email = conv.email();
                        if (SINGLE_ADDRESS.equals(email)) {
                            // no seeded customer has exactly one address: register one through the real service
                            email = "solo@example.com";
                            var c = w.services
                                    .customers()
                                    .register(new com.shopassist.core.customer.Registration(
                                            "Solo Shopper",
                                            email,
                                            "correct-horse-9".toCharArray(),
                                            30,
                                            "F",
                                            "0812000000"));
                            w.services
                                    .customers()
                                    .addAddress(
                                            c.id(),
                                            new com.shopassist.core.customer.Address(
                                                    0,
                                                    c.id(),
                                                    "Rumah",
                                                    "Solo Shopper",
                                                    "0812000000",
                                                    "Jl. Malioboro No. 1",
                                                    "Yogyakarta",
                                                    "DI Yogyakarta",
                                                    "55271",
                                                    "Indonesia",
                                                    null,
                                                    null,
                                                    true));
                        }
                        ChatContext ctx = email == null ? w.guest() : w.customer(email);
                        Chat chat = new Chat(w, ctx);
                        try {
                            conv.script().accept(chat);
                        } catch (AssertionError e) {
                            throw new AssertionError(e.getMessage() + "\n--- transcript ---\n" + chat.transcript, e);
                        }
                    }
                    passed++;
                }));
    }

    @AfterAll
    static void report() {
        System.out.printf("shopper conversations: %d of %d ended in the expected database state%n", passed, run);
    }
}
