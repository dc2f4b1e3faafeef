package org.farebox.mqtt;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.farebox.mqtt.tls.NoDelaySocketFactory;

/** Paho's connect options as a Farebox link wants them: our reconnect, our timeouts, TCP_NODELAY always. */
final class PahoOptions {
    private PahoOptions() {
    }

    static MqttConnectionOptions of(LinkOptions options) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setAutomaticReconnect(false);
        o.setCleanStart(options.cleanStart());
        o.setSessionExpiryInterval(options.sessionExpirySeconds());
        o.setKeepAliveInterval((int) Math.max(1, options.keepAlive().toSeconds()));
        o.setConnectionTimeout((int) Math.max(1, options.connectTimeout().toSeconds()));
        o.setReceiveMaximum(options.inboundWindow());
        o.setSocketFactory(noDelay(options.socketFactory().orElse(null)));
        if (options.will() != null) {
            LinkOptions.Will w = options.will();
            o.setWill(w.topic(), new MqttMessage(w.payload(), w.qos(), w.retained(), null));
        }
        return o;
    }

    /** Paho never sets TCP_NODELAY; without it every publish waits for the peer's delayed ACK. */
    static SocketFactory noDelay(SocketFactory given) {
        if (given == null) {
            return NoDelaySocketFactory.plain();
        }
        if (given instanceof SSLSocketFactory && !(given instanceof NoDelaySocketFactory)) {
            return new NoDelaySocketFactory((SSLSocketFactory) given);
        }
        return given;
    }
}
