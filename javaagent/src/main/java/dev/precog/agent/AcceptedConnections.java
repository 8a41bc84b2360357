package dev.precog.agent;

import dev.precog.analyzer.jfr.InboundConnections;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clients connected to this host's listening sockets, from Linux's connection tables
 * ({@code /proc/net/tcp} and {@code tcp6}, this network namespace's): a connection whose local port
 * is a listening one was accepted, and its remote end is a client. Read again only when an endpoint
 * is not known yet, at most once a second and never more than 1% of the reading thread's time;
 * endpoints judged outbound are remembered for half a minute. Elsewhere nothing is inbound.
 */
final class AcceptedConnections implements InboundConnections {

    static final long MIN_REFRESH_NANOS = 1_000_000_000L;
    /** Refreshes are spaced at least this many times their own duration apart. */
    static final long COST_SPACING = 100;
    static final long OUTBOUND_MEMORY_NANOS = 30_000_000_000L;
    static final int MAX_REMEMBERED = 10_000;
    private static final String LISTEN = "0A";
    private static final String ESTABLISHED = "01";

    private final List<Path> tables;
    private Set<String> inbound = Set.of();
    private final Map<String, Long> outbound = new HashMap<>();
    private boolean everRead;
    private long readAt;
    private long spacing = MIN_REFRESH_NANOS;

    AcceptedConnections(Path proc) {
        this.tables = List.of(proc.resolve("net/tcp"), proc.resolve("net/tcp6"));
    }

    /** This JVM's view, from {@code /proc}. */
    static AcceptedConnections fromProc() {
        return new AcceptedConnections(Path.of("/proc"));
    }

    @Override
    public synchronized boolean isInbound(String address, long port) {
        String endpoint = address + ":" + port;
        if (inbound.contains(endpoint)) {
            return true;
        }
        long now = System.nanoTime();
        Long judged = outbound.get(endpoint);
        if (judged != null && now - judged < OUTBOUND_MEMORY_NANOS) {
            return false;
        }
        if (!everRead || now - readAt >= spacing) {
            inbound = read();
            long took = System.nanoTime() - now;
            everRead = true;
            readAt = now;
            spacing = Math.max(MIN_REFRESH_NANOS, COST_SPACING * took);
            if (inbound.contains(endpoint)) {
                return true;
            }
        }
        if (outbound.size() >= MAX_REMEMBERED) {
            outbound.clear();
        }
        outbound.put(endpoint, now);
        return false;
    }

    private Set<String> read() {
        StringBuilder all = new StringBuilder();
        for (Path table : tables) {
            try {
                all.append(Files.readString(table, StandardCharsets.US_ASCII)).append('\n');
            } catch (IOException | RuntimeException e) {
                // no such table (not Linux, no IPv6): nothing accepted there
            }
        }
        return clientsOfListeners(all.toString());
    }

    /**
     * The remote ends ({@code address:port}, as {@link InetAddress#getHostAddress()} writes them) of
     * established connections whose local port some socket in the tables listens on.
     */
    static Set<String> clientsOfListeners(String tables) {
        Set<Integer> listening = new HashSet<>();
        List<String[]> established = new ArrayList<>();
        for (String line : tables.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // sl local_address rem_address st ...; the header's fourth column is "st"
            if (f.length < 4 || !f[0].endsWith(":")) {
                continue;
            }
            if (LISTEN.equals(f[3])) {
                listening.add(port(f[1]));
            } else if (ESTABLISHED.equals(f[3])) {
                established.add(f);
            }
        }
        Set<String> clients = new HashSet<>();
        for (String[] f : established) {
            if (listening.contains(port(f[1]))) {
                String remote = address(f[2]);
                if (remote != null) {
                    clients.add(remote + ":" + port(f[2]));
                }
            }
        }
        return clients;
    }

    private static int port(String hexEndpoint) {
        return Integer.parseInt(hexEndpoint.substring(hexEndpoint.indexOf(':') + 1), 16);
    }

    /** The kernel prints each 32-bit word of the address in the host's (little-endian) byte order. */
    private static String address(String hexEndpoint) {
        String hex = hexEndpoint.substring(0, hexEndpoint.indexOf(':'));
        if (hex.length() != 8 && hex.length() != 32) {
            return null;
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int b = 0; b < 4; b++) {
                int at = word * 8 + (3 - b) * 2;
                bytes[word * 4 + b] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            // a v4-mapped IPv6 address comes back as the IPv4 one, as Java names the peer
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
