package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.customer.Customer;
import com.shopassist.core.customer.Session;
import com.shopassist.core.order.Order;
import com.shopassist.core.privacy.PrivacyService;
import com.shopassist.data.chat.MyBatisChatRepository;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A clerk at a kiosk, the kiosk a real kiosk login role (decision 0080): a clerk's session looks
 * customers up and serves only one it found, every step is recorded with the clerk's id, orders
 * and chats made meanwhile carry it, and a served customer's data is exported or erased only with
 * that customer's password.
 */
class KioskClerkIT extends SeededKioskStore {

    @Test
    void aClerkServesOnlyWhomTheyLookedUpAndEveryStepIsRecordedWithTheirId() {
        long clerk = fx.queryLong("SELECT customer_id FROM tbl_customers WHERE role = 'CLERK' LIMIT 1");
        String clerkEmail = fx.queryString("SELECT email FROM tbl_customers WHERE customer_id = ?", clerk);
        // a customer's session may not look anyone up
        roles.as(
                budi,
                () -> assertThatThrownBy(() -> services.customers().lookup("siti", 5))
                        .isInstanceOfSatisfying(
                                ShopException.class, e -> assertThat(e.code()).isEqualTo("NOT_ALLOWED")));

        Session s = services.customers().login(clerkEmail, "kasir123".toCharArray());
        try {
            assertThatThrownBy(() -> services.customers().serve(siti))
                    .isInstanceOfSatisfying(
                            ShopException.class, e -> assertThat(e.code()).isEqualTo("NOT_ALLOWED"));
            List<Customer> found = services.customers().lookup("Siti", 5);
            assertThat(found).extracting(Customer::id).contains(siti);
            assertThat(services.customers().lookup("siti@EXAMPLE.com", 5))
                    .extracting(Customer::id)
                    .containsExactly(siti);
            services.customers().serve(siti);
            assertThat(count("SELECT count(*) FROM tbl_customers")).isEqualTo(1);
            assertThat(services.orders().orders(siti, 1, 50).total()).isEqualTo(ordersOf(siti));

            Product p = services.catalog()
                    .product(fx.queryLong("SELECT min(product_id) FROM tbl_product WHERE stock_quantity > 20"))
                    .orElseThrow();
            services.carts().clear(CartOwner.customer(siti));
            services.carts().add(CartOwner.customer(siti), p.id(), 1);
            Order o = services.checkout()
                    .checkout(
                            siti,
                            services.customers().addresses(siti).get(0).id(),
                            services.checkout().newIdempotencyKey());
            assertThat(fx.queryLong("SELECT clerk_id FROM tbl_order WHERE order_id = ?", o.id()))
                    .isEqualTo(clerk);
            UUID chat = UUID.randomUUID();
            new MyBatisChatRepository(kiosk).ensureSession(chat, siti, null);
            assertThat(fx.queryLong(
                            "SELECT clerk_id FROM aichatbot.chat_session WHERE chat_session_id = ?::uuid",
                            chat.toString()))
                    .isEqualTo(clerk);

            services.customers().stopServing();
            assertThat(services.orders().orders(siti, 1, 50).total()).isZero();
            assertThat(fx.queryString(
                            "SELECT string_agg(action, ',' ORDER BY clerk_audit_id) FROM tbl_clerk_audit"
                                    + " WHERE clerk_id = ? AND customer_id = ?",
                            clerk,
                            siti))
                    .startsWith("LOOKUP")
                    .contains("SERVE", "STOP_SERVING");
        } finally {
            services.customers().logout(s.token());
        }
    }

    @Test
    void aClerkExportsOrDeletesAServedCustomersAccountOnlyWithThatCustomersPassword() {
        long clerk = fx.queryLong("SELECT customer_id FROM tbl_customers WHERE role = 'CLERK' LIMIT 1");
        String clerkEmail = fx.queryString("SELECT email FROM tbl_customers WHERE customer_id = ?", clerk);
        long maria = fx.queryLong("SELECT customer_id FROM tbl_customers WHERE email = 'maria@example.com'");
        // a customer's own session may list its sessions, never another's
        roles.as(budi, () -> assertDenied("SELECT * FROM privacy_sessions(" + maria + ")"));
        assertThat(roles.as(budi, () -> count("SELECT count(*) FROM privacy_sessions(" + budi + ")")))
                .isPositive();

        Session s = services.customers().login(clerkEmail, "kasir123".toCharArray());
        try {
            services.customers().lookup("maria@example.com", 1);
            services.customers().serve(maria);
            for (String password : new String[] {null, "wrong-password-1"}) {
                assertThatThrownBy(() -> services.privacy()
                                .deleteAccount(maria, password == null ? null : password.toCharArray()))
                        .as(password)
                        .isInstanceOfSatisfying(
                                ShopException.class,
                                e -> assertThat(e.code()).isEqualTo(PrivacyService.CUSTOMER_PASSWORD_WRONG));
            }
            // not the customer served, and not without the authorisation in the same transaction
            assertThatThrownBy(() -> services.privacy().deleteAccount(budi, "belanja123".toCharArray()))
                    .isInstanceOfSatisfying(
                            ShopException.class, e -> assertThat(e.code()).isEqualTo("NOT_ALLOWED"));
            assertDenied("SELECT privacy_erase(" + maria + ", '[redacted]')");
            assertThat(fx.queryString("SELECT email FROM tbl_customers WHERE customer_id = ?", maria))
                    .isEqualTo("maria@example.com");

            String export = services.privacy().exportJson(maria, "belanja123".toCharArray());
            assertThat(export).contains("maria@example.com", "\"sessions\"");
            services.privacy().deleteAccount(maria, "belanja123".toCharArray());

            assertThat(fx.queryString("SELECT email FROM tbl_customers WHERE customer_id = ?", maria))
                    .isEqualTo("deleted-" + maria + "@anonymised.invalid");
            assertThat(fx.queryLong("SELECT count(*) FROM tbl_customer_address WHERE customer_id = ?", maria))
                    .isZero();
            assertThat(fx.queryLong(
                            "SELECT count(*) FROM tbl_clerk_audit WHERE clerk_id = ? AND customer_id = ?"
                                    + " AND action IN ('EXPORT', 'DELETE_ACCOUNT')",
                            clerk,
                            maria))
                    .isEqualTo(2);
            assertThat(fx.queryLong("SELECT count(*) FROM tbl_order WHERE customer_id = ?", maria))
                    .as("orders stay for the books")
                    .isPositive();
            assertThat(count("SELECT count(*) FROM tbl_customers WHERE customer_id = " + maria))
                    .as("served no more")
                    .isZero();
        } finally {
            services.customers().logout(s.token());
        }
    }
}
