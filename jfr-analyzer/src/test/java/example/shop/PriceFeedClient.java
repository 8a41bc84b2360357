package example.shop;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** An application's socket client: a read that gets an answer, and a long poll that times out. */
public final class PriceFeedClient {

    private PriceFeedClient() {}

    /** Reads one byte; the peer answers after a while. */
    public static int readAnswer(Socket s) throws IOException {
        return s.getInputStream().read();
    }

    /** Polls with a timeout; nothing comes. */
    public static boolean poll(Socket s, int timeoutMillis) throws IOException {
        s.setSoTimeout(timeoutMillis);
        InputStream in = s.getInputStream();
        try {
            return in.read() >= 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }
}
