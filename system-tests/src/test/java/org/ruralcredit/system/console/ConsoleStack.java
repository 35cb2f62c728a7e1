package org.ruralcredit.system.console;

import org.ruralcredit.system.ServiceProcess;
import org.ruralcredit.system.SharedStack;

/**
 * The platform as the console's browser tests need it: the services at their test ports, the
 * gateway and the web console in front of them, each its own process — the shared platform
 * ({@link SharedStack}), which outlives a suite.
 */
final class ConsoleStack implements AutoCloseable {

    final ServiceProcess registry;
    final ServiceProcess rating;
    final ServiceProcess morality;
    final ServiceProcess sme;
    final ServiceProcess gateway;
    final ServiceProcess console;

    private ConsoleStack() {
        registry = SharedStack.service(SharedStack.REGISTRY);
        rating = SharedStack.service(SharedStack.RATING);
        morality = SharedStack.service(SharedStack.MORALITY);
        sme = SharedStack.service(SharedStack.SME);
        gateway = SharedStack.service(SharedStack.GATEWAY);
        console = SharedStack.service(SharedStack.CONSOLE);
    }

    /** The shared platform, every service started (sme-archive too: the firms' pages need it). */
    static ConsoleStack start() throws Exception {
        SharedStack.start();
        return new ConsoleStack();
    }

    /** Nothing to do: the shared platform stops after the last suite that uses it. */
    @Override
    public void close() {}
}
