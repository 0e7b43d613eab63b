package com.shopassist.data.db;

import com.shopassist.core.common.ShopException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code db grant-kiosk}: makes an existing login role a kiosk role, a member of
 * {@value #KIOSK_GROUP}, which holds exactly what a kiosk may do (V101). Run as the store owner;
 * running it again changes nothing. Roles that could do more than a kiosk anyway (superusers,
 * roles that bypass row-level security, the owner itself) are refused: a kiosk role must be
 * nothing but a kiosk role.
 */
public final class KioskRoles {

    /** The group role the migrations grant the kiosk's privileges to. */
    public static final String KIOSK_GROUP = "shopassist_kiosk";

    private KioskRoles() {}

    /** What {@link #grant} found and did. */
    public record Grant(String role, boolean alreadyKiosk) {}

    public static Grant grant(Database owner, String roleName) {
        owner.requireOwnerRole("db grant-kiosk");
        if (roleName == null || roleName.isBlank() || roleName.length() > 63) {
            throw new ShopException(
                    "BAD_ROLE", "db grant-kiosk needs --role NAME (a login role of at most 63 characters)");
        }
        try (Connection c = owner.dataSource().getConnection()) {
            RoleFacts facts = facts(c, roleName);
            if (facts == null) {
                throw new ShopException(
                        "BAD_ROLE",
                        "There is no role '" + roleName + "' on this server: create it first (CREATE ROLE \"" + roleName
                                + "\" LOGIN PASSWORD '...', or the store's IAM user), then grant it");
            }
            if (!facts.canLogin()) throw refuse(roleName, "it cannot log in (NOLOGIN)");
            if (facts.superuser()) throw refuse(roleName, "it is a superuser, which no row-level security holds");
            if (facts.bypassRls()) throw refuse(roleName, "it has BYPASSRLS, which skips row-level security");
            if (facts.actsAsOwner()) throw refuse(roleName, "it can act as the owner of the store's tables");
            if (!facts.groupExists()) {
                throw new ShopException(
                        "SCHEMA_BEHIND", "The role " + KIOSK_GROUP + " does not exist yet: run db migrate first");
            }
            if (facts.kiosk()) return new Grant(roleName, true);
            try (Statement s = c.createStatement()) {
                // identifiers cannot be bound: the name is quoted by the server (quote_ident)
                s.execute("GRANT " + KIOSK_GROUP + " TO " + facts.quoted());
            }
            RoleFacts after = facts(c, roleName);
            if (after == null || !after.kiosk()) {
                throw refuse(roleName, "it does not inherit privileges (NOINHERIT): ALTER ROLE it INHERIT first");
            }
            return new Grant(roleName, false);
        } catch (SQLException e) {
            if (DbErrors.isConnectionFailure(e)) {
                throw new com.shopassist.core.common.DataUnavailableException(
                        DbErrors.describe(owner.settings(), e), e);
            }
            throw new ShopException("GRANT_FAILED", "db grant-kiosk failed: " + DbErrors.firstLine(e), e);
        }
    }

    private static ShopException refuse(String role, String why) {
        return new ShopException("BAD_ROLE", "'" + role + "' cannot be a kiosk role: " + why);
    }

    private record RoleFacts(
            String quoted,
            boolean canLogin,
            boolean superuser,
            boolean bypassRls,
            boolean actsAsOwner,
            boolean groupExists,
            boolean kiosk) {}

    private static RoleFacts facts(Connection c, String roleName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select quote_ident(r.rolname), r.rolcanlogin, r.rolsuper,"
                + " r.rolbypassrls,"
                + " pg_has_role(r.oid, (select relowner from pg_class where oid = 'public.tbl_customers'::regclass),"
                + " 'USAGE'),"
                + " exists (select 1 from pg_roles g where g.rolname = '" + KIOSK_GROUP + "'),"
                + " exists (select 1 from pg_roles g where g.rolname = '" + KIOSK_GROUP + "'"
                + " and pg_has_role(r.oid, g.oid, 'USAGE'))"
                + " from pg_roles r where r.rolname = ?")) {
            ps.setString(1, roleName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return new RoleFacts(
                        rs.getString(1),
                        rs.getBoolean(2),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        rs.getBoolean(7));
            }
        }
    }
}
