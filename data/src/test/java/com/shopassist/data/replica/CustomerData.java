package com.shopassist.data.replica;

import com.shopassist.data.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What counts as customer data in a store database's schema, read from the schema itself so a table
 * added later is covered without anyone remembering to list it: {@code tbl_customers}, every table
 * whose rows point at it (directly or through another such table), every table that names a shopper
 * by a soft reference ({@code customer_id}, {@code guest_key}), and the chat schema. A table whose
 * reference may be empty (a stock hold's cart) is not customer data itself, but that column is. The kiosk's
 * replica must copy none of these tables, and no column that points into one or is named like a
 * person's details.
 */
final class CustomerData {

    /** Column names that carry a person's details or tie a row to a shopper. */
    static final Pattern PERSONAL_COLUMN =
            Pattern.compile(".*(email|password|phone|address|customer|guest|session|cart|order|chat).*");

    private final Set<String> tables;
    private final Map<String, String> foreignKeys; // "table.column" -> referenced table

    private CustomerData(Set<String> tables, Map<String, String> foreignKeys) {
        this.tables = tables;
        this.foreignKeys = foreignKeys;
    }

    /** Reads the customer tables of {@code db}'s schema. */
    static CustomerData of(Database db) {
        Map<String, String> fks = new HashMap<>();
        Set<String> required = new HashSet<>(); // the "table.column" of NOT NULL references
        Set<String> found = new HashSet<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select con.conrelid::regclass::text, a.attname, con.confrelid::regclass::text, a.attnotnull
                    from pg_constraint con
                    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any (con.conkey)
                    where con.contype = 'f'""")) {
                while (rs.next()) {
                    fks.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
                    if (rs.getBoolean(4)) required.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select case when table_schema = 'public' then table_name
                                else table_schema || '.' || table_name end
                    from information_schema.columns
                    where table_schema not in ('pg_catalog', 'information_schema')
                      and (column_name in ('customer_id', 'guest_key') or table_schema = 'aichatbot')""")) {
                while (rs.next()) found.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        found.add("tbl_customers");
        // the store's AI spend ledger sits in the chat schema but holds a cap and per-kiosk daily
        // totals, no shopper (V154): not customer data, though the kiosk's replica copies it neither
        found.removeAll(Set.of("aichatbot.ai_spend_cap", "aichatbot.ai_spend_day"));
        // the closure: a table whose every row points at a customer's row is customer data too
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, String> fk : fks.entrySet()) {
                if (!required.contains(fk.getKey())) continue;
                String table = fk.getKey().substring(0, fk.getKey().lastIndexOf('.'));
                if (found.contains(fk.getValue()) && found.add(table)) grew = true;
            }
        }
        return new CustomerData(Set.copyOf(found), Map.copyOf(fks));
    }

    /** The customer tables found. */
    Set<String> tables() {
        return tables;
    }

    /** What in {@code copied} is customer data, one line each; empty when nothing is. */
    List<String> in(List<ReplicatedTable> copied) {
        List<String> violations = new ArrayList<>();
        for (ReplicatedTable t : copied) {
            if (tables.contains(t.name())) violations.add(t.name() + " is a customer table");
            for (String column : t.columns()) {
                String target = foreignKeys.get(t.name() + "." + column);
                if (target != null && tables.contains(target)) {
                    violations.add(t.name() + "." + column + " points at " + target);
                } else if (PERSONAL_COLUMN.matcher(column).matches()) {
                    violations.add(t.name() + "." + column + " is named like a shopper's details");
                }
            }
        }
        return violations;
    }
}
