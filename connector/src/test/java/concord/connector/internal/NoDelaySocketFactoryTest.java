package concord.connector.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {

    @Test
    void everySocketItMakesHasNagleOff() throws Exception {
        SocketFactory factory = new NoDelaySocketFactory(SocketFactory.getDefault());
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 10, loopback)) {
            int port = server.getLocalPort();
            try (Socket unconnected = factory.createSocket();
                 Socket byName = factory.createSocket(loopback.getHostAddress(), port);
                 Socket byAddress = factory.createSocket(loopback, port);
                 Socket withLocal = factory.createSocket(loopback, port, loopback, 0);
                 Socket byNameWithLocal = factory.createSocket(loopback.getHostAddress(), port, loopback, 0)) {
                for (Socket s : new Socket[] {unconnected, byName, byAddress, withLocal, byNameWithLocal}) {
                    assertTrue(s.getTcpNoDelay());
                }
            }
        }
    }
}
