package org.farebox.clearing;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.farebox.clearing.store.JdbcClearingStore;
import org.tinylog.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code farebox-clearing run}: the clearing host, until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the clearing host: subscribe to every terminal's batches (shared subscription"
                + " $share/clearing/…), check, store, then ack. Stops cleanly on SIGTERM.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: ${DEFAULT-VALUE})",
            defaultValue = ClearingCli.DEFAULT_CONFIG)
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        ClearingConfig c = ClearingConfig.read(config);
        JdbcClearingStore store = ClearingCli.openStore(c, false);
        ClearingHost host = new ClearingHost(ClearingHost.linkOptions(c), store, c.haltAfterStore(), c.shareGroup());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Logger.info("stopping: {}", host.stats());
            host.close();
            store.close();
            stopped.countDown();
        }, "clearing-shutdown"));
        if (c.haltAfterStore() > 0) {
            Logger.warn("debug.halt_after_store = {}: this process will halt after that many batches (tests only)",
                    c.haltAfterStore());
        }
        Logger.info("clearing host {} starting: broker {}, store {}", c.clientId(), c.broker(),
                store.isSqlite() ? c.jdbcUrl() : "PostgreSQL");
        host.start();
        stopped.await();
        return 0;
    }
}
