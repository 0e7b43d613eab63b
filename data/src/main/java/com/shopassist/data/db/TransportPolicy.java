package com.shopassist.data.db;

import com.shopassist.core.common.ShopException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A store database reached over the network is reached with TLS that checks who answers
 * (decision 0082): {@code sslmode=verify-full}, or {@code sslmode=require} when the store says so
 * explicitly ({@code db.allow-unverified-tls=true}). Loopback addresses (the embedded database, a
 * Cloud SQL Auth Proxy beside the app) and the Cloud SQL Java connector, which brings its own
 * mutual TLS, need neither.
 */
public final class TransportPolicy {

    /** The Cloud SQL Java connector's socket factory: TLS 1.3 with the instance's own certificates. */
    static final String CLOUD_SQL_SOCKET_FACTORY = "com.google.cloud.sql.postgres.SocketFactory";

    private TransportPolicy() {}

    /** @throws ShopException (code INSECURE_DATABASE_URL) naming sslmode when the URL may not be used */
    public static void check(DbSettings settings) {
        String url = settings.jdbcUrl();
        if (!url.startsWith("jdbc:postgresql:")) return; // DbErrors says what is wrong with it
        Map<String, String> params = parameters(url);
        if (CLOUD_SQL_SOCKET_FACTORY.equals(params.get("socketfactory"))) return;
        List<String> hosts = hosts(url);
        if (hosts.stream().allMatch(TransportPolicy::isLoopback)) return;
        String mode = params.get("sslmode");
        if (mode == null && "true".equalsIgnoreCase(params.get("ssl"))) mode = "verify-full"; // the driver's reading
        if ("verify-full".equals(mode)) return;
        if ("require".equals(mode) || "verify-ca".equals(mode)) {
            if (settings.allowUnverifiedTls()) return;
            throw new ShopException(
                    "INSECURE_DATABASE_URL",
                    "The store database at " + settings.safeUrl() + " is reached with sslmode=" + mode
                            + ", which does not check the server's name: use sslmode=verify-full (with"
                            + " sslrootcert=/path/to/server-ca.pem), or set db.allow-unverified-tls=true to accept it");
        }
        throw new ShopException(
                "INSECURE_DATABASE_URL",
                "The store database at " + settings.safeUrl() + " is on another machine but its URL has "
                        + (mode == null ? "no sslmode" : "sslmode=" + mode)
                        + ": add sslmode=verify-full (with sslrootcert=/path/to/server-ca.pem), or sslmode=require"
                        + " with db.allow-unverified-tls=true");
    }

    /** The URL's parameters, names lower-cased (the driver reads them without regard to case). */
    static Map<String, String> parameters(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0) return out;
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(decode(name).toLowerCase(Locale.ROOT), decode(value));
        }
        return out;
    }

    /** The host names of a pgjdbc URL; none written means localhost, as the driver reads it. */
    static List<String> hosts(String url) {
        String rest = url.substring("jdbc:postgresql:".length());
        int q = rest.indexOf('?');
        if (q >= 0) rest = rest.substring(0, q);
        if (!rest.startsWith("//")) return List.of("localhost");
        String authority = rest.substring(2);
        int slash = authority.indexOf('/');
        if (slash >= 0) authority = authority.substring(0, slash);
        List<String> hosts = new ArrayList<>();
        for (String hostPort : authority.split(",")) {
            String host = hostPort;
            if (host.startsWith("[")) {
                int end = host.indexOf(']');
                host = end > 0 ? host.substring(1, end) : host;
            } else if (host.indexOf(':') >= 0) {
                host = host.substring(0, host.indexOf(':'));
            }
            hosts.add(host.isEmpty() ? "localhost" : host);
        }
        return hosts;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
