package fr.marelle.systemtests.offline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;

/**
 * A JVM that does what a Marelle app must never do: resolve a name through DNS and open a connection to an address
 * on the internet. Run in the offline harness, it shows the check catches both. Both attempts fail there (no
 * network); the harness sees them anyway, which is the point.
 */
public final class CallOutProbe {

    /** example.com's long-standing address; never reached, the namespace has no route. */
    public static final String OUTSIDE_ADDRESS = "93.184.216.34";
    public static final int OUTSIDE_PORT = 80;
    /** Not in any hosts file, so the resolver has to ask a name server. */
    public static final String NAME = "offline-probe.marelle.example";

    private CallOutProbe() {
    }

    public static void main(String[] args) {
        try {
            InetAddress.getByName(NAME);
            System.out.println("resolved " + NAME);
        } catch (UnknownHostException expected) {
            System.out.println("could not resolve " + NAME + ": " + expected.getMessage());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(OUTSIDE_ADDRESS, OUTSIDE_PORT), 2000);
            System.out.println("connected to " + OUTSIDE_ADDRESS);
        } catch (IOException expected) {
            System.out.println("could not connect to " + OUTSIDE_ADDRESS + ": " + expected.getMessage());
        }
    }
}
