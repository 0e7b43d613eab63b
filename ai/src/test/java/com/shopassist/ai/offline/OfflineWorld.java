package com.shopassist.ai.offline;

import com.shopassist.ai.TestTools;
import com.shopassist.ai.registry.ToolRegistry;
import com.shopassist.ai.semantic.SemanticSearch;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.customer.Customer;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/** A seeded database, the real commerce services, the tool layer and the offline assistant. */
final class OfflineWorld implements AutoCloseable {
    final Database db;
    final CommerceServices services;
    final ToolRegistry tools;
    final OfflineAssistant assistant;

    OfflineWorld(SemanticSearch semantic) {
        db = TestDatabase.freshSeeded();
        services = CommerceServices.create(db);
        tools = TestTools.over(services, semantic);
        assistant = new OfflineAssistant(tools);
    }

    OfflineWorld() {
        this(null);
    }

    ChatContext guest() {
        return new ChatContext(
                UUID.randomUUID(), CartOwner.guest("kiosk-" + UUID.randomUUID()), null, null, Locale.ENGLISH);
    }

    ChatContext customer(String email) {
        Customer c = services.customers().lookup(email, 1).get(0);
        return new ChatContext(UUID.randomUUID(), CartOwner.customer(c.id()), c, null, Locale.ENGLISH);
    }

    AssistantReply say(ChatContext ctx, String text) {
        return assistant.reply(ctx, text);
    }

    long count(String sql, Object... args) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String string(String sql, Object... args) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
