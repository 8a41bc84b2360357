package dev.precog.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceptedConnectionsTest {

    private static final String HEADER =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    private static final String TAIL = " 00000000:00000000 00:00000000 00000000  1000        0 4242 1 0000000000000000 20 4 30 10 -1\n";

    /**
     * A server listening on 127.0.0.1:41394 (0xA1B2) with one client at port 50000 (0xC350) in the
     * same host, so both ends of that connection are in the table; and this host's own outbound
     * connection to 93.184.216.34:443.
     */
    private static final String TCP = HEADER
            + "   0: 0100007F:A1B2 00000000:0000 0A" + TAIL
            + "   1: 0100007F:A1B2 0100007F:C350 01" + TAIL
            + "   2: 0100007F:C350 0100007F:A1B2 01" + TAIL
            + "   3: 0F02000A:D431 22D8B85D:01BB 01" + TAIL;

    /** A dual-stack listener on port 8080 with an IPv4 client (v4-mapped) and an IPv6 loopback client. */
    private static final String TCP6 = HEADER
            + "   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A" + TAIL
            + "   1: 0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:D6D8 01" + TAIL
            + "   2: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:EA60 01" + TAIL;

    @Test
    void theClientsOfAListeningPortAreInboundAndTheServersItCallsAreNot() {
        assertThat(AcceptedConnections.clientsOfListeners(TCP + TCP6))
                .containsExactlyInAnyOrder("127.0.0.1:50000", "127.0.0.1:55000", "0:0:0:0:0:0:0:1:60000");
    }

    @Test
    void aServerReadingFromItsClientIsInboundAClientReadingItsAnswerIsNot(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), TCP);
        AcceptedConnections connections = new AcceptedConnections(proc);

        // the server thread's socket has the client at its remote end
        assertThat(connections.isInbound("127.0.0.1", 50000)).isTrue();
        // the client thread's socket has the server's listening port at its remote end: a real wait for an answer
        assertThat(connections.isInbound("127.0.0.1", 41394)).isFalse();
        assertThat(connections.isInbound("93.184.216.34", 443)).isFalse();
    }

    @Test
    void withoutConnectionTablesNothingIsInbound(@TempDir Path proc) {
        assertThat(new AcceptedConnections(proc).isInbound("127.0.0.1", 50000)).isFalse();
    }
}
