package dev.precog.analyzer.jfr;

/**
 * Tells the connections a server accepted from the ones it opened. A socket read on an accepted
 * connection waits for the client to speak (a thread-per-connection server idling between
 * requests), not for an answer, so it is no sign of an I/O-bound application. JFR's socket events
 * carry only the remote endpoint; the live agent looks the endpoint up in the host's connection
 * table, a recording read offline cannot.
 */
@FunctionalInterface
public interface InboundConnections {

    /** Nothing known: every read counts (a recording read offline). */
    InboundConnections NONE = (address, port) -> false;

    /** Whether {@code address:port} is the client end of a connection to one of this host's listening sockets. */
    boolean isInbound(String address, long port);
}
