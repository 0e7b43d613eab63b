package com.shopassist.data.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.privacy.PrivacyService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link PrivacyService} in SQL: export is one JSON document (Jackson); deletion anonymises the
 * customer row, deletes addresses and sessions, releases the cart, redacts chat content and
 * strips the address copy from orders, which are kept (tax law) under the anonymised customer.
 */
public final class PostgresPrivacyService implements PrivacyService {

    private final PrivacyMapper mapper;
    private final CartService carts;
    private final Transactions tx;
    private final Clock clock;
    private final CommerceSettings settings;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public PostgresPrivacyService(
            PrivacyMapper mapper, CartService carts, Transactions tx, Clock clock, CommerceSettings settings) {
        this.mapper = mapper;
        this.carts = carts;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String exportJson(long customerId) {
        Map<String, Object> doc = tx.inTransaction(() -> {
            List<Map<String, Object>> customer = mapper.customer(customerId);
            if (customer.isEmpty()) throw new NotFoundException("Customer", customerId);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("format", "shopassist-export-1");
            d.put("exported_at", clock.instant().toString());
            d.put("customer", clean(customer.get(0)));
            d.put("addresses", clean(mapper.addresses(customerId)));
            d.put("sessions", clean(mapper.sessions(customerId)));
            d.put("cart", clean(mapper.cart(customerId)));
            List<Map<String, Object>> orders = clean(mapper.orders(customerId));
            List<Map<String, Object>> items = clean(mapper.orderItems(customerId));
            for (Map<String, Object> o : orders) {
                List<Map<String, Object>> lines = new ArrayList<>();
                for (Map<String, Object> i : items) {
                    if (o.get("order_id").equals(i.get("order_id"))) lines.add(i);
                }
                o.put("items", lines);
            }
            d.put("orders", orders);
            List<Map<String, Object>> chats = clean(mapper.chatSessions(customerId));
            List<Map<String, Object>> messages = clean(mapper.chatMessages(customerId));
            for (Map<String, Object> c : chats) {
                List<Map<String, Object>> own = new ArrayList<>();
                for (Map<String, Object> m : messages) {
                    if (c.get("chat_session_id").equals(m.get("chat_session_id"))) own.add(m);
                }
                c.put("messages", own);
            }
            d.put("chats", chats);
            return d;
        });
        try {
            return json.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export could not be written as JSON", e);
        }
    }

    private static List<Map<String, Object>> clean(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) out.add(clean(r));
        return out;
    }

    /** JDBC values to JSON-friendly ones: instants as ISO-8601 text, amounts as exact decimal text (never floating point). */
    private static Map<String, Object> clean(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> {
            Object value = v;
            if (v instanceof java.sql.Timestamp t) value = t.toInstant().toString();
            else if (v instanceof OffsetDateTime o) value = o.toInstant().toString();
            else if (v instanceof Instant i) value = i.toString();
            else if (v instanceof BigDecimal b) value = b.stripTrailingZeros().toPlainString();
            out.put(k, value);
        });
        return out;
    }

    @Override
    public void deleteAccount(long customerId) {
        tx.run(() -> {
            if (mapper.lockCustomer(customerId).isEmpty()) throw new NotFoundException("Customer", customerId);
            carts.discard(CartOwner.customer(customerId));
            mapper.deleteAddresses(customerId);
            mapper.deleteSessions(customerId);
            mapper.redactChatsOf(customerId, REDACTED);
            mapper.clearChatSessionsOf(customerId);
            mapper.forgetOrderAddresses(customerId);
            mapper.anonymise(
                    customerId, "deleted-" + customerId + "@anonymised.invalid", "Deleted customer", clock.instant());
        });
    }

    @Override
    public int purgeOldChatContent() {
        Instant before = clock.instant().minus(settings.chatRetention());
        return tx.inTransaction(() -> {
            mapper.clearChatSummariesBefore(before);
            return mapper.redactChatsBefore(before, REDACTED);
        });
    }
}
