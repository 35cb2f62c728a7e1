package org.ruralcredit.system.console;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * The system tests' fixed ports must be free before a suite starts its services: a service of
 * another run still listening there would answer the readiness check in place of this run's, and
 * the browser would then judge the other run's pages.
 */
final class FreePorts {

    private FreePorts() {}

    static void require(int... ports) {
        List<Integer> taken = new ArrayList<>();
        for (int port : ports) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                taken.add(port);
            } catch (IOException free) {
                // nothing listens there
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("ports " + taken + " are in use, by another run of the system tests?");
        }
    }
}
