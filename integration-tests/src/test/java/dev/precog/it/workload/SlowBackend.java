package dev.precog.it.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A slow backend inside the workload's own JVM: a loopback server that answers each line it reads
 * after a fixed latency, one thread per connection. Stands in for a remote service.
 */
final class SlowBackend {

    private final ServerSocket server;

    SlowBackend(String name, long latencyMillis) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket s = server.accept();
                    Thread conn = new Thread(() -> answer(s, latencyMillis), name + "-conn");
                    conn.setDaemon(true);
                    conn.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, name);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private static void answer(Socket s, long latencyMillis) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String request;
            while ((request = in.readLine()) != null) {
                Thread.sleep(latencyMillis);
                out.println(request + " " + (100 + request.hashCode() % 7));
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }
}
