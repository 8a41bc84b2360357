package dev.precog.analyzer.jfr;

import dev.precog.analyzer.window.WindowAccumulator;
import dev.precog.model.WaitSite;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;

/**
 * A thread blocked in socket or file I/O for a while: jdk.SocketRead, jdk.SocketWrite, jdk.FileRead
 * or jdk.FileWrite, each one instance of this class, attributed to its endpoint or path.
 */
final class IoEventHandler implements EventHandler {

    /** Shorter operations are not worth an event; JDK's own default is 20 ms. */
    private static final String THRESHOLD = "10 ms";

    private final String eventName;
    private final String kind;
    private final String bytesField;
    private final boolean socket;
    private final WindowAccumulator sink;
    private final InboundConnections inbound;

    private IoEventHandler(String eventName, String kind, String bytesField, boolean socket, WindowAccumulator sink,
            InboundConnections inbound) {
        this.eventName = eventName;
        this.kind = kind;
        this.bytesField = bytesField;
        this.socket = socket;
        this.sink = sink;
        this.inbound = inbound;
    }

    /** Reads; those on connections a server accepted ({@code inbound}) wait for a client and are left out. */
    static IoEventHandler socketRead(WindowAccumulator sink, InboundConnections inbound) {
        return new IoEventHandler("jdk.SocketRead", WaitSite.SOCKET_READ, "bytesRead", true, sink, inbound);
    }

    static IoEventHandler socketWrite(WindowAccumulator sink) {
        return new IoEventHandler("jdk.SocketWrite", WaitSite.SOCKET_WRITE, "bytesWritten", true, sink,
                InboundConnections.NONE);
    }

    static IoEventHandler fileRead(WindowAccumulator sink) {
        return new IoEventHandler("jdk.FileRead", WaitSite.FILE_READ, "bytesRead", false, sink, InboundConnections.NONE);
    }

    static IoEventHandler fileWrite(WindowAccumulator sink) {
        return new IoEventHandler("jdk.FileWrite", WaitSite.FILE_WRITE, "bytesWritten", false, sink, InboundConnections.NONE);
    }

    @Override
    public String eventName() {
        return eventName;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("threshold", THRESHOLD);
    }

    /** The stack names the code waiting for the endpoint. */
    @Override
    public boolean stackTrace() {
        return true;
    }

    @Override
    public void accept(RecordedEvent event) {
        sink.countEvent();
        if (socket) {
            WaitAttribution.socket(event, kind, bytesField, sink, inbound);
        } else {
            WaitAttribution.file(event, kind, bytesField, sink);
        }
    }
}
