package fr.marelle.children;

import fr.marelle.platform.test.StoppedListener;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small clamd on loopback speaking the real INSTREAM protocol (command, length-prefixed chunks, zero chunk,
 * NUL-terminated answer): it finds the EICAR test string. {@link #stop()} takes it off the network, so that a
 * scanner that cannot be reached is tested too; {@link #start()} brings it back on the same port.
 *
 * <p>{@link #stop()} returns once the accepting thread has ended ({@link StoppedListener}): a scanner connecting
 * just after it was answered as if the server were up (a flaky "scanner cannot be reached" test).
 */
public final class FakeClamd implements AutoCloseable {

    private final int port;
    private final AtomicInteger scanned = new AtomicInteger();
    private volatile ServerSocket server;
    private Thread acceptor;

    public FakeClamd(int port) {
        this.port = port;
    }

    public static FakeClamd onFreePort() {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new FakeClamd(port).start();
    }

    public int port() {
        return port;
    }

    public int scanned() {
        return scanned.get();
    }

    public synchronized FakeClamd start() {
        if (server != null) {
            return this;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            acceptor = new Thread(() -> accept(socket), "fake-clamd-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized void stop() {
        StoppedListener.stop(server, acceptor, "The fake clamd on port " + port);
        server = null;
        acceptor = null;
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                serve(client);
            } catch (IOException e) {
                // closed, or a client gone
            }
        }
    }

    private void serve(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        StringBuilder command = new StringBuilder();
        int b;
        while ((b = in.read()) > 0) {
            command.append((char) b);
        }
        if (!"zINSTREAM".equals(command.toString())) {
            out.write(("UNKNOWN COMMAND\0").getBytes(StandardCharsets.US_ASCII));
            return;
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        while (true) {
            int length = in.readInt();
            if (length == 0) {
                break;
            }
            byte[] chunk = in.readNBytes(length);
            content.write(chunk);
        }
        scanned.incrementAndGet();
        String text = content.toString(StandardCharsets.ISO_8859_1);
        String answer = text.contains(TestFiles.EICAR) ? "stream: Eicar-Test-Signature FOUND" : "stream: OK";
        out.write((answer + "\0").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
