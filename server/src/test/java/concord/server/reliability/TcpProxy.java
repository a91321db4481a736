package concord.server.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP forwarder in front of a database server that a test can cut and restore, as a database
 * restart or a failed-over host looks to its clients: {@link #cut()} resets every open connection and every
 * new one is closed as soon as it is accepted, until {@link #restore()}.
 */
final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean cut;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptForever);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Resets every open connection; new ones are closed at once until {@link #restore()}. */
    void cut() {
        cut = true;
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    void restore() {
        cut = false;
    }

    /** Connections closed on arrival while cut. */
    int refused() {
        return refused.get();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (cut) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            threads.execute(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 5000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        open.add(client);
        open.add(upstream);
        if (cut) { // cut while connecting
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        threads.execute(() -> pump(client, upstream));
        pump(upstream, client);
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException e) {
            // closed by cut() or by the other side
        } catch (IOException e) {
            // same
        } finally {
            open.remove(from);
            open.remove(to);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.setSoLinger(true, 0); // RST, as a crashed server's host would answer
        } catch (IOException e) {
            // already closed
        }
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
        threads.shutdownNow();
    }
}
