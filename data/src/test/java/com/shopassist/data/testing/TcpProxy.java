package com.shopassist.data.testing;

import com.shopassist.data.db.DbSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP proxy in front of a database, to drop the network the way a store's network
 * drops: {@link #cut()} stops every byte in both directions and leaves the sockets open (no reset,
 * no error: the client hears nothing), and connections made meanwhile are accepted and then hear
 * nothing either. {@link #restore()} closes what was cut and forwards new connections again.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String host;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean cut;
    private volatile boolean closed;

    private TcpProxy(String host, int targetPort) throws IOException {
        this.host = host;
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "tcp-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    /** A proxy in front of {@code target}'s server; {@link #reach(DbSettings)} goes through it. */
    public static TcpProxy to(DbSettings target) {
        URI uri = URI.create(target.jdbcUrl().substring("jdbc:".length()));
        try {
            return new TcpProxy(uri.getHost(), uri.getPort());
        } catch (IOException e) {
            throw new IllegalStateException("proxy did not start", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code direct}, the settings of the server behind this proxy, pointed at the proxy instead. */
    public DbSettings reach(DbSettings direct) {
        URI uri = URI.create(direct.jdbcUrl().substring("jdbc:".length()));
        return new DbSettings(
                direct.jdbcUrl().replace(":" + uri.getPort() + "/", ":" + port() + "/"),
                direct.user(),
                direct.password(),
                direct.source());
    }

    /** The network drops: silence both ways, sockets left open. */
    public void cut() {
        cut = true;
    }

    /** The network is back: the cut connections are closed, new ones go through. */
    public void restore() {
        for (Socket s : open) closeQuietly(s);
        open.clear();
        cut = false;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                open.add(client);
                if (cut) continue; // accepted, and then nothing: a black hole
                Socket server;
                try {
                    server = new Socket(host, targetPort);
                } catch (IOException refused) {
                    // the network is up and the server is not: the client is refused, as it would be directly
                    open.remove(client);
                    closeQuietly(client);
                    continue;
                }
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            while (cut && !closed && !from.isClosed()) sleep();
                            if (from.isClosed() || to.isClosed()) return;
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException ignored) {
                        // one side closed
                    } finally {
                        if (!cut) {
                            closeQuietly(from);
                            closeQuietly(to);
                        }
                    }
                },
                "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        restore();
    }

    /** Closes a server socket quietly. */
    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
