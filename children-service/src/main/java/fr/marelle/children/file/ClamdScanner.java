package fr.marelle.children.file;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * clamd's INSTREAM protocol over TCP: {@code zINSTREAM\0}, then the content in chunks each prefixed with its length
 * (4 bytes, big-endian), a zero-length chunk to end; clamd answers {@code stream: OK}, {@code stream: <name> FOUND}
 * or an error, terminated by {@code \0}. Any failure to get one of the first two answers is an {@link IOException}:
 * the caller refuses the upload.
 */
public final class ClamdScanner implements VirusScanner {

    static final int CHUNK = 64 * 1024;
    private final String host;
    private final int port;
    private final Duration timeout;

    public ClamdScanner(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public String scan(byte[] content) throws IOException {
        try (Socket socket = new Socket()) {
            int millis = Math.toIntExact(timeout.toMillis());
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            OutputStream raw = socket.getOutputStream();
            DataOutputStream out = new DataOutputStream(raw);
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < content.length; offset += CHUNK) {
                int length = Math.min(CHUNK, content.length - offset);
                out.writeInt(length);
                out.write(content, offset, length);
            }
            out.writeInt(0);
            out.flush();
            String answer = readAnswer(socket.getInputStream());
            if (answer.endsWith(" OK")) {
                return null;
            }
            if (answer.endsWith(" FOUND")) {
                String signature = answer.substring(answer.indexOf(':') + 1, answer.length() - " FOUND".length())
                        .strip();
                return signature.isEmpty() ? "inconnue" : signature;
            }
            throw new IOException("clamd answered: " + answer);
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0) {
            answer.write(b);
            if (answer.size() > 4096) {
                throw new IOException("clamd's answer is too long");
            }
        }
        if (b < 0 && answer.size() == 0) {
            throw new IOException("clamd closed the connection without answering");
        }
        return answer.toString(StandardCharsets.US_ASCII).strip();
    }

    @Override
    public String toString() {
        return "clamd " + host + ":" + port;
    }
}
