package com.shopassist.data.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.shopassist.core.common.ShopException;
import com.shopassist.core.privacy.ChatPurge;
import com.shopassist.core.privacy.PrivacyRepository;
import com.shopassist.core.privacy.PrivacyService;
import com.shopassist.data.db.DbErrors;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PrivacyRepository} in SQL; the export document is written with Jackson. Who may ask,
 * and the erasure itself, are the store database's functions (V102): a kiosk role is granted
 * none of what erasure deletes.
 */
public final class MyBatisPrivacyRepository implements PrivacyRepository {

    /** Raised by privacy_authorise (V102) when a clerk's customer password is wrong or missing. */
    private static final String WRONG_CUSTOMER_PASSWORD = "SAH04";

    private final PrivacyMapper mapper;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public MyBatisPrivacyRepository(PrivacyMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void authorise(long customerId, Request request, char[] customerPassword) {
        // the database checks a clerk's request with bcrypt: the password is text for this one call
        String typed = customerPassword == null ? null : new String(customerPassword);
        try {
            mapper.authorise(customerId, request == Request.ERASE ? "DELETE_ACCOUNT" : "EXPORT", typed);
        } catch (RuntimeException e) {
            if (DbErrors.hasSqlState(e, WRONG_CUSTOMER_PASSWORD)) {
                throw new ShopException(
                        PrivacyService.CUSTOMER_PASSWORD_WRONG,
                        "That is not the customer's password: nothing was exported or deleted",
                        e);
            }
            throw e;
        }
    }

    @Override
    public Optional<String> exportDocument(long customerId, Instant exportedAt) {
        List<Map<String, Object>> customer = mapper.customer(customerId);
        if (customer.isEmpty()) return Optional.empty();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", "shopassist-export-1");
        d.put("exported_at", exportedAt.toString());
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
        try {
            return Optional.of(json.writeValueAsString(d));
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
    public boolean erase(long customerId, String redacted) {
        return mapper.erase(customerId, redacted);
    }

    @Override
    public ChatPurge purgeChatsBefore(Instant before, String redacted) {
        Map<String, Object> row = mapper.purgeChatsBefore(before, redacted);
        return new ChatPurge(
                ((Number) row.get("messages_redacted")).intValue(),
                ((Number) row.get("guest_chats_deleted")).intValue());
    }

    @Override
    public void attributeGuestChats(String guestKey, long customerId) {
        mapper.attributeGuestChats(guestKey, customerId);
    }
}
