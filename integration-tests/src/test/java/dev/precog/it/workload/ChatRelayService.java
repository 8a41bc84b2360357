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
 * A chat relay: a blocking line server, one thread per connection (as a legacy blocking connector
 * or an embedded database's TCP server has), whose clients keep their connections open and speak
 * every few hundred milliseconds. Its connection threads spend their time in socket reads waiting
 * for the next line: a server waiting for its clients, not an I/O-bound one. The clients run in the
 * same JVM. Args: clients, milliseconds between a client's lines.
 */
public final class ChatRelayService {

    /** One accepted connection: reads a line, waiting for the client to speak, and acknowledges it. */
    static final class Connection implements Runnable {
        private final Socket socket;

        Connection(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void run() {
            try (Socket s = socket;
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.println("ack " + line.length());
                }
            } catch (IOException e) {
                // the client went away
            }
        }
    }

    private ChatRelayService() {}

    public static void main(String[] args) throws Exception {
        ParentWatch.start();
        int clients = Integer.parseInt(args[0]);
        long pauseMillis = Long.parseLong(args[1]);
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            for (int n = 0; ; n++) {
                try {
                    Thread t = new Thread(new Connection(server.accept()), "relay-conn-" + n);
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "relay-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        for (int i = 0; i < clients; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            RequestThreads.start("chat-client-" + i, 1, pauseMillis, n -> {
                out.println("message " + n);
                try {
                    in.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        System.out.println("ready");
        Thread.currentThread().join();
    }
}
