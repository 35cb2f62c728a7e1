package org.ruralcredit.system.console;

import org.ruralcredit.system.ServiceProcess;

/**
 * The platform as the console's browser tests need it: the services at their test ports, the
 * gateway, and the web console in front of them, each its own process; closed in reverse order.
 */
final class ConsoleStack implements AutoCloseable {

    final ServiceProcess registry;
    final ServiceProcess rating;
    final ServiceProcess morality;
    /** sme-archive, for the pages that show firms; null when not started. */
    final ServiceProcess sme;

    final ServiceProcess gateway;
    final ServiceProcess console;

    private ConsoleStack(boolean withSme) throws Exception {
        FreePorts.require(18080, 18081, 18082, 18083, 18084, 18085, 19080, 19081, 19082, 19083, 19084, 19085);
        registry = new ServiceProcess("farmer-registry", 18081).start();
        rating = new ServiceProcess("credit-rating", 18082).start();
        morality = new ServiceProcess("morality-score", 18083).start();
        sme = withSme ? new ServiceProcess("sme-archive", 18084).start() : null;
        gateway = new ServiceProcess("gateway", 18080, ServiceProcess.GATEWAY_SETTINGS).start();
        console = new ServiceProcess("web-console", 18085, ServiceProcess.CONSOLE_SETTINGS).start();
    }

    static ConsoleStack start(boolean withSme) throws Exception {
        return new ConsoleStack(withSme);
    }

    @Override
    public void close() throws InterruptedException {
        ServiceProcess.closeAll(console, gateway, sme, morality, rating, registry);
    }
}
