package org.farebox.demo;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The demo's in-process MQTT 5 broker (HiveMQ CE embedded): loopback only, in-memory, with the
 * defaults that would silently drop a terminal's backlog raised (server Receive Maximum 10 and a
 * 1,000-message client queue), and usage statistics off. It belongs to the demo and the tests; a
 * real fleet talks to the operator's broker.
 */
final class EmbeddedBroker implements AutoCloseable {
    private final EmbeddedHiveMQ hivemq;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    static EmbeddedBroker start(Path dir) throws IOException {
        int port = freePort();
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(conf.resolve("config.xml"), config(port), StandardCharsets.UTF_8);
        Files.writeString(conf.resolve("logback.xml"), LOGBACK, StandardCharsets.UTF_8);
        // logback configures itself at the first logger HiveMQ's classes create, before HiveMQ reads conf/:
        // point it at the same quiet file so the broker's start-up chatter stays out of the demo's output.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", conf.resolve("logback.xml").toString());
        }
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(Files.createDirectories(dir.resolve("data")))
                .withExtensionsFolder(Files.createDirectories(dir.resolve("extensions")))
                .build();
        try {
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            try {
                hivemq.close();
            } catch (Exception ignored) {
                // the start failure is the error worth reporting
            }
            throw new IOException("the embedded MQTT broker did not start: " + e.getMessage(), e);
        }
        return new EmbeddedBroker(hivemq, port);
    }

    /** The broker's own log: warnings and errors only, so the demo's output stays the passengers'. */
    private static final String LOGBACK = """
            <configuration>
                <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>broker %-5level %msg%n</pattern></encoder>
                </appender>
                <logger name="com.hivemq" level="WARN"/>
                <root level="WARN"><appender-ref ref="CONSOLE"/></root>
            </configuration>
            """;

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    static String config(int port) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                        </tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>1000000</max-queue-size>
                            <strategy>discard-oldest</strategy>
                        </queued-messages>
                        <receive-maximum>
                            <server-receive-maximum>1000</server-receive-maximum>
                        </receive-maximum>
                    </mqtt>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception e) {
            System.err.println("demo: the embedded MQTT broker did not stop cleanly: " + e.getMessage());
        }
    }
}
