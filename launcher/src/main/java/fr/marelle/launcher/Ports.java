package fr.marelle.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks up front that the fixed local ports are free, so a clash is one clear line instead of a crashed app. */
final class Ports {

    private Ports() {
    }

    /** @param wanted port → what needs it */
    static void requireFree(Map<Integer, String> wanted) {
        Map<Integer, String> busy = new LinkedHashMap<>();
        wanted.forEach((port, user) -> {
            if (!isFree(port)) {
                busy.put(port, user);
            }
        });
        if (!busy.isEmpty()) {
            StringBuilder message = new StringBuilder("Ports déjà utilisés sur 127.0.0.1 :");
            busy.forEach((port, user) -> message.append("\n  - ").append(port).append(" (").append(user).append(')'));
            message.append("\nUne autre instance de Marelle tourne-t-elle ? Voyez `ss -ltnp` pour savoir qui les occupe.");
            throw new LauncherException(message.toString());
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // a listener on 127.0.0.1 or on every address both make this bind fail
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
